"""The last word on a figure's subject, once its metric is known (called by `claims.make_claims`).

In order: a macro figure read as the body reporting it is its country's (`subject_roles.macro_owner`);
a commodity's volumes in a country's story are the country's (`commodity_countries`); a short name no
list knows takes the one full name its article writes (`full_names`); a product's price is its maker's
(`product_makers`).
"""
from __future__ import annotations

from .commodity_countries import commodity_country
from .full_names import full_name
from .product_makers import product_maker
from .records import Mention
from .resources import Resources
from .subject_roles import macro_owner


def finished_subject(subject: Mention | None, metric: str, cands: list, topic: Mention | None, text: str,
                     res: Resources) -> Mention | None:
    """The subject after the rules that read its metric ("the Fed ... consumer prices rose 3%": the United States)."""
    subject = macro_owner(subject, metric, cands, topic, res)
    subject = full_name(commodity_country(subject, metric, cands, topic), text, res)
    return product_maker(subject, metric, text, res)
