"""Where an entry's time goes: 300 entries of the tuned journal writers added one at a time to one SQLite store under
cProfile (one part, not end to end: `Memory.add` in a loop, the models loaded before). Prints the costliest functions
of remembrancer, the joins after each batch and the SQL statements.

    python bench/prof/q.py [STATS_FILE]      # run from a scratch folder: it writes q.db there
"""
import cProfile, pstats, glob, time, os
from pathlib import Path
from remembrancer import Memory
JOURNALS = Path(__file__).resolve().parents[1] / "data" / "journals"
skip = ("letters-widower","two-friends","notes-ohio","chat-ate","chat-assistant","diary-kochi","chat-lagos","notes-memory")
files = [f for f in sorted(glob.glob(str(JOURNALS / "*" / "entries" / "*"))) if os.path.isfile(f) and not any(w in f for w in skip)]
texts = [open(f, encoding="utf-8").read() for f in files if not f.endswith(".jsonl")][:300]
print(len(texts), sum(len(t.split()) for t in texts), "words")
if os.path.exists("q.db"): os.remove("q.db")
with Memory("q.db") as m:
    m.add("Warm up with Sam.", at="2020-01-01")
    pr = cProfile.Profile(); t = time.perf_counter(); pr.enable()
    for i, tx in enumerate(texts):
        m.add(tx, at=f"2021-01-{i%28+1:02d}")
    pr.disable(); print("s", time.perf_counter() - t)
st = pstats.Stats(pr)
rows = [(v[3], k) for k, v in st.stats.items() if "remembrancer" in k[0]]
for c, k in sorted(rows, reverse=True)[:25]: print(f"{c:7.2f} {k[0].split('remembrancer/')[-1]}:{k[1]} {k[2]}")
st.sort_stats("tottime").print_stats(12)
# tidy26: the figures the docs table gives, and the stats kept for later reading
import sys
for want in ("_tidy", "_kin_joins", "imply", "_titled_joins", "_surname_joins", "_owner_named", "_owner_signed_once", "nickname_of"):
    for k, v in st.stats.items():
        if k[2] == want and "remembrancer" in k[0]:
            print(f"{want:20s} calls {v[1]:7d} cum {v[3]:7.2f} s")
for k, v in st.stats.items():
    if k[2] in ("<method 'execute' of 'sqlite3.Connection' objects>", "<method 'executemany' of 'sqlite3.Connection' objects>"):
        print(k[2], v[1])
if len(sys.argv) > 1:
    st.dump_stats(sys.argv[1])
