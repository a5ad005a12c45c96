"""The Japanese catalogue is complete, and the committed .mo matches the .po."""

import gettext
import shutil
import subprocess
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale" / "ja" / "LC_MESSAGES"


@pytest.fixture
def msgfmt() -> str:
    path = shutil.which("msgfmt")
    if path is None:
        pytest.fail("msgfmt is missing; install gettext (Debian: apt-get install gettext).")
    return path


def test_japanese_catalogue_has_no_gaps(msgfmt):
    result = subprocess.run(
        [msgfmt, "--check", "--statistics", "-o", "/dev/null", str(LOCALE / "django.po")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "untranslated" not in result.stderr
    assert "fuzzy" not in result.stderr


def test_compiled_catalogue_is_current(msgfmt, tmp_path):
    fresh = tmp_path / "django.mo"
    subprocess.run([msgfmt, "-o", str(fresh), str(LOCALE / "django.po")], check=True)
    with fresh.open("rb") as new, (LOCALE / "django.mo").open("rb") as committed:
        assert gettext.GNUTranslations(committed)._catalog == gettext.GNUTranslations(new)._catalog  # type: ignore[attr-defined]


def test_finding_params_are_translated(settings):
    from django.utils import translation

    from screening.presentation import finding_message

    finding = {
        "rule": "undertaking.missing",
        "params": {"undertaking": "no_military_use"},
        "message": "The undertaking no_military_use is missing or not given.",
    }
    with translation.override("ja"):
        message = finding_message(finding)
    assert "no_military_use" not in message
    assert "軍事用途に使用しない" in message
