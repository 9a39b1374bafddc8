"""Shares a holder bought or sold, written with their count before the amount (rule `claims.metric_frame.v1`).

METRIC_LABELING_GUIDE.md: share_price is the price shares are sold at, stake_value the money value of shares an
investor bought or sold in the market. "sold 28,455 shares of common stock on February 7, 2025, at a price of
[[$97.43]] per share" is a share's price; "sold 19,287 shares in Qualcomm for [[$3,275,553]]" and "bought 400,000
HBO common shares for [[5.4 mln dlrs]]" are the value of the shares traded, not a deal's. An offer or a bid for shares
stays a deal's value; an issue, an offering or a buyback of shares is no holder's trade. The words are data
(`models/lexicons/metric_frames.yaml`, trade_*).
"""
from __future__ import annotations

import re

from .metric_frames import frame_patterns
from .resources import Resources
from .scaled_counts import PER_SHARE_AFTER

_REACH = 220  # characters before the figure searched for the trade
# "at prices ranging from 22.49 to 23.02 dlrs each": one unit's price, as "a share", "apiece"
_EACH = re.compile(r"\s*each\b(?!\s+(?:of|year|quarter|month|week|day)\b)", re.I)
# "... and three mln dlrs of notes": an amount of something else than the shares traded
_OF_OTHER = re.compile(r"\s*(?:worth\s+)?of\s+(?!(?:the\s+|its\s+|their\s+)?(?:shares|stock)\b)[a-z]", re.I)


def traded_metric(res: Resources, metric: str, sentence: str, start: int, end: int, scaled: bool) -> str | None:
    """share_price or stake_value for an amount of money at [start, end) of `sentence` that prices or totals shares
    a holder bought or sold, written before it; None where no trade is written or the cues' metric stands.

    scaled (bool): the figure has a scale word ("5.4 mln dlrs"): no amount of one share.

    >>> from pipeline.resources import load_resources; R = load_resources()
    >>> s = "A director sold 28,455 shares of common stock on February 7, 2025, at a price of $97.43 per share."
    >>> traded_metric(R, "deal_value", s, s.index("$97.43"), s.index(" per share"), False)
    'share_price'
    >>> s = "The group said it bought 43,600 Tandy common shares between May 21 and June 9 for 633,333 dlrs."
    >>> traded_metric(R, "deal_value", s, s.index("633,333"), s.index("."), False)
    'stake_value'
    >>> s = "It bought 219,000 Buckeye units between May 14 and 22 at prices ranging from 22.49 to 23.02 dlrs each."
    >>> traded_metric(R, "other", s, s.index("22.49"), s.index(" each"), False)
    'share_price'
    >>> s = "It sold them for warrants to acquire 10.1 mln shares of J.M. stock and three mln dlrs of notes."
    >>> traded_metric(R, "debt", s, s.index("three"), s.index(" of notes"), True) is None
    True
    >>> s = "Globex offered to buy 5 mln Initech shares at 45 dlrs a share."
    >>> traded_metric(R, "deal_value", s, s.index("45 dlrs"), s.index(" a share"), False) is None
    True
    >>> s = "Nittetsu acquired 900,000 shares for 4.73 billion yen through an off-auction share repurchase."
    >>> traded_metric(R, "deal_value", s, s.index("4.73"), s.index(" through"), True) is None
    True
    """
    pats = frame_patterns(res)
    before = sentence[max(0, start - _REACH):start]
    if pats.trade.search(before) is None or pats.trade_offers.search(sentence):
        return None
    one = PER_SHARE_AFTER.match(sentence, end) or _EACH.match(sentence, end)
    if not scaled and one:
        return None if metric == "share_price" else "share_price"
    if one or _OF_OTHER.match(sentence, end) or metric not in pats.trade_replaces or pats.trade_issues.search(sentence):
        return None
    return "stake_value"
