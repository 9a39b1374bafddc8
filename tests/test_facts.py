"""Facts: the claims that state one fact across articles, their sources, and how they are judged."""
from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from pipeline.fact_reports import basis_of, written_slacks
from pipeline.conflict_gate import load_gate
from pipeline.conflict_rows import likely_cause
from pipeline.facts import Options, group_facts
from pipeline.sources import band_hashes, encode, source_ids
from pipeline.schema import FACT_COLUMNS

Q4 = dict(period_start=date(2024, 10, 1), period_end=date(2024, 12, 31), period_label="2024-Q4")
D1, D2, D3 = date(2025, 2, 11), date(2025, 2, 12), date(2025, 2, 20)


def claim(cid, article, published, value, figure, **kw):
    row = dict(claim_id=cid, article_id=article, published=published, entity="Acme", entity_id="ACME", segment="",
               metric="profit", unit="USD", approx="exact", modality="actual", confidence=0.8, value=value,
               value_low=value, value_high=value, figure=figure, char_start=0, disputed=False,
               sentence=f"Acme said fourth-quarter net profit was {figure}.", **Q4)
    row.update(kw)
    return row


def judge(rows, resources, sources=None, **options):
    """Group `rows`; without the conflict gate unless `gate=True` (these tests are of the grouping's rules)."""
    facts, conflicts, links = group_facts(pd.DataFrame(rows), resources, sources=sources,
                                          opts=Options(**{"gate": False, **options}))
    return facts, conflicts, links


def test_three_sources_against_one_name_the_majority_and_the_likely_slip(resources):
    rows = [claim(f"c{k}", f"art{k}", D1, 2.4e9, "$2.4 billion", sentence=f"Acme earned $2.4 billion (report {k}).")
            for k in range(3)]
    rows.append(claim("slip", "art9", D2, 24e9, "$24 billion", sentence="Acme earned $24 billion in the quarter."))
    facts, conflicts, links = judge(rows, resources)
    assert list(facts.columns) == list(FACT_COLUMNS)
    fact = facts.iloc[0]
    assert len(facts) == 1 and fact.status == "conflict" and fact.n_sources == 4 and fact.n_values == 2
    assert fact.value == 2.4e9 and fact.majority_sources == 3 and fact.outlier_value == 24e9
    row = conflicts.iloc[0]
    assert len(conflicts) == 1 and {row.claim_a, row.claim_b} == {"c0", "slip"}
    assert row.reason == ("3 sources give Acme's profit for 2024-Q4 as USD 2.4bn; 1 source gives USD 24bn "
                          "(2025-02-12): a factor of 10, likely a unit or decimal slip")
    assert row.fact_id == fact.fact_id and fact.reason == row.reason
    assert sorted(links[links.majority].claim_id) == ["c0", "c1", "c2"]


def test_agreeing_reports_are_one_fact_and_rounding_is_agreement(resources):
    rows = [claim("a", "x", D1, 2.4e9, "$2.4 billion"), claim("b", "y", D2, 2.43e9, "$2.43 billion"),
            claim("c", "z", D2, 2.4e9, "$2.4bn")]
    facts, conflicts, _ = judge(rows, resources)
    assert len(facts) == 1 and facts.iloc[0].status == "agreed" and facts.iloc[0].n_reports == 3
    assert conflicts.empty


def test_copies_of_one_story_are_one_source(resources):
    rows = [claim(f"c{k}", f"copy{k}", D1, 2.4e9, "$2.4 billion", sentence=f"Acme earned $2.4 billion, copy {k}.")
            for k in range(3)]
    rows.append(claim("other", "other", D2, 3.1e9, "$3.1 billion", sentence="Acme earned $3.1 billion."))
    facts, conflicts, _ = judge(rows, resources)
    assert facts.iloc[0].n_sources == 4 and conflicts.iloc[0].majority_sources == 3
    facts, conflicts, _ = judge(rows, resources, sources={f"copy{k}": "copy0" for k in range(3)})
    assert facts.iloc[0].n_sources == 2 and facts.iloc[0].n_articles == 4
    assert conflicts.iloc[0].majority_sources == 1 and conflicts.iloc[0].reason.startswith("sources split on")


def test_one_source_giving_two_values_is_ambiguous_not_a_conflict(resources):
    """An article with both figures for one fact is reading two things (a segment and the whole, two columns)."""
    rows = [claim("a", "x", D1, 2.4e9, "$2.4 billion", sentence="Acme's profit was $2.4 billion."),
            claim("b", "x", D1, 0.9e9, "$0.9 billion", char_start=200, sentence="Profit at its cloud unit was $0.9 billion."),
            claim("c", "y", D2, 0.9e9, "$0.9 billion", sentence="Acme profit came to $0.9 billion.")]
    facts, conflicts, _ = judge(rows, resources)
    assert facts.iloc[0].status == "ambiguous" and conflicts.empty


def test_a_forecast_updated_over_time_is_a_revision(resources):
    rows = [claim("old", "x", D1, 10e9, "$10 billion", modality="forecast", metric="revenue"),
            claim("old2", "y", D1, 10e9, "$10 billion", modality="forecast", metric="revenue"),
            claim("new", "z", D3, 12e9, "$12 billion", modality="forecast", metric="revenue")]
    facts, conflicts, _ = judge(rows, resources)
    assert facts.iloc[0].status == "revised" and conflicts.empty
    # the same two values told side by side on one day are a conflict, not a revision
    rows[2] = claim("new", "z", D1, 12e9, "$12 billion", modality="forecast", metric="revenue")
    facts, conflicts, _ = judge(rows, resources)
    assert facts.iloc[0].status == "conflict" and len(conflicts) == 1


