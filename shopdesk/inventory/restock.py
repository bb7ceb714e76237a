"""The weekly restock formula (DOMAIN.md §2), as a pure function of plain data.

Why pure: the CLI, the GUI, the saved-sheet snapshot and the benchmark all call the same function,
and tests pin every part of the formula without a database. Why integers: `need` is a ceiling,
and `ceil(10 / 28 * 28)` in floats can come out as 11, so the quantity that decides how many
cartons get ordered is computed as an exact fraction of integers (uplift in thousandths, as the
campaigns table stores it); velocity and campaign extra are floats for display only.

Inputs (pandas frames, or sequences of dicts/dataclasses that become frames):

- products: product_id, sku, name, supplier, tier, hero, lead_time_days (None → the
  supplier_lead_time_days column, then `settings.default_lead_time_days`), case_pack, moq,
  warning_level (None → tier default), on_hand, active.
- sales: product_id, day, units (one row per SKU and day; days without a row count as 0).
- on_order: product_id, qty, eta (open, not yet received purchase-order lines).
- campaigns: product_id, start, end, uplift, stage (one row per campaign × SKU occurrence).

Instead of product_id the frames may all be keyed by sku.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

TIERS = ("hot", "regular", "slow")
TIER_LABELS = {"hot": "热销", "regular": "常销", "slow": "滞销"}

# Campaign stages that never add demand (DOMAIN §2: "not cancelled or rejected").
NO_DEMAND_STAGES = frozenset({"cancelled", "rejected"})
# Stages at which a past campaign is taken to have actually run, so its days are left out of the
# velocity baseline. "planned" and "registered" were never confirmed, so they do not count.
RAN_STAGES = frozenset(
    {
        "approved",
        "stock_prepared",
        "notified",
        "page_designed",
        "promotion_ready",
        "live",
        "reviewed",
    }
)
NO_SUPPLIER = "(无供应商)"

PRODUCT_COLUMNS = (
    "sku",
    "name",
    "supplier",
    "tier",
    "hero",
    "lead_time_days",
    "case_pack",
    "moq",
    "warning_level",
    "on_hand",
    "active",
)
# The columns of the result, in the order a sheet shows them.
RESULT_COLUMNS = (
    "product_id",
    "sku",
    "name",
    "supplier",
    "tier",
    "hero",
    "on_hand",
    "on_order",
    "lead_time",
    "review_days",
    "safety_days",
    "cover_days",
    "units_in_window",
    "velocity_days",
    "velocity",
    "campaign_extra",
    "need",
    "case_pack",
    "moq",
    "suggested_qty",
    "warning_level",
    "below_warning",
    "days_of_cover",
    "stockout_risk",
)


def _tier_map(hot: int, regular: int, slow: int) -> dict[str, int]:
    return {"hot": hot, "regular": regular, "slow": slow}


@dataclass(frozen=True)
class RestockSettings:
    """The owner-editable defaults of DOMAIN §2 (stored as settings; these are the defaults)."""

    review_days: int = 7
    safety_days: Mapping[str, int] = field(default_factory=lambda: _tier_map(7, 4, 0))
    warning_levels: Mapping[str, int] = field(default_factory=lambda: _tier_map(50, 20, 5))
    baseline_rule: bool = True
    window_days: int = 28
    default_lead_time_days: int = 7
    restock_weekday: int = 3  # Monday = 0; Thursday by default [003 采购 1]

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-able form, kept with a saved sheet so it shows how it was computed."""
        d = asdict(self)
        d["safety_days"] = dict(self.safety_days)
        d["warning_levels"] = dict(self.warning_levels)
        return d

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RestockSettings:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


