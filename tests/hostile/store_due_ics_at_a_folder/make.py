"""An empty folder where the calendar file should go (git keeps no empty folders)."""
from pathlib import Path

Path("calendar").mkdir()