def test_a_consensus_quoted_two_ways_days_apart_is_a_conflict_weeks_apart_a_revision(resources):
    """Two outlets' consensus for one quarter a day or two apart are two polls that disagree (FactSet's $448.9 million
    against LSEG's $447.46 million); weeks apart, the consensus was updated (ESTIMATE_REVISION_DAYS)."""
    rows = [claim("fs", "x", D1, 448.9e6, "$448.9 million", modality="estimate", metric="revenue",
                  sentence="Analysts surveyed by FactSet expected $448.9 million."),
            claim("lseg", "y", D2, 447.46e6, "$447.46 million", modality="estimate", metric="revenue",
                  sentence="Revenue rose 3.6% to $457.79 million from a year ago; analysts expected $447.46 million.")]
    facts, conflicts, _ = judge(rows, resources)
    assert facts.iloc[0].status == "conflict" and len(conflicts) == 1
    rows[1] = {**rows[1], "published": D3}
    facts, conflicts, _ = judge(rows, resources)
    assert facts.iloc[0].status == "revised" and conflicts.empty


def test_gaap_and_adjusted_are_two_facts(resources):
    rows = [claim("gaap", "x", D1, 0.16, "$0.16", metric="eps", sentence="Acme GAAP EPS of $0.16 missed."),
            claim("adj", "y", D1, 0.42, "$0.42", metric="eps", sentence="Acme adjusted EPS of $0.42 beat estimates.")]
    facts, conflicts, _ = judge(rows, resources)
    assert sorted(facts.basis) == ["adjusted", "reported"] and conflicts.empty


def test_basis_words_before_the_figure(resources):
    assert basis_of("Non-GAAP EPS of $0.20 beat.", "$0.20", resources) == "adjusted"
    assert basis_of("GAAP EPS of $0.16 missed, non-GAAP EPS was $0.20.", "$0.16", resources) == "reported"
    assert basis_of("Shares rose as much as 8% before paring gains.", "8%", resources) == "intraday"
    assert basis_of("Shares fell 3% in premarket trading to $41.", "3%", resources) == "extended"
    assert basis_of("Shares closed at $41.", "$41", resources) == "reported"  # no metric: no market quote known
    assert basis_of("Oper shr 4.46 dlrs vs 3.20 dlrs", "4.46 dlrs", resources) == "adjusted"  # a wire table's row
    assert basis_of("Shr 5.06 dlrs vs 5.92 dlrs", "5.06 dlrs", resources) == "reported"
    assert basis_of("Operating net 13.5 mln vs 14.6 mln", "13.5 mln", resources) == "adjusted"
    assert basis_of("Profit attributable to owners of the company rose to 1.33 billion rupees.", "1.33 billion rupees",
                    resources) == "attributable"
    assert basis_of("Net income available to common shareholders was $33.6 million.", "$33.6 million",
                    resources) == "attributable"
    assert basis_of("Consolidated net profit rose to Rs 132.4 crore.", "Rs 132.4 crore", resources) == "reported"


def test_a_houses_own_estimate_is_a_fact_apart_from_the_consensus(resources):
    """A broker's own estimate set against the consensus is a spread, not a conflict (GUIDE.md); two outlets quoting
    the consensus differently stay one fact."""
    rows = [claim("house", "x", D1, 829e6, "$829 million", metric="ebitda", modality="estimate",
                  sentence="For Q1, Oppenheimer expects revenue of $1.34 billion and EBITDA of $829 million, implying "
                           "62% margins, against consensus forecasts of $792 million."),
            claim("cons1", "y", D1, 818.6e6, "$818.6 million", metric="ebitda", modality="estimate",
                  sentence="Acme forecast Q1 EBITDA between $855 million and $885 million vs estimates of $818.6 "
                           "million."),
            claim("cons2", "z", D1, 818.6e6, "$818.6 million", metric="ebitda", modality="estimate",
                  sentence="Analysts surveyed by FactSet expect EBITDA of $818.6 million."),
            claim("cons3", "w", D1, 792e6, "$792 million", metric="ebitda", modality="estimate",
                  sentence="For Q1, Oppenheimer expects revenue of $1.34 billion and EBITDA of $829 million, implying "
                           "62% margins, against consensus forecasts of $792 million.")]
    facts, conflicts, _ = judge(rows, resources)
    assert sorted(facts.basis) == ["house", "reported"]
    assert len(conflicts) == 1 and sorted(conflicts[["value_a", "value_b"]].iloc[0]) == [792e6, 818.6e6]


BASIS_AFTER_CASES = [  # (sentence, figure, basis): the words after a figure are its own up to the next figure
    ("Sales decreased 2.0% reported and 1.9% in constant currency.", "2.0%", "reported"),
    ("Sales decreased 2.0% reported and 1.9% in constant currency.", "1.9%", "constant_currency"),
    ("Revenue rose 4% to $3.1 billion in constant currency.", "4%", "constant_currency"),  # its move's level
    ("EPS was $1.02 versus $0.98 adjusted.", "$1.02", "reported"),
    ("Revenue rose 3% in 2024 excluding items.", "3%", "adjusted"),  # a year is no figure
    ("Shares fell 3% in premarket trading to $41.", "3%", "extended"),
    ("The average analyst forecast had been for a statutory net profit of A$5.05 billion.", "A$5.05 billion",
     "statutory"),
    ("Cash net profit rose 2% to A$5.13 billion.", "A$5.13 billion", "cash"),
    ("That compares to a Visible Alpha consensus estimate of A$5.06 billion.", "A$5.06 billion", "reported"),
    ("Sales and other operating revenues came in at $45.752 billion, missing the consensus of $47.511 billion.",
     "$47.511 billion", "operating_revenues"),
    ("Total revenues and other income fell to $48.09 billion.", "$48.09 billion", "revenues_and_income"),
]


