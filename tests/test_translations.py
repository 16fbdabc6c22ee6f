"""English is complete: every Dutch source string has a reviewed English translation."""

import re
import subprocess
from pathlib import Path

import pytest
from django.utils import translation

PO = Path(__file__).resolve().parents[1] / "locale" / "en" / "LC_MESSAGES" / "django.po"


def entries():
    blocks = PO.read_text(encoding="utf-8").split("\n\n")[1:]
    return [b for b in blocks if "msgid" in b and not b.lstrip().startswith("#~")]


def test_no_english_translation_is_missing_or_fuzzy():
    missing, fuzzy = [], []
    for block in entries():
        lines = block.splitlines()
        if any(line.startswith("#, ") and "fuzzy" in line for line in lines):
            fuzzy.append(block)
        strs = [line for line in lines if line.startswith("msgstr")]
        for i, line in enumerate(lines):
            if re.fullmatch(r'msgstr(\[\d\])? ""', line):
                following = lines[i + 1] if i + 1 < len(lines) else ""
                if not following.startswith('"'):
                    missing.append(block)
        assert strs, block
    assert not missing, missing[:5]
    assert not fuzzy, fuzzy[:5]


def test_compiled_catalogue_is_used():
    with translation.override("en"):
        assert translation.gettext("Samenstelling") == "Composition"


@pytest.mark.skipif(subprocess.run(["which", "msgfmt"], capture_output=True).returncode != 0,
                    reason="gettext is not installed")
def test_catalogue_is_valid():
    subprocess.run(["msgfmt", "--check-format", "-o", "/dev/null", str(PO)], check=True)
