"""CPU ms per batch of the joins' parts on a store q.py left (one part: each run in a transaction rolled back).

    python bench/prof/parts.py q.db
"""
import shutil
import sqlite3
import statistics
import sys
import time

import remembrancer.extract as X
from remembrancer import store
src = sys.argv[1]
shutil.copy(src, "/tmp/parts.db")
conn = sqlite3.connect("/tmp/parts.db", isolation_level=None)
split = store.split_names(conn)
owner = store.writer_id(conn)
parts = {
    "_kin_joins": lambda: X._kin_joins(conn),
    "_owner_named": lambda: X._owner_named(conn, owner, split),
    "_owner_signed_once": lambda: X._owner_signed_once(conn, owner, split),
    "_titled_joins": lambda: X._titled_joins(conn, split),
    "_surname_joins": lambda: X._surname_joins(conn, split),
    "_role_joins": lambda: X._role_joins(conn, split),
    "_others_names": lambda: X._others_names(conn),
    "imply": lambda: X.imply(conn),
}
for name, f in parts.items():
    times = []
    for _ in range(15):
        conn.execute("BEGIN")
        t = time.process_time(); f(); times.append(time.process_time() - t)
        conn.execute("ROLLBACK")
    print(f"{name:20s} {1000 * statistics.median(times):7.2f} ms")