@pytest.mark.parametrize("sentence,figure,basis", BASIS_AFTER_CASES)
def test_basis_words_after_the_figure_stop_at_the_next(resources, sentence, figure, basis):
    assert basis_of(sentence, figure, resources) == basis


def test_round_tens_are_rounded_to_the_ten():
    slack = written_slacks(pd.Series(["350%", "351%", "20%", "1,200", "$2.50"]), np.array([350, 351, 20, 1200, 2.5]))
    assert slack.tolist() == [5.0, 0.5, 0.5, 5.0, 0.005]


CLOSE_CASES = [  # (sentence, figure, metric, basis): a session's close only for a market quote
    ("Strategy (MSTR) closed up 2.2% at $334.62/share.", "2.2%", "price_change", "close"),
    ("Comex Gold Settles 0.06% Lower at $2912.50 - Data Talk", "$2912.50", "commodity_price", "close"),
    ("At the closing bell, Canopy Growth's stock was down 27% to $2.02 a share.", "$2.02", "share_price", "close"),
    ("The stock ended the session 4% higher.", "4%", "price_change", "close"),
    ("Shares were up 1.2% on Monday to $231.90.", "$231.90", "share_price", "reported"),
    ("Shares fell 3% in premarket trading after closing at $41.", "3%", "price_change", "extended"),
    ("After the deal closed, revenue rose to $2 billion.", "$2 billion", "revenue", "reported"),
    ("Cash at the end of the day was $3 million.", "$3 million", "cash", "reported"),
]


def test_a_close_is_a_market_quotes_basis(resources):
    for sentence, figure, metric, expected in CLOSE_CASES:
        assert basis_of(sentence, figure, resources, metric) == expected, sentence


EXTENDED_CASES = [  # (sentence, figure, basis): trading outside the session as outlets write it (modern dump)
    ("Shares sank 10% after hours on Tuesday.", "10%", "extended"),
    ("The stock was down 12% to $12.65 in post-market trading on Tuesday.", "12%", "extended"),
    ("The stock price dropped 5.2% on Monday during after-market hours of trading.", "5.2%", "extended"),
    ("Super Micro Computer Inc fell more than 3% in recent aftermarket hours trading following the news.", "3%", "extended"),
    ("But the stock rallied over 8% in aftermarket trade, after the server maker said it will meet a deadline.", "8%",
     "extended"),
    ("Sun Country Airlines stock was down 4.2% before the opening bell after the company said it plans a buyback.",
     "4.2%", "extended"),
    # the aftermarket is also a business (parts and service sold after the original sale): no moment of trading
    ("In the company's aftermarket segment, sales increased 1.2%, all of which contributed to a 4% drop.", "1.2%",
     "reported"),
    ("Demand for aftermarket auto parts drove FQ3 sales up 8.3% to a record $186.2M.", "8.3%", "reported"),
]


def test_trading_outside_the_session_is_its_own_basis(resources):
    for sentence, figure, expected in EXTENDED_CASES:
        assert basis_of(sentence, figure, resources, "price_change") == expected, sentence


def test_analysts_targets_are_a_spread(resources):
    rows = [claim("a", "x", D1, 200.0, "$200", metric="price_target", modality="estimate", period_start=D1, period_end=D1),
            claim("b", "y", D1, 260.0, "$260", metric="price_target", modality="estimate", period_start=D1, period_end=D1)]
    facts, conflicts, _ = judge(rows, resources)
    assert facts.iloc[0].status == "spread" and conflicts.empty


def test_a_point_in_time_fact_is_one_day(resources):
    """Ownership stated on two days is two facts; a market quote's nearby days are compared, widened by the days."""
    own = dict(metric="ownership_pct", unit="%")
    rows = [claim("a", "x", D1, 5.2, "5.2%", period_start=D1, period_end=D1, **own),
            claim("b", "y", D2, 7.9, "7.9%", period_start=D2, period_end=D2, **own)]
    facts, conflicts, _ = judge(rows, resources)
    assert len(facts) == 2 and conflicts.empty
    quote = dict(metric="share_price")
    near = [claim("a", "x", D1, 100.0, "$100", period_start=D1, period_end=D1, **quote),
            claim("b", "y", D2, 104.0, "$104", period_start=D2, period_end=D2, **quote)]
    assert judge(near, resources)[1].empty  # a day's move
    far = [near[0], claim("b", "y", D2, 210.0, "$210", period_start=D2, period_end=D2, **quote)]
    assert judge(far, resources, window_days=0)[1].empty  # --window-days 0: each day alone
    reason = judge(far, resources)[1].iloc[0].reason
    assert "1 day apart" in reason and "USD 100" in reason and "USD 210" in reason


def test_likely_causes():
    assert likely_cause(1.2e6, 1.2e9) == "a factor of 1,000, likely a unit or decimal slip"
    assert likely_cause(10.0, 13.0) == "23% apart"


STORY = ("Acme Corp said on Tuesday that fourth-quarter net profit rose 12 percent to $2.4 billion, helped by strong "
         "demand for its cloud services in North America and Europe, while revenue climbed 8 percent to $11.2 billion. "
         "The company, based in Springfield, also raised its dividend to 25 cents a share and said it expects revenue "
         "growth to slow in the first half of the year as customers delay orders. Shares rose 3 percent in early trade.")


