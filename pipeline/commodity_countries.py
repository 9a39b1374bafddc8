"""A commodity's volumes in a country's story are the country's: "palm oil exports fell 12.94%" under
"Malaysia end-January palm oil stocks fall" is Malaysia's, "Maize was sown on 3.58 mln hectares" under
"FURTHER ARGENTINE COARSE GRAIN LOSSES FEARED" is Argentina's.

The commodity owns its price (guide 3: "the commodity for a commodity price"), and the country owns its
output, exports, stocks and trade in it (guide 3: "A commodity stays the country's (Brazil's soybean
harvest)"). A figure read as a commodity's whose metric is no price, in a story whose headline names a
country (or in a sentence that names one country), is that country's.
"""
from __future__ import annotations

from .records import Mention
from .resources import Resources

RULE = "commodity_countries.v1"


def commodity_country(subject: Mention | None, metric: str, cands: list, topic: Mention | None,
                      res: Resources) -> Mention | None:
    """The country whose volume of a commodity the figure is; else `subject` (always for a metric of metrics.yaml
    `price_metrics`, or one ending in "price")."""
    if subject is None or subject.source != "common" or metric in res.price_metrics or metric.endswith("price"):
        return subject
    if not any(c.kind == "commodity" and c.entity_id == subject.entity_id for c in cands):
        return subject  # a currency or a token, not a commodity
    if topic is not None and topic.kind == "country":
        return topic
    named = {c.entity_id: c for c in cands if c.kind == "country" and c.start >= 0}
    if len(named) == 1:
        c = next(iter(named.values()))
        return Mention(c.entity, c.start, c.end, c.entity, c.entity_id, "country", source=c.source)
    return subject
