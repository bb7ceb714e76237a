"""Icons and translations are found in an installed copy, not only in a checkout."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from shopdesk.ui.resources import installed_dir, path


def test_an_installed_data_package_is_a_real_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # pip installs resources/ as shopdesk_resources: a folder without __init__.py.
    (tmp_path / "fake_resources" / "icons").mkdir(parents=True)
    (tmp_path / "fake_resources" / "icons" / "a.svg").write_text("<svg/>")
    monkeypatch.syspath_prepend(str(tmp_path))
    found = installed_dir("fake_resources")
    assert found == tmp_path / "fake_resources"
    assert (found / "icons" / "a.svg").is_file()
    sys.modules.pop("fake_resources", None)


def test_a_missing_data_package_says_so() -> None:
    with pytest.raises(RuntimeError, match="without its resources"):
        installed_dir("no_such_resources_here")


def test_the_checkout_has_the_icon_and_the_english_translation() -> None:
    assert path("icons", "shopdesk.svg").is_file()
    assert path("translations", "shopdesk_en.qm").is_file()
