"""remembrancer: a local-first memory keeper.

    from remembrancer import Memory
    memory = Memory("memories.db")
    memory.add("Coffee with Ianto at the Hub.", at="2009-05-01")
    memory.recall("coffee")
"""
from .errors import RemembrancerError
from .store import Memory

__all__ = ["Memory", "RemembrancerError"]
__version__ = "0.1.0"
