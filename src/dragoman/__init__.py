"""dragoman: reads news and writes political event data.

The public surface is small::

    from dragoman import Coder, Article
    coder = Coder()                       # loads knowledge and the spaCy model lazily
    for event in coder.code(Article.from_text("Russia and Turkey backed the talks.")):
        print(event.to_plover())

Everything else is reachable from the submodules but is not promised to stay put.
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported lazily so `dragoman --version` never loads spaCy
    from dragoman.model import Article, Event
    from dragoman.pipeline import Coder

__all__ = ["Article", "Coder", "Event", "__version__"]


def __getattr__(name: str):
    if name in ("Article", "Event"):
        from dragoman import model

        return getattr(model, name)
    if name == "Coder":
        from dragoman.pipeline import Coder

        return Coder
    raise AttributeError(f"module 'dragoman' has no attribute {name!r}")
