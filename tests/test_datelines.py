"""Which dollar a bare "$" or "dlrs" means (pipeline/datelines.py): a table of openings as the dumps write them,
shortened; the headline comes first in the modern dump's texts."""
import pytest

from pipeline.datelines import dollar_for

CASES = [
    # a press release's dateline on its own line after the headline, with a province or a month after the city
    ("Magna Terra Announces Upsize\n\n**TORONTO, ON /** **ACCESS Newswire** **/ February 10, 2025 / Magna", "CAD"),
    ("The Keg Royalties Income Fund announces\n\nVANCOUVER, British Columbia, Feb. 11, 2025 (GLOBE NEWSWIRE) — The",
     "CAD"),
    ("Baru Gold Corp. Announces\n\n(TheNewswire)\n\nFebruary 10, 2025 – TheNewswire - Vancouver, BC - Baru Gold Corp",
     "CAD"),
    ("Alithya sustains operational strength\n\nCanada NewsWire\n\nMONTREAL, Feb. 13, 2025\n\nQ3-2025 Highlights", "CAD"),
    ("Finmo Secures US$18.5 Million\n\nSINGAPORE--(BUSINESS WIRE)--February 12, 2025--Finmo announced its $18.5 Million",
     "USD"),  # a Singapore release writes S$ for its own dollar
    ("Honcho Simplifies Trademark Registration\n\nSYDNEY, Feb. 08, 2025 (GLOBE NEWSWIRE) -- register for $799", "AUD"),
    # the release states its amounts' currency: that decides, under any dateline
    ("NanoXplore Reports\n\nMONTREAL, Feb. 11, 2025 (GLOBE NEWSWIRE) — NanoXplore Inc. reported today.\n\n"
     "All amounts in this press release are in Canadian dollars, unless otherwise stated.", "CAD"),
    ("First Quantum Minerals Reports\n\n(In United States dollars, except where noted otherwise)\n\n"
     "TORONTO, Feb. 11, 2025 (GLOBE NEWSWIRE) -- First Quantum", "USD"),
    ("Lundin Mining Announces\n\nVancouver, February 12, 2025 (TSX: LUN) Lundin Mining ...\n\nReference herein to $ or USD "
     "is to United States dollars, CLP is to Chilean pesos.", "USD"),
    # a wire story's dateline opens the text; its qualifier decides
    ("TORONTO, March 2 - Acme Ltd said profit rose to 5 mln dlrs.", "CAD"),
    ("CALGARY, ALBERTA, March 3 - <Mark Resources Inc> said it agreed to sell 50.3 mln dlrs", "CAD"),
    ("SYDNEY, Nova Scotia, March 3 - Sysco Ltd said", "CAD"),
    ("MELBOURNE, Fla., March 3 - Harris Corp said it won a 20 mln dlr contract", "USD"),
    ("NEW YORK, March 3 - Acme's sales in Canadian dollars rose 5 pct to 20 mln dlrs.", "USD"),
    # a news agency's dateline: its style writes "C$" or "HK$", so "$" stays the U.S. dollar
    ("By Scott Murdoch\n\nHONG KONG (Reuters) - Alibaba will stop taking orders", "USD"),
    ("Canada Unemployment Rate Slips\n\nBy Robb M. Stewart\n\nOTTAWA--Canadian employers continued", "USD"),
    ("Canada Jobs\n\nOTTAWA, Feb 7 (Reuters) - Canada's economy added", "USD"),
    # a city's name in a company's name or beside another city is no dateline; a U.S. city keeps the U.S. dollar
    ("TD Outlook\n\nToronto-Dominion Bank expects to net C$20 billion", "USD"),
    ("Partnership\n\nMONTREAL and SAN FRANCISCO, Feb. 10, 2025 /PRNewswire/ -- Acme", "USD"),
    ("AYR Wellness Announces\n\nMIAMI, Feb. 07, 2025 (GLOBE NEWSWIRE) — AYR Wellness Inc. (CSE: AYR.A)", "USD"),
    ("Acme Expands\n\nToronto, which has many banks, lent Acme $5 million", "USD"),
]


@pytest.mark.parametrize("text, dollar", CASES)
def test_dollar_for(text, dollar, resources):
    assert dollar_for(text, resources) == dollar
