"""claims: extract structured claims from financial news and flag contradictions.

For notebooks::

    from pipeline import extract
    claims, conflicts = extract(["Acme Corp said revenue rose 5% to $10 bln ..."], published="2024-05-01")
"""
from __future__ import annotations

__version__ = "0.1.0"


def extract(articles, published=None, models_dir=None, today=None):
    """Claims and conflicts for texts or a DataFrame of articles, as two pandas DataFrames.

    articles (list[str] | pandas.DataFrame): texts, or rows with a `text` column
        (and optionally id, published, source, title).
    published (str | date | None): publication date for plain texts.
    today (date | None): the latest day a text without a publication date can be dated to
        (default: the day of this call, taken once).
    """
    from datetime import date

    import pandas as pd

    from .conflicts import find_conflicts
    from .ingest import make_article
    from .records import claim_row
    from .resources import load_resources
    from .runner import process_article

    res = load_resources(models_dir)
    today = today or date.today()
    if isinstance(articles, pd.DataFrame):
        records = articles.to_dict("records")
    else:
        records = [{"text": t, "published": published} for t in articles]
    rows = []
    for i, rec in enumerate(records):
        art = make_article(rec, f"doc{i}", f"<extract #{i}>")
        rows.extend(claim_row(c) for c in process_article(art, res, today=today).claims)
    claims = pd.DataFrame(rows)
    if claims.empty:
        from .schema import CLAIM_COLUMNS
        return pd.DataFrame(columns=list(CLAIM_COLUMNS)), find_conflicts(claims, res)
    return claims, find_conflicts(claims, res)
