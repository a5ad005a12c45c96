"""Plain-Python screening engine for end-user certificates; it imports nothing from Django."""

from .index import ListIndex, build_index
from .messages import MESSAGES
from .ruleset import RULESET_VERSION, Ruleset, load_ruleset
from .screen import screen_document

__all__ = [
    "MESSAGES",
    "RULESET_VERSION",
    "ListIndex",
    "Ruleset",
    "build_index",
    "load_ruleset",
    "screen_document",
]
