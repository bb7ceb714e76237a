"""Users: first owner, login with PIN, adding and deactivating people."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shopdesk import audit
from shopdesk.auth.actor import CS_LEVELS, JOBS, ROLES, SYSTEM, Actor
from shopdesk.auth.models import User
from shopdesk.auth.permissions import Perm, require
from shopdesk.auth.pins import hash_pin, valid_pin, verify_pin
from shopdesk.clock import now
from shopdesk.db.engine import Database
from shopdesk.errors import InvalidInput, NotFound, PermissionDenied

MAX_FAILED = 5
LOCK_MINUTES = 5


@dataclass(frozen=True)
class UserRow:
    id: int
    name: str
    role: str
    job: str | None
    cs_level: str | None
    supervisor_id: int | None
    active: bool
    has_pin: bool


def actor_of(user: User) -> Actor:
    return Actor(
        id=user.id,
        name=user.name,
        role=user.role,
        job=user.job,
        cs_level=user.cs_level,
        supervisor_id=user.supervisor_id,
    )


def _row(u: User) -> UserRow:
    return UserRow(
        u.id, u.name, u.role, u.job, u.cs_level, u.supervisor_id, u.active, u.pin_hash is not None
    )


def has_users(db: Database) -> bool:
    with db.read() as s:
        return bool(s.scalar(select(func.count()).select_from(User)))


def list_users(db: Database, *, include_inactive: bool = False) -> list[UserRow]:
    with db.read() as s:
        q = select(User).order_by(User.role != "owner", User.name)
        if not include_inactive:
            q = q.where(User.active.is_(True))
        return [_row(u) for u in s.execute(q).scalars()]


def _check_fields(
    name: str, role: str, pin: str | None, job: str | None, cs_level: str | None
) -> None:
    if not name.strip():
        raise InvalidInput("姓名不能为空")
    if len(name) > 64:
        raise InvalidInput("姓名最多 64 个字符")
    if role not in ROLES:
        raise InvalidInput(f"角色必须是 {', '.join(ROLES)} 之一, 不是 “{role}”")
    if pin is not None and pin != "" and not valid_pin(pin):
        raise InvalidInput("PIN 必须是 4–8 位数字")
    if job is not None and job not in JOBS:
        raise InvalidInput(f"岗位必须是 {'/'.join(JOBS)} 之一")
    if cs_level is not None and cs_level not in CS_LEVELS:
        raise InvalidInput(f"客服级别必须是 {'/'.join(CS_LEVELS)} 之一")


def _insert_user(
    s: Session,
    actor: Actor,
    name: str,
    role: str,
    pin: str | None,
    job: str | None,
    cs_level: str | None,
    supervisor: str | None,
) -> User:
    name = name.strip()
    _check_fields(name, role, pin, job, cs_level)
    if s.scalar(select(User.id).where(User.name == name)) is not None:
        raise InvalidInput(f"已经有名为 “{name}” 的用户")
    sup_id = None
    if supervisor:
        sup_id = s.scalar(select(User.id).where(User.name == supervisor))
        if sup_id is None:
            raise NotFound(f"没有名为 “{supervisor}” 的主管")
    user = User(
        name=name,
        role=role,
        job=job,
        cs_level=cs_level,
        supervisor_id=sup_id,
        pin_hash=hash_pin(pin) if pin else None,
    )
    s.add(user)
    s.flush()
    audit.record(
        s,
        actor,
        "user",
        user.id,
        "create",
        None,
        {"name": name, "role": role, "job": job, "cs_level": cs_level, "supervisor": supervisor},
    )
    return user


def create_owner(db: Database, name: str, pin: str | None = None) -> Actor:
    """First run: the first account is the owner; refused once any user exists."""
    with db.write() as s:
        if s.scalar(select(func.count()).select_from(User)):
            raise InvalidInput("店主账号已经存在")
        user = _insert_user(s, SYSTEM, name, "owner", pin, "店主", None, None)
        return actor_of(user)


def add_user(
    db: Database,
    actor: Actor,
    name: str,
    role: str,
    pin: str | None = None,
    *,
    job: str | None = None,
    cs_level: str | None = None,
    supervisor: str | None = None,
) -> UserRow:
    require(actor, Perm.MANAGE_USERS)
    with db.write() as s:
        return _row(_insert_user(s, actor, name, role, pin, job, cs_level, supervisor))


def _get_by_name(s: Session, name: str) -> User:
    user = s.execute(select(User).where(User.name == name)).scalar_one_or_none()
    if user is None:
        raise NotFound(f"没有名为 “{name}” 的用户")
    return user


def deactivate(db: Database, actor: Actor, name: str) -> None:
    """Immediate revocation: the user cannot log in; their history stays."""
    require(actor, Perm.MANAGE_USERS)
    with db.write() as s:
        user = _get_by_name(s, name)
        if user.id == actor.id:
            raise InvalidInput("不能停用自己的账号")
        if user.role == "owner":
            owners = s.scalar(
                select(func.count()).where(User.role == "owner", User.active.is_(True))
            )
            if (owners or 0) <= 1:
                raise InvalidInput("至少要保留一个启用的店主账号")
        user.active = False
        audit.record(s, actor, "user", user.id, "deactivate", {"active": True}, {"active": False})


def reset_pin(db: Database, actor: Actor, name: str, pin: str | None) -> None:
    """Owner sets a new PIN (or none) for someone, e.g. after they forgot it; unlocks them."""
    if actor.name != name:
        require(actor, Perm.MANAGE_USERS)
    if pin and not valid_pin(pin):
        raise InvalidInput("PIN 必须是 4–8 位数字")
    with db.write() as s:
        user = _get_by_name(s, name)
        user.pin_hash = hash_pin(pin) if pin else None
        user.failed_logins = 0
        user.locked_until = None
        audit.record(s, actor, "user", user.id, "reset_pin", None, {"has_pin": bool(pin)})


def login(db: Database, name: str, pin: str | None) -> Actor:
    """Check a PIN; five wrong PINs lock the account for a few minutes."""
    with db.write() as s:
        user = s.execute(select(User).where(User.name == name)).scalar_one_or_none()
        if user is None or not user.active:
            raise PermissionDenied(f"用户 “{name}” 不存在或已停用")
        moment = now()
        if user.locked_until is not None and user.locked_until > moment:
            minutes = int((user.locked_until - moment).total_seconds() // 60) + 1
            raise PermissionDenied(f"PIN 错误次数过多, 账号已锁定, 请 {minutes} 分钟后再试")
        if user.pin_hash is None:
            return actor_of(user)
        if pin and verify_pin(pin, user.pin_hash):
            if user.failed_logins:
                user.failed_logins = 0
                user.locked_until = None
            return actor_of(user)
        user.failed_logins += 1
        left = MAX_FAILED - user.failed_logins
        if left <= 0:
            user.locked_until = moment + timedelta(minutes=LOCK_MINUTES)
            user.failed_logins = 0
            audit.record(
                s, actor_of(user), "user", user.id, "locked", None, {"minutes": LOCK_MINUTES}
            )
            message = f"PIN 错误次数过多, 账号锁定 {LOCK_MINUTES} 分钟"
        else:
            message = f"PIN 不正确 (还可尝试 {left} 次)"
    raise PermissionDenied(message)


def actor_by_name(db: Database, name: str) -> Actor:
    with db.read() as s:
        user = _get_by_name(s, name)
        if not user.active:
            raise PermissionDenied(f"用户 “{name}” 已停用")
        return actor_of(user)
