"""The side panel ships inside the package: a wheel carries the prebuilt extension as
hatchling shared-data, and JupyterLab lists the installed one."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = "jupyter_hpc-{version}.data/data/share/jupyter/labextensions/jupyter-hpc/"


@pytest.mark.slow
def test_the_wheel_carries_the_prebuilt_panel(tmp_path):
    from kernel_magics import __version__

    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(REPO), "-w", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("jupyter_hpc-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    prefix = DATA.format(version=__version__)
    assert prefix + "install.json" in names
    assert prefix + "schemas/jupyter-hpc/plugin.json" in names
    assert any(n.startswith(prefix + "static/remoteEntry.") for n in names)
    meta = json.loads(zipfile.ZipFile(wheel).read(prefix + "package.json"))
    assert meta["name"] == "jupyter-hpc" and meta["version"] == __version__
    # Built output is shipped once, as shared-data, not also inside the Python package.
    assert not any(n.startswith("kernel_magics/labextension") for n in names)


def test_jupyterlab_lists_the_installed_panel():
    listing = subprocess.run(
        [sys.executable, "-m", "jupyter", "labextension", "list"],
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(
        (ln for ln in (listing.stdout + listing.stderr).splitlines() if "jupyter-hpc v" in ln), ""
    )
    assert "enabled" in line and "OK" in line and "(python, jupyter-hpc)" in line, line
