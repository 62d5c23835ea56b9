"""A pip-installed app must have every subpackage and the bundled seeds.

pyproject lists packages by hand (seeds/ is mapped into tui.seeds), so a new
subpackage that is not listed would be missing from a non-editable install.
"""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]


def test_every_python_package_under_tui_is_listed():
    listed = set(_config()["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "tui").rglob("*.py")
        if "__pycache__" not in init.parts
    }
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"


def test_seeds_ship_as_package_data():
    config = _config()
    assert config["package-dir"]["tui.seeds"] == "seeds"
    assert "*.txt" in config["package-data"]["tui.seeds"]
    assert len(list((ROOT / "seeds").glob("*.txt"))) == 5