def test_a_syndicated_copy_shares_a_band_and_another_story_does_not():
    copy = STORY.replace("said on Tuesday", "said Tuesday") + " (Reporting by Jane Doe; Editing by John Roe)"
    other = ("Globex Inc cut its full-year outlook on Wednesday, blaming weaker orders from carmakers in China, and said "
             "it would close two plants in Ohio. Its shares fell 9 percent, the biggest drop in a decade, and analysts "
             "at three banks lowered their price targets on the stock after the announcement.")
    ids = source_ids(["story", "copy", "other"], [encode(band_hashes(t)) for t in (STORY, copy, other)])
    assert ids["copy"] == ids["story"] == "copy" and ids["other"] == "other"
    assert band_hashes("too short to hash") == ()


def test_band_hashes_are_those_earlier_runs_stored():
    """A run appended to one made before finds its copies only if the bands are the same: these are the
    bands datasketch 1.10 gave this story (datasketch 2 changed its default hashing scheme)."""
    assert encode(band_hashes(STORY)) == (
        "8a5fbd612b969966 becdb2a7e45ff253 ed12151d2beaa762 15f103eb4737065c 42f5806ffdde6113 f112058b52eaadac "
        "ca35838d66f54550 691e290191a4689e cdd07816dcc4a2b7 cc5c9f980d60e616 f7eaa2daa208697f 6b16b83fd02c9aac")


def test_a_price_quoted_as_a_move_is_widened_like_a_move(resources):
    """Gold up 1.1% and up 1.9% on one day: the day's trading, as for a share's move."""
    move = dict(entity="gold", entity_id="gold", metric="commodity_price", unit="%", period_start=D1, period_end=D1)
    rows = [claim("a", "x", D1, 1.1, "1.1%", **move), claim("b", "y", D1, 1.9, "1.9%", **move)]
    assert judge(rows, resources)[1].empty
    rows[1] = claim("b", "y", D1, 4.5, "4.5%", **move)
    assert len(judge(rows, resources)[1]) == 1


def test_values_too_far_apart_to_be_one_quantity_are_unlike_not_a_conflict(resources):
    """$226 million against $1.87 billion is another quantity misread (a part's revenue), not a contradiction;
    $1.87 billion against $18.7 billion is a slip of the decimal point, and is one."""
    rows = [claim("whole", "x", D1, 1.87e9, "$1.87 billion", metric="revenue"),
            claim("part", "y", D1, 226e6, "$226 million", metric="revenue")]
    facts, conflicts, _ = judge(rows, resources)
    assert conflicts.empty and list(facts.status) == ["unlike"]
    rows[1] = claim("slip", "y", D1, 18.7e9, "$18.7 billion", metric="revenue",
                    sentence="Acme's quarterly revenue came to $18.7 billion.")
    facts, conflicts, _ = judge(rows, resources)
    assert len(conflicts) == 1 and list(facts.status) == ["conflict"]
    # "fell 2%" against "rose 12%": two quantities; "fell 4.4%" against "rose 4.5%": a direction misread
    move = dict(metric="price_change", unit="%", period_start=D1, period_end=D1)
    rows = [claim("a", "x", D1, -2.0, "2%", **move), claim("b", "y", D1, 12.0, "12%", **move)]
    assert judge(rows, resources)[1].empty
    rows = [claim("a", "x", D1, -4.4, "4.4%", **move), claim("b", "y", D1, 4.5, "4.5%", **move)]
    facts, conflicts, _ = judge(rows, resources)
    assert conflicts.empty and list(facts.status) == ["unlike"]


# two quotes of one stated moment (both after hours, both the close) are one value, not widened by the day's range; quotes
# of no stated moment may be any moment of the session and keep it (modern dump, issue 16's labeled pairs)
STATED_MOMENTS = [
    ("The stock was down 12% to $12.65 in post-market trading on Tuesday.", -12.0, "12%",
     "Shares sank 10% after hours on Tuesday.", -10.0, "10%", False),
    ("The stock price declined 3.33% on Monday during pre-market hours of trading.", -3.33, "3.33%",
     "Sun Country Airlines stock was down 4.2% before the opening bell.", -4.2, "4.2%", False),
    ("Front-month Nymex crude closed +1.8% to $72.32/bbl.", 1.8, "+1.8%",
     "West Texas Intermediate crude rose 1.9% to settle at $72.32 a barrel.", 1.9, "1.9%", True),
    ("West Texas Intermediate crude settled up 1.6% at $72.32 a barrel.", 1.6, "1.6%",
     "WTI rose 1.9% to settle at $72.32 a barrel.", 1.9, "1.9%", False),
    ("Amazon (AMZN) stock is up 2% after the Trump administration agreed to keep the rule.", 2.0, "2%",
     "Shares of Amazon were up 1.2% on Monday to $231.90.", 1.2, "1.2%", True),
]


@pytest.mark.parametrize("sent_a, value_a, fig_a, sent_b, value_b, fig_b, agreed", STATED_MOMENTS)
def test_quotes_of_one_stated_moment_take_no_day_range(resources, sent_a, value_a, fig_a, sent_b, value_b, fig_b, agreed):
    move = dict(metric="price_change", unit="%", period_start=D1, period_end=D1)
    rows = [claim("a", "x", D1, value_a, fig_a, sentence=sent_a, **move),
            claim("b", "y", D1, value_b, fig_b, sentence=sent_b, **move)]
    facts, _, _ = judge(rows, resources)
    assert len(facts) == 1 and (facts.iloc[0].status == "agreed") == agreed and (facts.iloc[0].n_values == 1) == agreed


