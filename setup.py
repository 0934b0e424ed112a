"""Build hook: copy the notebooks and the sample campaign into the package.

In a clone they live at the top level (``notebooks/``, ``data/sample/``), where people edit
them; a wheel carries a copy under ``infoint_nb/_bundled/`` so ``pip install .`` works
anywhere (read back with ``importlib.resources``; see ``infoint_nb.config``). Everything else
is declared in ``pyproject.toml``.
"""
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
#: (source folder, pattern, folder inside infoint_nb/_bundled)
BUNDLED = [
    ("notebooks", "*.ipynb", "notebooks"),
    ("data/sample", "*.csv", "sample"),
    ("data/sample", "plan.json", "sample"),
]


class BuildWithBundle(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):  # a clone reads the top-level folders
            return
        for source, pattern, target in BUNDLED:
            dest = Path(self.build_lib) / "infoint_nb" / "_bundled" / target
            for path in sorted((ROOT / source).glob(pattern)):
                self.mkpath(str(dest))
                self.copy_file(str(path), str(dest / path.name))


setup(cmdclass={"build_py": BuildWithBundle})
