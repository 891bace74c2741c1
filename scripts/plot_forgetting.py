"""Plot predicted recall over ten years for a person mentioned often, rarely, and rarely but reviewed.

A docs-only tool (needs matplotlib, which remembrancer itself does not): it draws
docs/forgetting.png from the model in remembrancer/forgetting.py, the same functions `fading` uses.

    pip install matplotlib && python scripts/plot_forgetting.py
"""
import datetime as dt
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from remembrancer import forgetting as f  # noqa: E402

START = dt.datetime(2010, 1, 1, tzinfo=dt.timezone.utc)
YEARS = 10
OUT = Path(__file__).resolve().parent.parent / "docs" / "forgetting.png"


def day(n):
    return START + dt.timedelta(days=n)


def curve(mentions, review_from=None):
    """Predicted recall each day; with `review_from`, the owner reviews whenever FSRS says it is
    due from that day on and answers Good, each review also counting as a recall."""
    days = range(1, 365 * YEARS + 1)
    times, card, reviews, out = list(mentions), None, [], []
    for n in days:
        now = day(n)
        if review_from is not None and n >= review_from and (card is None or card.due <= now):
            card = f.schedule(card, "good", now)
            times.append(now)
            reviews.append(n)
        out.append(f.predicted_recall([t for t in times if t <= now], now, card))
    return [n / 365 for n in days], out, reviews


def main():
    often = [day(n) for n in range(0, 365 * YEARS, 7)]  # every week
    rarely = [day(0), day(60), day(200)]  # three times in the first year
    fig, ax = plt.subplots(figsize=(9, 4.8), dpi=110)
    x, y, _ = curve(often)
    ax.plot(x, y, label="mentioned every week", color="#2a7f62")
    x, y, reviews = curve(rarely, review_from=365)
    ax.plot(x, y, label="the same, then reviewed when due from year 1 (Good)", color="#3b6ab5")
    x, y, _ = curve(rarely)
    ax.plot(x, y, label="mentioned 3 times in the first year", color="#b5523b", lw=1.2)
    ax.plot([r / 365 for r in reviews], [1.0] * len(reviews), "|", color="#3b6ab5", markersize=8)  # reviews
    ax.axhline(0.5, color="grey", lw=0.6, ls=":")
    ax.set_xlabel("years since the first mention")
    ax.set_ylabel("predicted chance of recall")
    ax.set_ylim(0, 1.03)
    ax.set_xlim(0, YEARS)
    ax.set_title(f"ACT-R (d={f.DECAY}, τ={f.THRESHOLD}, s={f.NOISE}) and FSRS-6: max of the two")
    ax.legend(loc="lower left", frameon=False)
    fig.tight_layout()
    fig.savefig(OUT)
    print(f"wrote {OUT} ({len(reviews)} reviews in {YEARS} years)")


if __name__ == "__main__":
    main()
