"""The interface language: Simplified Chinese by default, English on request or by system locale.

Source strings in the code are Chinese; `resources/translations/shopdesk_en.qm` turns them into
English. Qt's own `qtbase_<lang>.qm` is loaded too so standard dialogs and buttons agree.
The choice is the `ui.language` setting (auto / zh_CN / en); `SHOPDESK_LANG` overrides it for one
run (screenshots, tests). It is remembered in the data directory's ui.ini, because the window
paints before the database (where the setting lives) is open.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

CHOICES = ("auto", "zh_CN", "en")
CHINESE = "zh_CN"
ENGLISH = "en"
SETTINGS_KEY = "ui/language"

_installed: list[QTranslator] = []


class QtGaps(QTranslator):
    """The few strings Qt's own qtbase_zh_CN.qm leaves in English (Qt's non-native file dialog,
    used on Linux desktops without a portal); searched before qtbase."""

    CHINESE_GAPS: dict[tuple[str, str], str] = {
        ("QFileDialog", "&Look in:"): "查找范围(&L)：",
        ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    }

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self.CHINESE_GAPS.get((context, source))  # None: Qt asks the next translator

    def isEmpty(self) -> bool:
        return False


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for lupdate (which knows this name) and returns it: Qt's version is untyped."""
    return text


_current: str = CHINESE


def resolve(choice: str | None, system_languages: Sequence[str]) -> str:
    """The language to show: an explicit choice wins; `auto` follows the system's first UI language.

    An unset or "C" locale (a fresh server, CI) counts as no preference: Chinese, the default.
    """
    if choice in (CHINESE, ENGLISH):
        return choice
    first = next((lang for lang in system_languages if lang), "C")
    if first.upper() in ("C", "POSIX") or first.lower().startswith("zh"):
        return CHINESE
    return ENGLISH


def system_languages() -> list[str]:
    from PySide6.QtCore import QLocale

    return list(QLocale.system().uiLanguages())


def effective(choice: str | None) -> str:
    """`SHOPDESK_LANG` (if set) or the choice, resolved against the system locale."""
    env = os.environ.get("SHOPDESK_LANG", "").strip()
    return resolve(env or choice, system_languages())


def current() -> str:
    return _current


def install(language: str) -> str:
    """Replace the installed translators by those for `language` ("zh_CN" or "en")."""
    global _current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install translators after creating the application")
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [(f"qtbase_{language}", qt_dir)]
    if language != CHINESE:
        from shopdesk.ui.resources import path

        candidates.append((f"shopdesk_{language}", str(path("translations"))))
    for name, directory in candidates:
        translator = QTranslator(app)
        if translator.load(name, directory):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
    if language == CHINESE:
        gaps = QtGaps(app)
        QCoreApplication.installTranslator(gaps)
        _installed.append(gaps)
    # Calendars and date edits speak English too (Chinese keeps the system's formats, as before).
    QLocale.setDefault(
        QLocale.system()
        if language == CHINESE
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    )

    _current = language
    return language


def remembered(settings: QSettings) -> str | None:
    value = settings.value(SETTINGS_KEY)
    return str(value) if value in CHOICES else None


def remember(settings: QSettings, choice: str) -> None:
    settings.setValue(SETTINGS_KEY, choice)
    settings.sync()


_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_text(year: int, month: int) -> str:
    """ "2026年11月" or "Nov 2026" (a date's words are not a translation of its digits)."""
    if _current == CHINESE:
        return f"{year}年{month}月"
    return f"{_MONTHS_EN[month - 1]} {year}"


def day_text(day: date, *, with_year: bool = True) -> str:
    """ "2026年11月22日" / "11月22日", or "22 Nov 2026" / "22 Nov"."""
    if _current == CHINESE:
        return f"{day.year}年{day.month}月{day.day}日" if with_year else f"{day.month}月{day.day}日"
    text = f"{day.day} {_MONTHS_EN[day.month - 1]}"
    return f"{text} {day.year}" if with_year else text


def ui_locale() -> QLocale:
    """The locale for calendars and date edits: Chinese in the Chinese interface, else English."""
    if _current == CHINESE:
        return QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