def test_a_share_price_in_two_currencies_is_two_listings(resources):
    quote = dict(metric="share_price", period_start=D1, period_end=D1)
    rows = [claim("a", "x", D1, 307.0, "$307", **quote), claim("b", "y", D1, 4.6465, "464.65 pence", unit="GBP", **quote)]
    facts, conflicts, _ = judge(rows, resources)
    assert len(facts) == 2 and conflicts.empty


def test_a_value_is_shown_by_its_first_mention(resources):
    """Of one article's two statements of 15x, the earlier in the text stands for the value."""
    pe = dict(metric="forward_pe", unit="x", period_start=D1, period_end=D1)
    rows = [claim("late", "x", D1, 15.0, "15x", char_start=900, sentence="At 15x, Acme is cheap.", **pe),
            claim("early", "x", D1, 15.0, "15 times", char_start=10, sentence="Acme trades at 15 times earnings.", **pe),
            claim("other", "y", D1, 31.0, "31x", char_start=5, sentence="Acme trades at 31x.", **pe)]
    row = judge(rows, resources)[1].iloc[0]
    assert (row.claim_a, row.claim_b) == ("early", "other")


def test_one_consensus_quoted_two_ways_is_a_conflict_however_close(resources):
    # in one unit on one day, only the written digits allow a gap: 758.9 and 759.6 cannot both be the consensus
    rows = [claim("a", "x", D1, 758.9e6, "$758.9 million", metric="revenue", modality="estimate",
                  sentence="Analysts expected revenue of $758.9 million."),
            claim("b", "y", D1, 759.6e6, "$759.6M", metric="revenue", modality="estimate",
                  sentence="Revenue fell short of forecasts for $759.6M.")]
    facts, conflicts, _ = judge(rows, resources)
    assert facts.iloc[0].status == "conflict" and len(conflicts) == 1
    assert conflicts.iloc[0].reason.endswith("USD 759.6m (2025-02-11): 0.09% apart"), conflicts.iloc[0].reason
    # and rounding is still agreement: $759.6M written as $760 million
    rows[0] = claim("a", "x", D1, 760e6, "$760 million", metric="revenue", modality="estimate",
                    sentence="Analysts expected revenue of $760 million.")
    facts, conflicts, _ = judge(rows, resources)
    assert conflicts.empty and facts.iloc[0].status == "agreed"


def test_moves_of_two_days_are_two_days_trading(resources):
    """A price quoted as a move ("gasoline rose 2.05%", "fell 2.69%" the next day) is that day's trading; a level
    quoted a day later is set against the first day's, widened by the day between."""
    move = dict(entity="gasoline", entity_id="gasoline", metric="commodity_price", unit="%")
    rows = [claim("a", "x", D1, 2.05, "2.05%", period_start=D1, period_end=D1, **move),
            claim("b", "y", D2, -2.69, "-2.69%", period_start=D2, period_end=D2, **move)]
    assert judge(rows, resources)[1].empty
    level = dict(entity="gasoline", entity_id="gasoline", metric="commodity_price", unit="USD")
    rows = [claim("a", "x", D1, 2.51, "$2.51", period_start=D1, period_end=D1, **level),
            claim("b", "y", D2, 25.1, "$25.1", period_start=D2, period_end=D2, **level)]
    assert len(judge(rows, resources)[1]) == 1


def test_sequential_and_constant_currency_changes_are_their_own_basis(resources):
    assert basis_of("Sequentially, profit rose 6.4 per cent from Rs 1,100 crore.", "6.4 per cent", resources) == "sequential"
    assert basis_of("Revenue grew 3% quarter-on-quarter.", "3%", resources) == "sequential"
    assert basis_of("Net profit was up 17.5% year on year.", "17.5%", resources) == "reported"
    assert basis_of("Revenue rose 9% (10% increase on a constant currency basis).", "10%", resources) == "constant_currency"
    rows = [claim("yoy", "x", D1, 17.5, "17.5%", metric="profit_growth", unit="%",
                  sentence="Acme's net profit rose 17.5% year on year."),
            claim("qoq", "y", D1, 6.4, "6.4%", metric="profit_growth", unit="%",
                  sentence="Sequentially, Acme's profit rose 6.4%.")]
    facts, conflicts, _ = judge(rows, resources)
    assert sorted(facts.basis) == ["reported", "sequential"] and conflicts.empty


def test_an_amount_no_total_can_be_is_no_report_of_a_total(resources):
    # "net income of $0.26 per diluted share" filed as profit, against the company's $210 million
    rows = [claim("total", "x", D1, 210e6, "$210 million"),
            claim("per_share", "y", D1, 0.26, "$0.26", sentence="Acme reported Q4 net income of $0.26 per diluted share."),
            claim("fx", "z", D1, 1.2379, "$1.2379", metric="exchange_rate", entity="Sterling", entity_id="GBP",
                  sentence="Sterling rose to $1.2379."),
            claim("eps", "w", D1, 0.26, "$0.26", metric="eps", sentence="Acme EPS was $0.26.")]
    facts, conflicts, links = judge(rows, resources)
    assert set(links.claim_id) == {"total", "fx", "eps"} and conflicts.empty


