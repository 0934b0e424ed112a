"""infoint_nb: a Jupyter toolkit for informational-interview campaigns.

``from infoint_nb import ContactLog`` opens a log; metrics, charts, forms and
reports live in their own modules and load their heavy dependencies on first use.
"""
from .errors import InfointError
from .store import ContactLog

__version__ = "0.1.0"
__all__ = ["ContactLog", "InfointError", "__version__"]
