"""remembrancer: a local-first memory keeper.

    from remembrancer import Memory
    memory = Memory("memories.db")
    memory.add("Coffee with Ianto at the Hub.", at="2009-05-01")
    memory.recall("coffee")
"""
import os

# onnxruntime sends usage telemetry and writes a device id unless this is set before it is imported;
# set here, first, so every process that imports remembrancer (spawned workers too) has it. Never a default.
os.environ["ORT_DISABLE_TELEMETRY"] = "1"

from .errors import RemembrancerError
from .store import Memory

__all__ = ["Memory", "RemembrancerError"]
__version__ = "0.1.0"