def test_a_conflict_needs_both_articles_about_the_entity(resources):
    """A figure given to Acme in a roundup whose headline names other companies is likely another company's:
    set against Acme's own story it is no conflict; two stories about Acme that disagree are one; with no
    headline, nothing says the figure is off the article's topic."""
    own = claim("own", "x", D1, 2.4e9, "$2.4 billion", title="Acme profit jumps on cloud demand")
    roundup = claim("list", "y", D1, 3.1e9, "$3.1 billion", title="Stocks to watch: Globex, Initech, Umbrella",
                    sentence="Acme's net profit was $3.1 billion.")
    assert judge([own, roundup], resources)[1].empty
    story = dict(roundup, title="Acme Q4 profit tops estimates")
    assert len(judge([own, story], resources)[1]) == 1
    untitled = dict(roundup, title="")
    assert len(judge([own, untitled], resources)[1]) == 1


def test_two_close_values_in_an_ambiguous_fact_are_still_a_conflict(resources):
    """One story reads Acme's revenue growth twice (the whole's +114.4% and a unit's 25%): the fact is ambiguous,
    but another outlet's 115% against +114.4% is one quantity quoted two ways; 25% against them is the unit."""
    growth = dict(metric="revenue_growth", unit="%")
    rows = [claim("whole", "x", D1, 114.4, "+114.4%", sentence="Revenue of $1.01B (+114.4% Y/Y).", **growth),
            claim("unit", "x", D1, 25.0, "25%", char_start=50, sentence="Net interest revenues increased 25%.", **growth),
            claim("other", "y", D1, 115.0, "115%", sentence="Acme's sales increased by 115% year-over-year.", **growth)]
    facts, conflicts, _ = judge(rows, resources)
    assert list(facts.status) == ["conflict"] and len(conflicts) == 1
    assert {conflicts.iloc[0].value_a, conflicts.iloc[0].value_b} == {114.4, 115.0}
    rows[2] = claim("other", "y", D1, 160.0, "160%", sentence="Acme's sales increased by 160% year-over-year.", **growth)
    facts, conflicts, _ = judge(rows, resources)
    assert list(facts.status) == ["ambiguous"] and conflicts.empty


def test_a_flow_twice_another_is_another_quantity_a_quote_may_be_one(resources):
    """Two outlets copy a company's revenue from one release: $1.2 billion against $3.1 billion is a part or another
    period misread, not a contradiction. A year-to-date move of 28% against 100% can be one quantity quoted on
    two days of a rally."""
    rows = [claim("a", "x", D1, 1.2e9, "$1.2 billion", metric="revenue"),
            claim("b", "y", D1, 3.1e9, "$3.1 billion", metric="revenue", sentence="Acme's quarterly revenue was $3.1 billion.")]
    facts, conflicts, _ = judge(rows, resources)
    assert conflicts.empty and list(facts.status) == ["unlike"]
    ytd = dict(metric="price_change", unit="%", period_start=date(2025, 1, 1), period_end=D1)
    rows = [claim("a", "x", D1, 28.0, "28%", sentence="Acme shares are up 28% this year.", **ytd),
            claim("b", "y", D1, 100.0, "100%", sentence="Acme shares have gained 100% this year.", **ytd)]
    assert len(judge(rows, resources)[1]) == 1


def test_the_gate_keeps_a_consensus_quoted_two_ways_and_doubts_a_roundups_prices(resources):
    # a consensus for one quarter quoted two ways by two outlets: the disagreement audits most often found real
    rows = [claim("a", "x", D1, 758.9e6, "$758.9 million", metric="revenue", modality="estimate",
                  sentence="Analysts expected Acme revenue of $758.9 million."),
            claim("b", "y", D1, 759.6e6, "$759.6M", metric="revenue", modality="estimate",
                  sentence="Revenue fell short of forecasts for $759.6M.")]
    facts, conflicts, _ = judge(rows, resources, gate=True)
    assert facts.iloc[0].status == "conflict" and len(conflicts) == 1
    assert conflicts.iloc[0].chance_real >= load_gate(resources.models_dir).threshold
    # two day quotes half apart, each among many numbers: in the audits nearly always a wrong claim or two moments
    day = dict(metric="share_price", period_start=date(2025, 2, 11), period_end=date(2025, 2, 11), period_label="2025-02-11")
    rows = [claim("p", "x", D1, 88.0, "$88", sentence="Acme rose 3% to $88, Beta fell 2% to $41 and Gamma 1% to $7.", **day),
            claim("q", "y", D1, 176.44, "$176.44", sentence="Shares were at $176.44 after 4% and 2.5% moves.", **day)]
    facts, conflicts, _ = judge(rows, resources, gate=True)
    assert conflicts.empty and facts.iloc[0].status == "doubtful"
    facts, conflicts, _ = judge(rows, resources)  # --all-conflicts
    assert facts.iloc[0].status == "conflict" and len(conflicts) == 1


