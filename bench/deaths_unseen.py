"""The texts of tests/test_deaths_unseen.py, counted: how many state a living person dead, state a right death, or leave
a living person "perhaps" dead, and how many told deaths are stated (read at or above people.FACT). SQLite, one store
per text in a temporary folder.

    python bench/deaths_unseen.py
"""
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import test_deaths_unseen as T  # noqa: E402

from remembrancer import Memory  # noqa: E402


def main():
    rows = [(r[0], None, r[1]) for r in (getattr(r, "values", r) for r in T.LIVING)]
    rows += [tuple(getattr(r, "values", r)) for r in T.DEATHS]
    wrong = right = perhaps = found = told = 0
    with tempfile.TemporaryDirectory() as folder:
        for i, (said, who, dead) in enumerate(rows):
            with Memory(Path(folder) / f"{i}.db") as memory:
                T._add(memory, said)
                deaths = T._deaths(memory)
            ok = {d.lower() for d in dead} | ({who.lower()} if who else set())
            stated = T._stated(deaths)
            wrong += bool(stated - ok)
            right += bool(stated & ok)
            perhaps += bool(set(deaths) - stated - ok)
            told += who is not None
            found += who is not None and who.lower() in stated
            if stated - ok:
                print("stated dead, living:", sorted(stated - ok), repr(T._label(said)))
            if set(deaths) - stated - ok:
                print("perhaps dead, living:", {n: round(deaths[n], 2) for n in sorted(set(deaths) - stated - ok)},
                      repr(T._label(said)))
    print(f"{len(rows)} texts: a living person stated dead in {wrong}, a right death stated in {right} "
          f"(precision by text {right / max(right + wrong, 1):.2f}), a living person perhaps dead in {perhaps}; "
          f"told deaths stated {found}/{told}")


if __name__ == "__main__":
    main()
