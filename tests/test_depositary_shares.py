"""Depositary receipts (pipeline/depositary_shares.py): a company's share price or move its story quotes for the
American depositary receipts takes the share class `ADR` (guide 4); and phrasings that give none."""
import pytest

from pipeline.depositary_shares import depositary_class


@pytest.mark.parametrize("text, headline, metric, entity, expected", [
    # the headline says the equities it lists trade as receipts
    ("The decliners from South Asia were led by IT firms Sify Technologies and Infosys , which lost 3.4% and 2%.",
     "Asian Equities Traded in the US as American Depositary Receipts Lower in Wednesday Trading", "price_change",
     "Sify Technologies", "ADR"),
    ("They were followed by It firm Wipro and telecommunications operator PLDT , which were up 0.3% and 0.1%.",
     "European Equities Traded in the US as American Depositary Receipts Higher in Monday Trading", "price_change",
     "Wipro", "ADR"),
    # a sentence of the story writes the company's name before the receipts' word ("p.l.c." ends no sentence)
    ("BP p.l.c. Sponsored ADR (BP) is currently at $34.36, up $2.09 or 6.48%\n* Up 22.02% from its 52-week closing "
     "low of $28.16 on Nov. 12, 2024", "BP Up Over 6%, on Pace for Largest Percent Increase Since February 2023",
     "price_change", "BP", "ADR"),
    ("Infosys ADRs fell 2% in New York.", "", "price_change", "Infosys", "ADR"),
    ("The ADRs of Infosys fell 2% in New York.", "", "share_price", "Infosys", "ADR"),
    # another company's receipts, another sentence, another metric: none
    ("Wipro ADRs rose 2%, while Infosys fell 1%.", "", "price_change", "Infosys", ""),
    ("Shares of Infosys fell. Wipro ADRs rose 2%.", "", "price_change", "Infosys", ""),
    ("Infosys ADRs fell 2% in New York. Revenue rose 5%.", "", "revenue_growth", "Infosys", ""),
    ("Shares were down less than 1% on Monday; Facebook sells ads.", "", "price_change", "Facebook", ""),
    ("Asian equities rose.", "Nasdaq Net Change Percentage Gainers & Losers", "price_change", "Infosys", ""),
])
def test_depositary_class(text, headline, metric, entity, expected):
    assert depositary_class(text, headline, metric, entity) == expected
