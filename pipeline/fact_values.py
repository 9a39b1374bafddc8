"""A fact's values: its reports' intervals (pipeline/facts.py widens each figure by its rounding, qualifier and
day range) joined where they overlap. Reports whose intervals chain together hold one value; a floor or a
ceiling joins a value without chaining others, and so does a figure with fewer digits that holds two which
disagree; intervals that only touch stay apart.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

_TOUCH = 1e-9  # relative: two intervals' ends this close are one point (the float sums of a value and its slack)


def value_groups(fact, keep, lo, hi, n):
    """(the reports in fact and interval order, each report's value group, whether it is a coarse report that
    joined one of two values it held, `_split_bridges`): sorted by interval start within a fact,
    a report opens a new value where it starts past every interval before it (overlapping intervals chain).

    A floor or a ceiling ("more than doubled", "up to $5 billion") agrees with every value past its end, so it
    chains none of them together: "+114.4%" and "115%" stay two values beside "more than doubled". Each such
    report joins the value it overlaps that most reports give (then the nearest its end); one that overlaps no
    bounded value chains with the other open ones of its fact as before."""
    idx = np.flatnonzero(keep)
    order = idx[np.lexsort((lo[idx], fact[idx]))]
    vgroup = np.full(n, -1)
    bounded = np.isfinite(lo[order]) & np.isfinite(hi[order])
    b_rows = order[bounded]
    bridged = np.zeros(n, dtype=bool)
    vgroup[b_rows], bridged[b_rows] = _split_bridges(_chained(fact[b_rows], lo[b_rows], hi[b_rows]), lo[b_rows],
                                                     hi[b_rows])
    open_rows = order[~bounded]
    if len(open_rows):
        placed = _join_open(open_rows, fact, lo, hi, order[bounded], vgroup)
        rest = open_rows[placed < 0]
        vgroup[open_rows] = placed
        if len(rest):
            vgroup[rest] = _chained(fact[rest], lo[rest], hi[rest]) + (vgroup.max() + 1)
    return order, vgroup, bridged


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


def _split_bridges(groups, lo_s, hi_s) -> tuple[np.ndarray, np.ndarray]:
    """The value groups again where a report written with fewer digits chains two that disagree: "$582 million"
    (581.5-583) holds both "$582.2 million" and "$582.7 million", which no one figure rounds to, so it joins one
    of them (the one more reports give, then the nearer) and no longer makes them one value. Only a group whose
    intervals share no point is looked at, one by one (a few hundred of 78,000 on the modern dump). (groups, the
    coarse reports that joined a value)"""
    d = pd.DataFrame({"g": groups, "lo": lo_s, "hi": hi_s})
    spans = d.groupby("g").agg(lo=("lo", "max"), hi=("hi", "min"))
    split = spans.index[spans["lo"] > spans["hi"]]
    bridged = np.zeros(len(groups), dtype=bool)
    if not len(split):
        return groups, bridged
    out = groups.copy()
    fresh = int(groups.max()) + 1
    for g in split:
        idx = np.flatnonzero(groups == g)
        lo, hi = lo_s[idx], hi_s[idx]
        tol = _TOUCH * np.maximum(np.abs(lo), np.abs(hi))
        meet = (lo[:, None] < hi[None, :] - tol[None, :]) & (lo[None, :] < hi[:, None] - tol[:, None])
        wider = (hi - lo)[:, None] > (hi - lo)[None, :]  # [i, j]: i is the coarser
        holds = meet & wider
        bridge = np.array([(holds[i][:, None] & holds[i][None, :] & ~meet).any() for i in range(len(idx))])
        if not bridge.any() or bridge.all():
            continue
        sub = np.full(len(idx), -1)
        sub[~bridge] = _chained(np.zeros(int((~bridge).sum()), dtype=int), lo[~bridge], hi[~bridge])
        if sub.max() == 0:
            continue
        size = np.bincount(sub[~bridge])
        mid = (lo + hi) / 2
        for i in np.flatnonzero(bridge):
            near = [(-size[v], abs(mid[~bridge][sub[~bridge] == v] - mid[i]).min(), v)
                    for v in np.unique(sub[~bridge][meet[i][~bridge]])]
            sub[i] = min(near)[2] if near else sub[~bridge][np.argmin(np.abs(mid[~bridge] - mid[i]))]
        out[idx] = np.where(sub == 0, g, fresh + sub - 1)
        bridged[idx] = bridge
        fresh += int(sub.max())
    return out, bridged


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