class RestockRow(NamedTuple):
    """One line of the sheet with every input shown, so an owner can see why.

    A NamedTuple, not a frozen dataclass: a sheet's 4,000 rows are made in C (`_make`), 4× as
    fast."""

    product_id: int | None
    sku: str
    name: str
    supplier: str
    tier: str
    hero: bool
    on_hand: int
    on_order: int
    lead_time: int
    review_days: int
    safety_days: int
    cover_days: int
    units_in_window: int
    velocity_days: int
    velocity: float
    campaign_extra: float
    need: int
    case_pack: int
    moq: int
    suggested_qty: int
    warning_level: int
    below_warning: bool
    days_of_cover: float  # math.inf when velocity is 0
    stockout_risk: bool


def default_sheet_date(today: date, weekday: int = 3) -> date:
    """This week's restock day (weeks run Monday to Sunday), even if it has already passed."""
    return today - timedelta(days=today.weekday()) + timedelta(days=weekday % 7)


def _as_frame(data: Any, columns: Sequence[str]) -> pd.DataFrame:
    import pandas as pd

    if data is None:
        return pd.DataFrame(columns=list(columns))
    if isinstance(data, pd.DataFrame):
        return data
    rows = [asdict(r) if is_dataclass(r) and not isinstance(r, type) else dict(r) for r in data]
    if not rows:
        return pd.DataFrame(columns=list(columns))
    return pd.DataFrame(rows)


def _days(values: Any) -> np.ndarray:
    """Dates (date objects, strings or datetime64) as integer day numbers since 1970-01-01."""
    import numpy as np
    import pandas as pd

    arr = np.asarray(values)
    if arr.dtype.kind == "M":
        return arr.astype("datetime64[D]").astype(np.int64)
    if len(arr) == 0:
        return np.zeros(0, dtype=np.int64)
    if arr.dtype.kind in "UO":
        # Each distinct value converted once: a window's 20,000 rows hold about 28 different days.
        codes, uniques = pd.factorize(arr)
        if (codes >= 0).all() and (
            all(type(v) is str for v in uniques) or all(type(v) is date for v in uniques)
        ):  # ISO texts, or date objects from the db
            return np.asarray(uniques, dtype="datetime64[D]").astype(np.int64)[codes]
    return pd.to_datetime(pd.Series(arr)).to_numpy().astype("datetime64[D]").astype(np.int64)


def _day_number(d: date) -> int:
    return (d - date(1970, 1, 1)).days


def _num_col(frame: pd.DataFrame, name: str) -> pd.Series:
    """A numeric column (NaN where missing or blank); all NaN if the frame lacks it."""
    import numpy as np
    import pandas as pd

    if name not in frame.columns:
        return pd.Series(np.nan, index=frame.index, dtype=float)
    return pd.to_numeric(frame[name], errors="coerce").astype(float)


def _bool_col(frame: pd.DataFrame, name: str, default: bool) -> np.ndarray:
    import numpy as np

    if name not in frame.columns:
        return np.full(len(frame), default, dtype=bool)
    return frame[name].astype("boolean").fillna(default).to_numpy(dtype=bool)


def _int_col(frame: pd.DataFrame, name: str, default: int) -> np.ndarray:
    import numpy as np
    import pandas as pd

    if name not in frame.columns:
        return np.full(len(frame), default, dtype=np.int64)
    col = pd.to_numeric(frame[name], errors="coerce")
    return col.fillna(default).to_numpy(dtype=np.int64)


def _milli(values: Any) -> np.ndarray:
    """Uplift factors (Decimal, float, text; missing = 1) in thousandths, each distinct value
    converted once (a sheet's campaign rows hold a handful)."""
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(np.asarray(values, dtype=object))
    milli = [round(float(v) * 1000) for v in uniques]
    return np.array([*milli, 1000], dtype=np.int64)[codes]  # code -1 (missing) → the last: 1


