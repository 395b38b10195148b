#!/usr/bin/env python3
"""One-off: add holiday names to the State Council calendar (holiday-cn data) by date heuristics.
Usage: python3 tools/enrich_holidays.py ../shared/data/holidays-cn.json > src/main/resources/calendar/holidays-cn.json
Blocks = runs of consecutive days off. Check the output by eye against the notices before committing."""
import json, sys
from datetime import date, timedelta

src = json.load(open(sys.argv[1]))
off = sorted(date.fromisoformat(d) for y in src.values() for d in y["off"])

blocks, run = [], [off[0]]
for d in off[1:]:
    if d - run[-1] == timedelta(days=1):
        run.append(d)
    else:
        blocks.append(run); run = [d]
blocks.append(run)

def name(b, sept_block_years):
    f, t = b[0], b[-1]
    if any(d.month == 1 and d.day == 1 for d in b):
        return "元旦"
    if f.month in (1, 2):
        return "春节"
    if f.month == 4 and f.day <= 7 and not any(d.month == 5 for d in b):
        return "清明节"
    if any(d.month == 5 and d.day == 1 for d in b):
        return "劳动节"
    if (f.month == 5 and f.day >= 28) or f.month == 6:
        return "端午节"
    if any(d.month == 10 and d.day == 1 for d in b):
        # Mid-Autumn falls inside the National Day break in years without a separate September break
        return "国庆节" if t.year in sept_block_years else "中秋节、国庆节"
    if f.month == 9:
        return "中秋节"
    raise SystemExit(f"no name for block {f}..{t}")

sept = {b[0].year for b in blocks if b[0].month == 9 and not any(d.month == 10 for d in b)}
named = [(name(b, sept), b[0], b[-1]) for b in blocks]

out = {}
for year, y in src.items():
    yr = int(year)
    hol = [{"name": n, "from": str(f), "to": str(t)} for n, f, t in named if f.year <= yr <= t.year]
    out[year] = {"off": y["off"], "work": y["work"], "holidays": hol}
json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
print()
