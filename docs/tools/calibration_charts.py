#!/usr/bin/python3
"""Draws the two charts of docs/CALIBRATION.md from `chokepoint-batch calibrate` output.

    build/bin/chokepoint-batch calibrate --csv /tmp/cal.csv --releases /tmp/rel.csv
    /usr/bin/python3 docs/tools/calibration_charts.py /tmp/cal.csv /tmp/rel.csv docs/images

Needs matplotlib (Debian: python3-matplotlib); only for regenerating the doc images.
"""
import csv
import math
import sys
from datetime import date

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

COLOURS = {"pass": "#009E73", "known_miss": "#E69F00", "fail": "#D55E00"}

# Disclosed runs (domain.md §3, Epoch-DB Aug 2025): firm, name, release date, FLOP.
DISCLOSED = [
    ("openai", "GPT-4", date(2023, 3, 15), 2.1e25),
    ("anthropic", "Claude 3 Opus", date(2024, 3, 4), 1.64e25),
    ("meta", "Llama 3.1-405B", date(2024, 7, 23), 3.8e25),
    ("xai", "Grok-3", date(2025, 2, 17), 4.64e26),
    ("deepseek", "DeepSeek-V3", date(2024, 12, 24), 3.41e24),
    ("alibaba", "Qwen2.5-72B", date(2024, 9, 19), 7.8e24),
    ("bytedance", "Doubao-pro", date(2024, 10, 28), 2.5e25),
    ("tencent", "Hunyuan-Large", date(2024, 11, 6), 3.49e24),
]
FIRM_COLOURS = {"openai": "#0072B2", "anthropic": "#D55E00", "google": "#009E73", "meta": "#56B4E9",
                "xai": "#7F7F7F", "alibaba": "#E69F00", "bytedance": "#CC79A7", "deepseek": "#000000",
                "tencent": "#8C564B"}


def position(obs, low, high):
    """Where the model value sits in its tolerance band: 0 = low edge, 1 = high edge."""
    if not (math.isfinite(low) and math.isfinite(high)):
        if math.isfinite(high):
            low = min(obs, high) - abs(high) if high else -1
        elif math.isfinite(low):
            high = max(obs, low) + abs(low) if low else 1
    if low > 0 and high / low >= 2.5 and obs > 0:
        return (math.log(obs) - math.log(low)) / (math.log(high) - math.log(low))
    return (obs - low) / (high - low) if high != low else 0.5


def band_chart(rows, out):
    rows = [r for r in rows if r["kind"] not in ("release_order",) and r["observed"] not in ("nan", "")]
    fig, ax = plt.subplots(figsize=(9, 0.32 * len(rows) + 1.2), dpi=110)
    for i, r in enumerate(reversed(rows)):
        x = position(float(r["observed"]), float(r["low"]), float(r["high"]))
        ax.barh(i, 1, left=0, color="#DDDDDD", height=0.6)
        xc = max(-0.9, min(1.9, x))
        ax.plot(xc, i, "o", color=COLOURS[r["result"]], markersize=7)
        if xc != x:
            ax.annotate("", xy=(xc + (0.08 if x > 1 else -0.08), i), xytext=(xc, i),
                        arrowprops=dict(arrowstyle="->", color=COLOURS[r["result"]]))
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([r["id"] for r in reversed(rows)], fontsize=8)
    ax.set_xlim(-1, 2)
    ax.set_xticks([0, 0.5, 1])
    ax.set_xticklabels(["low edge", "middle", "high edge"])
    ax.set_xlabel("model value within the fact's tolerance band (grey; log scale for x/÷ bands)")
    handles = [plt.Line2D([], [], marker="o", ls="", color=c, label=k.replace("_", " ")) for k, c in COLOURS.items()]
    ax.legend(handles=handles, loc="lower right", fontsize=8)
    ax.set_title("Baseline against known facts (chokepoint-batch calibrate)")
    fig.tight_layout()
    fig.savefig(out)


def releases_chart(rel_rows, out):
    fig, ax = plt.subplots(figsize=(9, 5), dpi=110)
    for firm, colour in FIRM_COLOURS.items():
        pts = [(date.fromisoformat(r["release"]), float(r["physical_flop"])) for r in rel_rows
               if r["firm"] == firm and not r["name"].startswith(("GPT-3", "GPT-4", "Gopher"))]
        if pts:
            ax.plot([p[0] for p in pts], [p[1] for p in pts], "-o", color=colour, markersize=3, lw=1, label=firm)
    for firm, name, d, flop in DISCLOSED:
        ax.plot(d, flop, "*", color=FIRM_COLOURS[firm], markersize=13, markeredgecolor="white")
        below = name in ("DeepSeek-V3", "Qwen2.5-72B")  # keep neighbouring labels apart
        ax.annotate(name, (d, flop), textcoords="offset points", xytext=(6, -11 if below else 2), fontsize=7)
    ax.set_yscale("log")
    ax.set_ylim(1e23, 1e28)
    ax.set_ylabel("training compute per run (FLOP)")
    ax.set_title("Simulated frontier runs (lines) and disclosed runs (stars, Epoch-DB)")
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(fontsize=7, ncol=3, loc="upper left")
    fig.tight_layout()
    fig.savefig(out)


def main():
    cal, rel, folder = sys.argv[1:4]
    band_chart(list(csv.DictReader(open(cal))), f"{folder}/calibration-bands.png")
    releases_chart(list(csv.DictReader(open(rel))), f"{folder}/calibration-runs.png")


if __name__ == "__main__":
    main()
