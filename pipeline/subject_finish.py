"""The last word on a figure's subject, once its metric is known (called by `claims.make_claims`).

In order: a macro figure read as the body reporting it is its country's (`subject_roles.macro_owner`), and
one read as a person or a headline's words no list knows ("Daily Roundup of Key US Economic Data") is the
country the headline names, where it names one (`headline_country`);
a commodity's volumes in a country's story are the country's (`commodity_countries`), its price read as a place's
or the discourse's is the commodity's the sentence names (`commodity_prices`); a short name no
list knows takes the one full name its article writes (`full_names`); a product's price is its maker's
(`product_makers`).
"""
from __future__ import annotations

import re

from .commodity_countries import commodity_country
from .commodity_prices import commodity_price_owner
from .identity import slug
from .full_names import full_name
from .product_makers import product_maker
from .records import Mention
from .resources import Resources
from .subject_roles import subject_word_list, macro_owner


def finished_subject(subject: Mention | None, metric: str, cands: list, topic: Mention | None, text: str,
                     res: Resources, headline: str = "") -> Mention | None:
    """The subject after the rules that read its metric ("the Fed ... consumer prices rose 3%": the United States)."""
    subject = headline_country(macro_owner(subject, metric, cands, topic, res), metric, headline, res)
    subject = commodity_price_owner(full_name(commodity_country(subject, metric, cands, topic, res), text, res),
                                    metric, cands, text, res)
    return product_maker(subject, metric, text, res)


def headline_countries(headline: str, res: Resources) -> dict:
    """The countries the headline names (runs of one to three words the gazetteer knows as a country), by id."""
    words = re.findall(r"[\w.&'-]+", headline or "")
    found = {}
    for k in (3, 2, 1):
        for i in range(len(words) - k + 1):
            entry = res.alias_index.get(" ".join(words[i:i + k]).rstrip("'"))
            if entry is not None and entry.kind == "country":
                found[entry.entity_id] = entry
    return found


def headline_country(subject: Mention | None, metric: str, headline: str, res: Resources) -> Mention | None:
    """The one country the headline names, for a macro figure read as a person's or as headline words no list
    knows ("Daily", "Juan Guaido"); else `subject`."""
    if subject is None or metric not in subject_word_list(res, "macro_metrics") or not headline or not (
            subject.kind == "person" or subject.entity_id == slug(subject.entity) and subject.source in ("title", "name")):
        return subject
    found = headline_countries(headline, res)
    if len(found) != 1:
        return subject
    entry = next(iter(found.values()))
    return Mention(subject.text, subject.start, subject.end, entry.name, entry.entity_id, "country", source=subject.source)