def test_a_floor_chains_no_values_together(resources):
    """"More than doubled" agrees with 114.4% and with 115% alike, yet the two are different values: a floor (or a
    ceiling) joins the value it overlaps that most reports give and no longer chains the values past its end."""
    growth = dict(metric="revenue_growth", unit="%")
    rows = [claim("floor", "w", D1, 100.0, "more than doubled", approx="over",
                  sentence="Total net revenue more than doubled to $1.01 billion.", **growth),
            claim("a", "x", D1, 114.4, "+114.4%", sentence="Revenue of $1.01B (+114.4% Y/Y).", **growth),
            claim("b", "y", D1, 115.0, "115%", sentence="Acme's revenue rose 115% from the previous year.", **growth),
            claim("c", "z", D1, 115.0, "115%", sentence="Revenue jumped 115% to $1.01 billion.", **growth)]
    facts, conflicts, links = judge(rows, resources)
    assert list(facts.status) == ["conflict"] and facts.iloc[0].n_values == 2 and len(conflicts) == 1
    assert {conflicts.iloc[0].claim_a, conflicts.iloc[0].claim_b} == {"a", "b"}  # a figure shows a value, not a floor
    assert set(links[links.majority].claim_id) == {"floor", "b", "c"}
    # a ceiling of its own ("up to 5%") beside no bounded value is one value with a floor it overlaps, as before
    rows = [claim("up", "x", D1, 5.0, "5%", approx="under", sentence="Acme sees margin growth of up to 5%.", **growth),
            claim("over", "y", D1, 4.0, "4%", approx="over", sentence="Margins grew more than 4%.", **growth)]
    assert list(judge(rows, resources)[0].status) == ["agreed"]
    # a floor past every value of its fact is a value of its own
    rows = rows[:0] + [claim("a", "x", D1, 12.0, "12%", sentence="Revenue rose 12%.", **growth),
                       claim("over", "y", D1, 40.0, "40%", approx="over", sentence="Revenue rose more than 40%.", **growth)]
    facts, conflicts, _ = judge(rows, resources)
    assert facts.iloc[0].n_values == 2


# a figure with fewer digits holds two that disagree: it joins one of them and no longer makes them one value, and the
# conflict sets the two precise figures against each other (modern dump, issue 16's labeled consensus pairs)
COARSE_BRIDGES = [
    # (the coarse report, the two precise ones, the pair the conflict sets against each other, or None)
    (("$582 million", 582e6, "That is against FactSet expectations of first-quarter sales of $582 million."),
     ("$582.2 million", 582.2e6, "Analysts are looking for $582.2 million."),
     ("$582.7M", 582.7e6, "It expects revenue of at least $575M, compared with Street consensus for $582.7M."), True),
    (("$405 million", 405e6, "Revenue rose 71% to $427.7 million, above the FactSet consensus of $405 million."),
     ("$404.9 million", 404.9e6, "Analysts polled by FactSet expected $404.9 million."),
     ("$405.26 million", 405.26e6, "Revenue was $427.71 million ; analysts expected $405.26 million."), True),
    (("$563 million", 563e6, "Revenue rose 6.2% to $574.3 million, also ahead of the $563 million FactSet consensus."),
     ("$562.6 million", 562.6e6, "Revenue rose 6.2% to $574.3 million, above analyst forecasts for $562.6 million."),
     ("$563.6 million", 563.6e6, "Q4 revenue of $574.3 million beats estimates of $563.6 million."), True),
    # one unit apart in the last digit is within rounding: the coarse figure changes nothing
    (("$405 million", 405e6, "Revenue rose 71% to $427.7 million, above the FactSet consensus of $405 million."),
     ("$404.9 million", 404.9e6, "Analysts polled by FactSet expected $404.9 million."),
     ("$405.0 million", 405.0e6, "Analysts expected $405.0 million."), False),
]


@pytest.mark.parametrize("coarse, first, second, split", COARSE_BRIDGES)
def test_a_coarse_figure_does_not_chain_two_precise_ones_together(resources, coarse, first, second, split):
    rows = [claim(name, f"art-{name}", D2, value, figure, metric="revenue", modality="estimate", sentence=sentence)
            for name, (figure, value, sentence) in zip(("coarse", "first", "second"), (coarse, first, second))]
    facts, conflicts, links = judge(rows, resources)
    if not split:
        assert list(facts.status) == ["agreed"] and conflicts.empty
        return
    assert list(facts.status) == ["conflict"] and facts.iloc[0].n_values == 2 and len(conflicts) == 1
    assert {conflicts.iloc[0].claim_a, conflicts.iloc[0].claim_b} == {"first", "second"}
    assert links.groupby("value_group").size().sort_values().tolist() == [1, 2]  # the coarse one joined a value


def test_values_one_unit_apart_in_the_last_digit_are_one_and_two_units_are_two(resources):
    """"$546.6 million" and "$546.5 million" can both be 546.56 million, rounded and cut off (GUIDE.md, session 19:
    within rounding); "$546.6 million" and "$546.4 million" cannot. Cents with no scale word are exact: an EPS of
    $0.14 against $0.15 disagrees. "$2.4 billion" and "$2.43 billion" overlap: one."""
    rows = [claim("a", "x", D1, 546.6e6, "$546.6 million", metric="revenue"),
            claim("b", "y", D1, 546.5e6, "$546.5 million", metric="revenue")]
    assert list(judge(rows, resources)[0].status) == ["agreed"]
    rows = [claim("a", "x", D1, 546.6e6, "$546.6 million", metric="revenue"),
            claim("b", "y", D1, 546.4e6, "$546.4 million", metric="revenue")]
    facts, conflicts, _ = judge(rows, resources)
    assert list(facts.status) == ["conflict"] and len(conflicts) == 1
    rows = [claim("a", "x", D1, 0.14, "$0.14", metric="eps"), claim("b", "y", D1, 0.15, "$0.15", metric="eps")]
    assert list(judge(rows, resources)[0].status) == ["conflict"]
    rows = [claim("a", "x", D1, 16.8, "16.8%", unit="%", metric="revenue_growth"),
            claim("b", "y", D1, 16.9, "16.9%", unit="%", metric="revenue_growth")]
    assert list(judge(rows, resources)[0].status) == ["agreed"]
    rows = [claim("a", "x", D1, 2.4e9, "$2.4 billion", metric="revenue"),
            claim("b", "y", D1, 2.43e9, "$2.43 billion", metric="revenue")]
    assert list(judge(rows, resources)[0].status) == ["agreed"]
    # two ceilings of one figure ("up to $1.0 billion", "up to US$1 billion") are one value, not two touching at -inf
    rows = [claim("a", "x", D1, 1e9, "$1.0 billion", metric="buyback", approx="under", modality="forecast"),
            claim("b", "y", D1, 1e9, "US$1 billion", metric="buyback", approx="under", modality="forecast")]
    assert list(judge(rows, resources)[0].status) == ["agreed"]


