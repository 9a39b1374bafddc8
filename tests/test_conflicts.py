"""Conflict rules as a table: pairs of claims and whether a reviewer should see them."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from pipeline.conflicts import find_conflicts

BASE = dict(entity="Tencent", entity_id="0700.HK", segment="", metric="share_price", unit="HKD", approx="exact",
            modality="actual", confidence=0.8, period_label="", disputed=False)


def claim(cid, article, published, value, figure, **kw):
    row = {**BASE, "claim_id": cid, "article_id": article, "published": published, "value": value,
           "value_low": kw.pop("low", value), "value_high": kw.pop("high", value), "figure": figure, "char_start": 0}
    row["period_start"] = kw.pop("period_start", published)
    row["period_end"] = kw.pop("period_end", published)
    row.update(kw)
    return row


D1, D2, D_LATE = date(2024, 3, 4), date(2024, 3, 7), date(2024, 9, 30)
YIELD = dict(entity="U.S. Treasury", entity_id="UST", metric="bond_yield", unit="%")
Q1 = dict(period_start=date(2024, 1, 1), period_end=date(2024, 3, 31), metric="revenue", unit="USD")
FY = dict(period_start=date(2023, 4, 1), period_end=date(2024, 3, 31), metric="revenue", unit="USD")

CASES = {
    # name: (claim a, claim b, expected: None for no conflict, else a severity)
    "price far apart on one day": (claim("a", "x", D1, 300.0, "HK$300"), claim("b", "y", D1, 410.0, "HK$410"), "medium"),
    "price doubled on one day": (claim("a", "x", D1, 300.0, "HK$300"), claim("b", "y", D1, 640.0, "HK$640"), "high"),
    # a market quote is met only on its own day, and widened by the day's usual range (day_slack)
    "a quote three days later is another day's": (claim("a", "x", D1, 300.0, "HK$300"),
                                                 claim("b", "y", D2, 410.0, "HK$410"), None),
    "within the day's range": (claim("a", "x", D1, 2930.0, "$2,930", entity="gold", entity_id="gold", unit="USD",
                                     metric="commodity_price"),
                               claim("b", "y", D1, 2990.0, "$2,990", entity="gold", entity_id="gold", unit="USD",
                                     metric="commodity_price"), None),
    "a day's moves a point apart": (claim("a", "x", D1, 1.1, "1.1%", unit="%", metric="price_change"),
                                    claim("b", "y", D1, 1.6, "1.6%", unit="%", metric="price_change"), None),
    "a day's moves far apart": (claim("a", "x", D1, 1.4, "1.4%", unit="%", metric="price_change"),
                                claim("b", "y", D1, 6.5, "6.5%", unit="%", metric="price_change"), "high"),
    "rounding: 124 vs 124.1": (claim("a", "x", D1, 124.0, "HKD 124"), claim("b", "y", D2, 124.1, "HKD 124.1"), None),
    "about covers 10%": (claim("a", "x", D1, 88.0, "about $88", approx="about", unit="USD"),
                         claim("b", "y", D2, 95.0, "$95", unit="USD"), None),
    "over is a floor": (claim("a", "x", D1, 15e9, "$15B", approx="over", **Q1), claim("b", "y", D2, 16.27e9, "$16.27bn", **Q1), None),
    "under is a ceiling": (claim("a", "x", D1, 30.0, "30%", approx="under", unit="%", metric="price_change", **{k: v for k, v in Q1.items() if k.startswith("period")}),
                           claim("b", "y", D2, 25.0, "25%", unit="%", metric="price_change", **{k: v for k, v in Q1.items() if k.startswith("period")}), None),
    "over floor broken": (claim("a", "x", D1, 100.0, "more than double", approx="over", unit="%", metric="price_change", **{k: v for k, v in Q1.items() if k.startswith("period")}),
                          claim("b", "y", D2, 28.0, "28%", unit="%", metric="price_change", **{k: v for k, v in Q1.items() if k.startswith("period")}), "high"),
    "currency conversion agrees": (claim("a", "x", D1, 380e9, "380 billion RMB", unit="CNY", metric="capex", **{k: v for k, v in Q1.items() if k.startswith("period")}),
                                   claim("b", "y", D2, 53e9, "$53bn", unit="USD", metric="capex", **{k: v for k, v in Q1.items() if k.startswith("period")}), None),
    "currency conversion disagrees": (claim("a", "x", D1, 380e9, "380 billion RMB", unit="CNY", metric="capex", **{k: v for k, v in Q1.items() if k.startswith("period")}),
                                      claim("b", "y", D2, 90e9, "$90bn", unit="USD", metric="capex", **{k: v for k, v in Q1.items() if k.startswith("period")}), "medium"),
    "quarter vs fiscal year": (claim("a", "x", D1, 29.6e9, "$29.6bn", **Q1), claim("b", "y", D2, 106.3e9, "$106.3bn", **FY), None),
    "different entities": (claim("a", "x", D1, 300.0, "HK$300"), claim("b", "y", D2, 410.0, "HK$410", entity="Meituan", entity_id="3690.HK"), None),
    "different segments": (claim("a", "x", D1, 5e9, "$5bn", segment="gaming", **Q1), claim("b", "y", D2, 9e9, "$9bn", segment="cloud", **Q1), None),
    "actual vs forecast": (claim("a", "x", D1, 5e9, "$5bn", **Q1), claim("b", "y", D2, 9e9, "$9bn", modality="forecast", **Q1), None),
    "current vs historical": (claim("a", "x", D1, 11.0, "11x", unit="x", metric="forward_pe"),
                              claim("b", "y", D2, 29.0, "29x", unit="x", metric="forward_pe", modality="historical"), None),
    "outside the window": (claim("a", "x", D1, 12.2, "12.2 times", unit="x", metric="forward_pe"),
                           claim("b", "y", D_LATE, 22.0, "22 times", unit="x", metric="forward_pe"), None),
    "same article twice": (claim("a", "x", D1, 300.0, "HK$300"), claim("b", "x", D1, 410.0, "HK$410"), None),
    "flow without a period": (claim("a", "x", D1, 5e9, "$5bn", metric="revenue", unit="USD", period_start=None, period_end=None),
                              claim("b", "y", D2, 9e9, "$9bn", metric="revenue", unit="USD", period_start=None, period_end=None), None),
    "small relative gap is low": (claim("a", "x", D1, 100.0, "HK$100.0"), claim("b", "y", D1, 115.0, "HK$115.0"), "low"),
    "bond yields of two terms": (claim("a", "x", D1, 1.82, "1.82%", **YIELD, segment="2-year"),
                                 claim("b", "y", D2, 2.06, "2.06%", **YIELD, segment="10-year"), None),
    "bond yields of no term": (claim("a", "x", D1, 5.98, "5.98 pct", **YIELD), claim("b", "y", D2, 7.94, "7.94 pct", **YIELD), None),
    "bond yields of one term": (claim("a", "x", D1, 2.06, "2.06%", **YIELD, segment="10-year"),
                                claim("b", "y", D1, 2.6, "2.6%", **YIELD, segment="10-year"), "medium"),
    # two claims below the confidence floor are more likely extraction errors than a disagreement
    "unsure claims": (claim("a", "x", D1, 300.0, "HK$300", confidence=0.05), claim("b", "y", D1, 640.0, "HK$640"), None),
    # two figures of one sentence republished in two articles are not set against each other
    "one sentence republished": (claim("a", "x", D1, 300.0, "HK$300", sentence="It rose from HK$300 to HK$640."),
                                 claim("b", "y", D1, 640.0, "HK$640", sentence="It rose from HK$300 to HK$640 ."), None),
}


@pytest.mark.parametrize("name", list(CASES))
def test_conflict_table(name, resources):
    a, b, expected = CASES[name]
    out = find_conflicts(pd.DataFrame([a, b]), resources)
    if expected is None:
        assert out.empty, out.to_dict("records")
    else:
        assert len(out) == 1, name
        row = out.iloc[0]
        assert row.severity == expected, row.reason
        assert row.claim_a == "a" and row.claim_b == "b"
        assert row.reason and str(row.published_a) in row.reason


def test_conflict_ids_are_stable_and_order_free(resources):
    a, b, _ = CASES["price doubled on one day"]
    one = find_conflicts(pd.DataFrame([a, b]), resources)
    two = find_conflicts(pd.DataFrame([b, a]), resources)
    assert list(one.conflict_id) == list(two.conflict_id)


def test_blocking_scales_without_all_pairs(resources):
    """Many entities with one claim each produce no comparisons at all."""
    rows = [claim(f"c{i}", f"art{i}", D1, 100.0 + i, f"HK${100 + i}", entity=f"E{i}", entity_id=f"E{i}") for i in range(3000)]
    assert find_conflicts(pd.DataFrame(rows), resources).empty


def test_many_copies_of_one_figure_make_one_conflict_with_its_majority(resources):
    """Sixteen articles give 300 and four give 410: one conflict, the 410 named as the outlier."""
    rows = [claim(f"c{k}", f"a{k:02d}", D1, 410.0 if k >= 16 else 300.0, "HK$410" if k >= 16 else "HK$300")
            for k in range(20)]
    out = find_conflicts(pd.DataFrame(rows), resources)
    assert len(out) == 1
    row = out.iloc[0]
    assert row.majority_sources == 16 and row.outlier_sources == 4
    assert row.reason.startswith("16 sources give Tencent's share price") and "4 sources give HKD 410" in row.reason
    # the sixteen are copies of one story (near-duplicates): one source against four, and 410 is the majority
    copies = {f"a{k:02d}": "a00" for k in range(16)}
    row = find_conflicts(pd.DataFrame(rows), resources, sources=copies).iloc[0]
    assert row.majority_sources == 4 and row.outlier_sources == 1 and row.majority_value == 410.0


def test_sorted_conflicts_merge_spilled_chunks_in_table_order(resources, tmp_path):
    """Spilled to disk and merged, or kept and sorted in memory: the same rows in `sort_conflicts` order."""
    import random
    from datetime import timedelta

    from pipeline.conflicts import SortedConflicts, sort_conflicts

    rng = random.Random(7)
    rows = []
    for e in ("Tencent", "Alibaba", "Baidu"):  # several entities and severities interleave across chunks
        for day in range(8):
            for k, v in enumerate((300.0, 300.0, rng.choice([400.0, 700.0, 1500.0]))):
                rows.append(claim(f"{e}{day}-{k}", f"{e}-{day}-{k}", D1 + timedelta(days=day), v, f"HK${v:.0f}",
                                  entity=e, entity_id=e))
    whole = find_conflicts(pd.DataFrame(rows), resources)
    parts = [whole.iloc[k:k + 7] for k in range(0, len(whole), 7)]
    rng.shuffle(parts)
    expected = sort_conflicts(pd.concat(parts, ignore_index=True))
    assert expected["severity"].nunique() > 1 and expected["entity"].nunique() == 3
    for spill_rows in (10**9, 5):
        sink = SortedConflicts(tmp_path / f"spill{spill_rows}", spill_rows=spill_rows, batch_rows=9)
        for c in parts:
            sink.add(c)
        got = pd.concat(list(sink.batches()), ignore_index=True)
        assert (len(sink.files) > 1) == (spill_rows == 5)
        assert got["conflict_id"].tolist() == expected["conflict_id"].tolist()
        assert got["reason"].tolist() == expected["reason"].tolist()
    assert not list((tmp_path / "spill5").glob("*.parquet"))  # spill files removed once merged
    (tmp_path / "spill5" / "conflicts-00099.parquet").write_bytes(b"left by a killed run")
    SortedConflicts(tmp_path / "spill5")
    assert not list((tmp_path / "spill5").glob("*.parquet"))  # and a killed run's are removed at the next start
