"""A company under the name its story used then (`pipeline/former_names.py`, guide 3.6 and 3.10).

The gazetteer files a company under today's name; a story dated before a renaming that writes the old
name keeps it ("Facebook" in 2019, "Glaxo" in 1987), with the company's id. Rows are written for these
tests after phrasings of the yardstick's Reuters and Yahoo stories; the negative rows are stories dated
after the renaming, or that write today's name.
"""
from __future__ import annotations

import pytest

from pipeline import extract


def _claim(text: str, published: str, figure: str) -> tuple[str, str]:
    claims, _ = extract([text], published=published)
    rows = claims[claims["figure"] == figure]
    assert len(rows), f"{figure!r} not found in {list(claims['figure'])}"
    return rows.iloc[0]["entity"], rows.iloc[0]["entity_id"]


# (text, published, figure, want name, want id)
THEN = [
    ("Facebook Inc said it removed 2.2 billion fake accounts in the first quarter.", "2019-05-23", "2.2 billion",
     "Facebook", "META"),
    ("GLAXO PROFITS UP SHARPLY\nGlaxo Holdings Plc said pre-tax profit rose 20 pct to 500 mln stg.", "1987-04-13",
     "500 mln stg", "Glaxo", "GSK.L"),
    ("HONG KONG STOCKS\nCheung Kong rose 75 cents to 45.25 dlrs on Friday and Hutchison 1.50 dlrs to 54.50.",
     "1987-03-01", "1.50 dlrs", "Hutchison Whampoa", "0001.HK"),
    ("HONG KONG STOCKS\nCheung Kong rose 75 cents to 45.25 dlrs on Friday and Hutchison 1.50 dlrs to 54.50.",
     "1987-03-01", "75 cents", "Cheung Kong", "0001.HK"),
    ("Square Inc said its revenue rose 43% to $1.2 billion in the third quarter.", "2019-11-06", "43%",
     "Square", "XYZ"),
]

# negative: dated after the renaming, today's name stands
NOW = [
    ("Facebook Inc said it removed 2.2 billion fake accounts in the first quarter.", "2023-05-23", "2.2 billion",
     "Meta", "META"),
    ("GSK said its pre-tax profit rose 20% to 500 million pounds.", "2025-02-05", "500 million pounds", "GSK", "GSK.L"),
    ("Glaxo Holdings said pre-tax profit rose 20% to 500 million pounds.", "2024-04-13", "500 million pounds",
     "GSK", "GSK.L"),
]


@pytest.mark.parametrize("text,published,figure,name,cid", THEN, ids=[f"{r[3]} {r[1]}" for r in THEN])
def test_a_story_before_a_renaming_keeps_the_old_name(text, published, figure, name, cid):
    assert _claim(text, published, figure) == (name, cid)


@pytest.mark.parametrize("text,published,figure,name,cid", NOW, ids=[f"{r[3]} {r[1]}" for r in NOW])
def test_a_story_after_the_renaming_gets_todays_name(text, published, figure, name, cid):
    assert _claim(text, published, figure) == (name, cid)


@pytest.mark.parametrize("former", [
    [{"name": "Facebook", "until": "2021", "aliases": ["Facebook"]}],  # not an ISO day
    [{"name": "Facebook", "until": "2021-10-28", "aliases": ["The Facebook"]}],  # not one of the row's aliases
], ids=["until", "aliases"])
def test_a_former_name_the_loader_cannot_read_stops_the_load(tmp_path, former):
    from pipeline.errors import ModelsError
    from pipeline.gazetteer_files import former_names

    row = {"name": "Meta", "aliases": ["Facebook", "Facebook Inc"], "former_names": former}
    with pytest.raises(ModelsError) as info:
        former_names(tmp_path / "companies.yaml", row, tuple(row["aliases"]))
    assert str(info.value).startswith("E005: ") and "Meta" in str(info.value)
