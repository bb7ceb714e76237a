"""Qt's own strings (standard buttons, file dialogs) follow the interface language.

Without Qt's qtbase_<lang>.qm a Chinese window asks "Save changes?" with OK/Cancel buttons.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from shopdesk.ui import i18n

SPEC = Path(__file__).parents[2] / "installer" / "shopdesk.spec"


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    assert i18n.install(i18n.CHINESE) == i18n.CHINESE
    yield


def _buttons(box: QMessageBox) -> list[str]:
    return [b.text() for b in box.buttons()]


def test_message_box_buttons_are_chinese(qtbot: QtBot, chinese: None) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "ShopDesk", "保存修改?")
    box.setStandardButtons(
        QMessageBox.StandardButton.Ok
        | QMessageBox.StandardButton.Cancel
        | QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
    )
    qtbot.addWidget(box)
    texts = _buttons(box)
    assert "确定" in texts and "取消" in texts
    assert any(t.startswith("是") for t in texts) and any(t.startswith("否") for t in texts)
    assert not {"OK", "Cancel", "&Yes", "&No"} & set(texts)


def test_button_box_and_file_dialog_are_chinese(qtbot: QtBot, chinese: None) -> None:
    bb = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
    )
    qtbot.addWidget(bb)
    texts = [b.text() for b in bb.buttons()]
    assert any("保存" in t for t in texts) and any("关闭" in t for t in texts), texts
    dialog = QFileDialog(None, "导入", "", "表格 (*.xlsx *.csv)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    qtbot.addWidget(dialog)
    pushed = {b.text() for b in dialog.findChildren(QPushButton)}
    assert "取消" in pushed and any("打开" in t for t in pushed), pushed
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("查找范围" in t for t in labels) and any("文件类型" in t for t in labels), labels
    assert not any(re.search("[A-Za-z]{3}", t) for t in labels), labels


def test_english_buttons_stay_english(qtbot: QtBot, qapp: QApplication) -> None:
    i18n.install(i18n.ENGLISH)
    try:
        box = QMessageBox()
        box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        assert _buttons(box) == ["OK", "Cancel"]
    finally:
        i18n.install(i18n.CHINESE)


def test_the_build_ships_qt_translations() -> None:
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (folder / "qtbase_zh_CN.qm").is_file()
    spec = SPEC.read_text(encoding="utf-8")
    assert "TranslationsPath" in spec and "qtbase_" in spec