def test_with_the_gate_an_unsure_consensus_sentence_can_be_a_side(resources):
    """"Analysts surveyed by FactSet expected $5.24 billion." names no one, so the claims' head is unsure of it (0.09);
    the gate, which reads the pair, keeps such a consensus quoted two ways (Telus' on the modern dump). Without the
    gate the confidence floor holds."""
    rows = [claim("a", "x", D1, 5.24e9, "$5.24 billion", metric="revenue", modality="estimate", confidence=0.09,
                  sentence="Analysts surveyed by FactSet expected $5.24 billion."),
            claim("b", "y", D1, 5.21e9, "$5.21 billion", metric="revenue", modality="estimate", confidence=0.17,
                  sentence="Revenue rose 3.5% to $5.38 billion from a year ago; analysts expected $5.21 billion.")]
    facts, conflicts, _ = judge(rows, resources, gate=True)
    assert len(conflicts) == 1 and conflicts.iloc[0].chance_real >= load_gate(resources.models_dir).threshold
    facts, conflicts, _ = judge(rows, resources)  # --all-conflicts: no gate, the floor
    assert conflicts.empty and list(facts.status) == ["doubtful"]


# a move both reports place in the extended session is one moment (GUIDE.md): the gate keeps its disagreement; the
# same pair with no stated moment is the snapshot the audits nearly always found false (modern dump, Feb 2025)
EXTENDED_MOVES = [
    ("The stock was down 12% to $12.65 in post-market trading on Tuesday.", -12.0, "12%",
     "Shares fall 10% to $12.95 after hours.", -10.0, "10%"),
    ("Crocs Inc.'s stock was up nearly 16% in premarket trading on Thursday.", 16.0, "16%",
     "Crocs stock gained 18% to $104.98 in premarket trading Thursday.", 18.0, "18%"),
    ("Shares jumped 25% after hours on Wednesday.", 25.0, "25%", "Shares jumped 26.6% after hours on Wednesday.", 26.6, "26.6%"),
]


@pytest.mark.parametrize("sent_a, va, fig_a, sent_b, vb, fig_b", EXTENDED_MOVES)
def test_the_gate_keeps_a_move_both_reports_place_in_the_extended_session(resources, sent_a, va, fig_a, sent_b, vb, fig_b):
    day = dict(metric="price_change", unit="%", period_start=date(2025, 2, 11), period_end=date(2025, 2, 11),
               period_label="2025-02-11")
    rows = [claim("a", "x", D1, va, fig_a, sentence=sent_a, **day), claim("b", "y", D1, vb, fig_b, sentence=sent_b, **day)]
    facts, conflicts, _ = judge(rows, resources, gate=True)
    assert facts.iloc[0].status == "conflict" and len(conflicts) == 1
    assert conflicts.iloc[0].chance_real >= load_gate(resources.models_dir).threshold
    from pipeline.conflict_gate import SentenceCues, pair_features
    gate = load_gate(resources.models_dir)
    cue = SentenceCues(named=False, prior=False, numbers=2, listed=False)
    plain = pair_features("move", "actual", va, vb, 0, "2025-02-11", cue, cue)
    assert gate.chance(plain) < gate.threshold  # the same two figures with no stated moment: two snapshots
    moment = SentenceCues(named=False, prior=False, numbers=2, listed=False, extended=True)
    assert pair_features("results", "actual", va, vb, 0, "2025-Q4", moment, moment) == \
        pair_features("results", "actual", va, vb, 0, "2025-Q4", cue, cue)  # a result "after the bell" is no moment


# "more than" and "nearly" qualify a fall's size as written (modern dump, Feb 2025): the value is the fall, signed
YEAR24 = dict(metric="price_change", unit="%", period_start=date(2024, 1, 1), period_end=date(2024, 12, 31),
              period_label="2024")
QUALIFIED_FALLS = [
    (("The company lost over 50% of its value in 2024.", -50.0, "50%", "over"),
     ("Intel shares had fallen 60.1% in 2024.", -60.1, "60.1%", "exact"), "agreed"),
    (("Trade Desk's stock fell more than 20% in 2024.", -20.0, "20%", "over"),
     ("Shares of the company were down nearly 25% in 2024.", -25.0, "25%", "under"), "agreed"),
    (("The index tumbled by over 50% in 2024.", -50.0, "50%", "over"),
     ("The index declined 27% in 2024.", -27.0, "27%", "exact"), "conflict"),
    (("Shares have declined nearly 35% in 2024.", -35.0, "35%", "under"),
     ("Shares fell 41% in 2024.", -41.0, "41%", "exact"), "conflict"),
]


@pytest.mark.parametrize("a, b, status", QUALIFIED_FALLS)
def test_a_qualifier_bounds_a_falls_size(resources, a, b, status):
    rows = [claim(k, k, D1, value, figure, sentence=sentence, approx=approx, **YEAR24)
            for k, (sentence, value, figure, approx) in zip("xy", (a, b))]
    facts, conflicts, _ = judge(rows, resources)
    assert len(facts) == 1 and facts.iloc[0].status == status
