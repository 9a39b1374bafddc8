"""A fact's values: its reports' intervals (pipeline/facts.py widens each figure by its rounding, qualifier and
day range) joined where they overlap. Reports whose intervals chain together hold one value; a floor or a
ceiling joins a value without chaining others, and intervals that only touch stay apart.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

_TOUCH = 1e-9  # relative: two intervals' ends this close are one point (the float sums of a value and its slack)


def value_groups(fact, keep, lo, hi, n):
    """(the reports in fact and interval order, each report's value group): sorted by interval start within a fact,
    a report opens a new value where it starts past every interval before it (overlapping intervals chain).

    A floor or a ceiling ("more than doubled", "up to $5 billion") agrees with every value past its end, so it
    chains none of them together: "+114.4%" and "115%" stay two values beside "more than doubled". Each such
    report joins the value it overlaps that most reports give (then the nearest its end); one that overlaps no
    bounded value chains with the other open ones of its fact as before."""
    idx = np.flatnonzero(keep)
    order = idx[np.lexsort((lo[idx], fact[idx]))]
    vgroup = np.full(n, -1)
    bounded = np.isfinite(lo[order]) & np.isfinite(hi[order])
    vgroup[order[bounded]] = _chained(fact[order[bounded]], lo[order[bounded]], hi[order[bounded]])
    open_rows = order[~bounded]
    if len(open_rows):
        placed = _join_open(open_rows, fact, lo, hi, order[bounded], vgroup)
        rest = open_rows[placed < 0]
        vgroup[open_rows] = placed
        if len(rest):
            vgroup[rest] = _chained(fact[rest], lo[rest], hi[rest]) + (vgroup.max() + 1)
    return order, vgroup


def _chained(f_sorted, lo_s, hi_s) -> np.ndarray:
    """The value group of each interval (sorted by fact, then start): a new one where an interval starts past
    every interval before it in its fact."""
    if not len(f_sorted):
        return np.zeros(0, dtype=int)
    run_hi = pd.Series(hi_s).groupby(f_sorted).cummax().to_numpy()
    prev_hi = np.concatenate(([-np.inf], run_hi[:-1]))
    new_fact = np.concatenate(([True], f_sorted[1:] != f_sorted[:-1]))
    # an interval that only touches the one before does not chain: "$546.6 million" (546.55-546.65) and "$546.5
    # million" (546.45-546.55) are two values, no figure rounds to both
    with np.errstate(invalid="ignore"):
        ends = np.maximum(np.abs(lo_s), np.abs(prev_hi))
    touch = np.where(np.isfinite(ends), _TOUCH * ends, 0.0)
    return np.cumsum(new_fact | (lo_s >= prev_hi - touch)) - 1


def _join_open(open_rows, fact, lo, hi, bounded_rows, vgroup) -> np.ndarray:
    """For each open report (a floor or a ceiling), the bounded value group of its fact it overlaps that most
    reports give, the nearest its finite end on a tie; -1 where it overlaps none."""
    groups = pd.DataFrame({"fact": fact[bounded_rows], "v": vgroup[bounded_rows], "lo": lo[bounded_rows],
                           "hi": hi[bounded_rows]}).groupby(["fact", "v"]).agg(glo=("lo", "min"), ghi=("hi", "max"),
                                                                               k=("lo", "size")).reset_index()
    opens = pd.DataFrame({"fact": fact[open_rows], "lo": lo[open_rows], "hi": hi[open_rows],
                          "i": np.arange(len(open_rows))})
    pairs = opens.merge(groups, on="fact")
    pairs = pairs[(pairs["glo"] <= pairs["hi"]) & (pairs["ghi"] >= pairs["lo"])]
    out = np.full(len(open_rows), -1)
    if pairs.empty:
        return out
    # the distance from the report's finite end to the group (a floor's nearest value is the lowest above it)
    end = np.where(np.isfinite(pairs["lo"]), pairs["lo"], pairs["hi"])
    pairs = pairs.assign(dist=np.where(np.isfinite(pairs["lo"]), pairs["glo"] - end, end - pairs["ghi"]))
    best = pairs.sort_values(["i", "k", "dist"], ascending=[True, False, True]).drop_duplicates("i")
    out[best["i"].to_numpy()] = best["v"].to_numpy()
    return out