def _ceil_div(a: np.ndarray, b: np.ndarray | int) -> np.ndarray:
    return -((-a) // b)


def compute(
    products: Any,
    sales: Any,
    on_order: Any,
    campaigns: Any,
    settings: RestockSettings,
    sheet_date: date,
    *,
    only_listed: bool = True,
) -> pd.DataFrame:
    """The restock sheet for `sheet_date` as a frame with RESULT_COLUMNS, sorted for printing.

    With `only_listed` (the default) only active SKUs with a suggested quantity or below their
    warning level are returned, grouped by supplier, hero SKUs first, then days of cover
    ascending; without it every product is returned in input order (for the catalogue table).
    """
    import numpy as np
    import pandas as pd

    prod = _as_frame(products, PRODUCT_COLUMNS)
    if not prod.index.equals(pd.RangeIndex(len(prod))):  # a copy of 20,000 rows costs 3 ms
        prod = prod.reset_index(drop=True)
    key = "product_id" if "product_id" in prod.columns else "sku"
    n = len(prod)
    window = int(settings.window_days)
    d0 = _day_number(sheet_date)
    keys = pd.Index(prod[key])
    if not keys.is_unique:
        raise ValueError(f"products: duplicate {key}")

    tier_col = prod["tier"] if "tier" in prod else pd.Series("regular", index=prod.index)
    tier_str = tier_col.to_numpy(dtype=object)
    # Unknown or missing tiers count as "regular" (the model's default).
    tier_idx = np.select([tier_str == "hot", tier_str == "slow"], [0, 2], 1).astype(np.int64)
    lead = _num_col(prod, "lead_time_days")
    if "supplier_lead_time_days" in prod.columns:
        lead = lead.fillna(_num_col(prod, "supplier_lead_time_days"))
    lead_arr = lead.fillna(settings.default_lead_time_days).to_numpy(dtype=np.int64)
    safety = np.array([int(settings.safety_days.get(t, 0)) for t in TIERS], dtype=np.int64)
    warn_default = np.array([int(settings.warning_levels.get(t, 0)) for t in TIERS], np.int64)
    safety_arr = safety[tier_idx]
    cover = lead_arr + int(settings.review_days) + safety_arr
    warning_arr = (
        _num_col(prod, "warning_level")
        .fillna(pd.Series(warn_default[tier_idx], index=prod.index))
        .to_numpy(dtype=np.int64)
    )
    on_hand = _int_col(prod, "on_hand", 0)
    case_pack = np.maximum(_int_col(prod, "case_pack", 1), 1)
    moq = np.maximum(_int_col(prod, "moq", 0), 0)

    # --- sales in the window D-W .. D-1: per-SKU totals, and flat (SKU × day) cell numbers ----
    sal = _as_frame(sales, (key, "day", "units"))
    if len(sal):
        idx = keys.get_indexer(sal[key])
        off = _days(sal["day"].to_numpy()) - (d0 - window)
        ok = (idx >= 0) & (off >= 0) & (off < window)
        u = pd.to_numeric(sal["units"], errors="coerce").fillna(0).to_numpy(dtype=np.float64)
        s_idx, s_cell, s_units = idx[ok], idx[ok] * window + off[ok], u[ok]
    else:
        s_idx = s_cell = np.zeros(0, np.int64)
        s_units = np.zeros(0, np.float64)
    # bincount is ~10× faster than np.add.at; float sums of integers are exact below 2**53.
    total_units = np.rint(np.bincount(s_idx, weights=s_units, minlength=n)).astype(np.int64)

    camp = _as_frame(campaigns, (key, "start", "end", "uplift", "stage"))
    if len(camp):
        c_idx = keys.get_indexer(camp[key])
        c_start = _days(camp["start"].to_numpy())
        c_end = _days(camp["end"].to_numpy())
        stage = camp["stage"].astype(str).to_numpy() if "stage" in camp else np.full(len(camp), "")
        uplift_milli = _milli(camp["uplift"].to_numpy() if "uplift" in camp else np.ones(len(camp)))
    else:
        c_idx = c_start = c_end = uplift_milli = np.zeros(0, np.int64)
        stage = np.zeros(0, dtype=str)

    # --- baseline rule: leave campaign days out of the sum and the divisor ----------------------
    # Only SKUs with a campaign day in the window need their days one by one (a few hundred of
    # 20,000); the rest sold their window total over the whole window.
    sold = total_units
    days = np.full(n, window, dtype=np.int64)
    if settings.baseline_rule and len(c_idx):
        ran = np.isin(stage, list(RAN_STAGES)) & (c_idx >= 0)
        s = np.clip(c_start - (d0 - window), 0, window)
        e = np.clip(c_end - (d0 - window) + 1, 0, window)  # exclusive
        ran &= e > s
        touched = np.unique(c_idx[ran])
        if len(touched):
            pos = np.full(n, -1, dtype=np.int64)
            pos[touched] = np.arange(len(touched))
            m = len(touched)
            diff = np.zeros((m, window + 1), dtype=np.int64)
            np.add.at(diff, (pos[c_idx[ran]], s[ran]), 1)
            np.add.at(diff, (pos[c_idx[ran]], e[ran]), -1)
            campaign_day = np.cumsum(diff, axis=1)[:, :window] > 0
            mine = pos[s_idx] >= 0
            cells = pos[s_idx[mine]] * window + (s_cell[mine] - s_idx[mine] * window)
            flat = np.bincount(cells, weights=s_units[mine], minlength=m * window)
            units = np.rint(flat).astype(np.int64).reshape(m, window)
            counted_days = window - campaign_day.sum(axis=1)
            all_campaign = counted_days == 0
            sold = sold.copy()
            sold[touched] = np.where(
                all_campaign, units.sum(axis=1), (units * ~campaign_day).sum(axis=1)
            )
            days[touched] = np.where(all_campaign, window, counted_days)

    # --- campaign extra over D .. D+C-1 ------------------------------------------------------
    extra_milli_days = np.zeros(n, dtype=np.int64)  # Σ (uplift×1000 − 1000) × overlap days
    if len(c_idx):
        demand = ~np.isin(stage, list(NO_DEMAND_STAGES)) & (c_idx >= 0)
        ci = np.where(c_idx >= 0, c_idx, 0)
        last = d0 + cover[ci] - 1 if n else np.zeros(len(c_idx), np.int64)
        overlap = np.minimum(c_end, last) - np.maximum(c_start, d0) + 1
        demand &= overlap > 0
        np.add.at(extra_milli_days, ci[demand], (uplift_milli[demand] - 1000) * overlap[demand])

    # --- on order: open lines arriving on or before D + lead time ----------------------------
    ordered = np.zeros(n, dtype=np.int64)
    oo = _as_frame(on_order, (key, "qty", "eta"))
    if len(oo):
        o_idx = keys.get_indexer(oo[key])
        eta = _days(oo["eta"].to_numpy())
        oi = np.where(o_idx >= 0, o_idx, 0)
        ok = (o_idx >= 0) & (eta <= d0 + lead_arr[oi]) if n else o_idx >= 0
        qty = pd.to_numeric(oo["qty"], errors="coerce").fillna(0).to_numpy(dtype=np.int64)
        np.add.at(ordered, oi[ok], qty[ok])

    # need = ceil(v·C + extra) − on_hand − O, with v = sold/days, extra = v·Σ(u−1)·overlap:
    # ceil((sold·C·1000 + sold·Σ) / (days·1000)) exactly, in integers.
    numerator = sold * cover * 1000 + sold * extra_milli_days
    need = _ceil_div(numerator, days * 1000) - on_hand - ordered
    cartons = _ceil_div(np.maximum(need, 0), case_pack) * case_pack
    # At least the MOQ, itself rounded up to whole cartons so the order stays in full cases.
    moq_cases = _ceil_div(moq, case_pack) * case_pack
    suggested = np.where(need > 0, np.maximum(cartons, moq_cases), 0)
    velocity = sold / days
    extra = velocity * extra_milli_days / 1000
    with np.errstate(divide="ignore", invalid="ignore"):
        doc = np.where(velocity > 0, on_hand / np.where(velocity > 0, velocity, 1), np.inf)
    below = on_hand < warning_arr

    supplier = (
        prod["supplier"].astype(object).where(prod["supplier"].notna(), NO_SUPPLIER)
        if "supplier" in prod
        else pd.Series(NO_SUPPLIER, index=prod.index)
    )
    hero = _bool_col(prod, "hero", False)
    active = _bool_col(prod, "active", True)
    columns: dict[str, Any] = {
        "product_id": prod["product_id"].to_numpy() if "product_id" in prod else np.full(n, None),
        "sku": prod["sku"].to_numpy(),
        "name": prod["name"].to_numpy() if "name" in prod else np.full(n, "", dtype=object),
        "supplier": supplier.to_numpy(),
        "tier": np.array(TIERS, dtype=object)[tier_idx],
        "hero": hero,
        "on_hand": on_hand,
        "on_order": ordered,
        "lead_time": lead_arr,
        "review_days": np.full(n, int(settings.review_days), dtype=np.int64),
        "safety_days": safety_arr,
        "cover_days": cover,
        "units_in_window": sold,
        "velocity_days": days,
        "velocity": velocity,
        "campaign_extra": extra,
        "need": need,
        "case_pack": case_pack,
        "moq": moq,
        "suggested_qty": suggested,
        "warning_level": warning_arr,
        "below_warning": below,
        "days_of_cover": doc,
        "stockout_risk": doc < lead_arr,
    }
    if only_listed:
        keep = active & ((suggested > 0) | below)
        columns = {k: v[keep] for k, v in columns.items()}
    for text in ("sku", "name", "supplier"):  # as str only for the rows returned
        out = np.empty(len(columns[text]), dtype=object)
        out[:] = [v if type(v) is str else str(v) for v in columns[text]]
        columns[text] = out
    if not only_listed:
        return pd.DataFrame(columns)
    return pd.DataFrame(columns).iloc[_sheet_order(columns)].reset_index(drop=True)


def _sheet_order(cols: Mapping[str, Any]) -> np.ndarray:
    """Grouped by supplier (no supplier last), hero SKUs first, then days of cover ascending."""
    import numpy as np
    import pandas as pd

    supplier = np.asarray(cols["supplier"], dtype=object)
    codes, _ = pd.factorize(supplier, sort=True)
    sku_codes, _ = pd.factorize(np.asarray(cols["sku"], dtype=object), sort=True)
    # np.lexsort sorts by the last key first.
    return np.lexsort(
        (
            sku_codes,
            cols["days_of_cover"],
            ~np.asarray(cols["hero"], dtype=bool),
            codes,
            supplier == NO_SUPPLIER,
        )
    )


def to_rows(frame: pd.DataFrame) -> list[RestockRow]:
    """The frame as plain rows (what services hand to the GUI and CLI).

    Column by column (.tolist() gives Python int/float/bool in one pass), then one tuple per row."""
    cols: dict[str, list[Any]] = {n: frame[n].tolist() for n in RestockRow._fields}
    cols["product_id"] = [None if p is None or p != p else int(p) for p in cols["product_id"]]
    for n in ("sku", "name", "supplier"):
        cols[n] = [v if type(v) is str else str(v) for v in cols[n]]
    for n in ("velocity", "campaign_extra", "days_of_cover"):
        cols[n] = [float(v) for v in cols[n]]
    return list(map(RestockRow._make, zip(*cols.values(), strict=True)))


def format_days_of_cover(value: float) -> str:
    """'∞' for no sales, else one decimal."""
    return "∞" if math.isinf(value) else f"{value:.1f}"


def group_by_supplier(rows: Iterable[RestockRow]) -> list[tuple[str, list[RestockRow]]]:
    """Consecutive rows of one supplier, in sheet order (rows must already be sorted)."""
    groups: list[tuple[str, list[RestockRow]]] = []
    for row in rows:
        if groups and groups[-1][0] == row.supplier:
            groups[-1][1].append(row)
        else:
            groups.append((row.supplier, [row]))
    return groups
