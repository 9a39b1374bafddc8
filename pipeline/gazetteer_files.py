"""The gazetteer's files (models/gazetteer/*.yaml) read into entries, checked as they are read: a company's
fiscal year end, its former names' days and aliases (split out of resources.py, which loads them once)."""
from __future__ import annotations

import re
from pathlib import Path

from .identity import slug
from .models_yaml import fail as _fail, read_yaml as _read_yaml
from .resources import Entry


def gazetteer_entries(gdir: Path) -> tuple[list[Entry], set[str], dict[str, str], dict[str, dict[str, str]]]:
    """models/gazetteer/*.yaml: the named things (companies and their units, indices, groups, regulators, countries),
    the exchanges' names, the datelines' currencies, and the dollars a dateline's region or a stated currency names
    ({"regions": {"Alberta": "CAD"}, "stated": {"Canadian": "CAD"}, "release": {"CAD": "CAD"}})."""
    entries: list[Entry] = []
    exchanges: set[str] = set()
    datelines: dict[str, str] = {}
    dollars: dict[str, dict[str, str]] = {"regions": {}, "stated": {}, "release": {}}
    if not gdir.is_dir():
        return entries, exchanges, datelines, dollars
    for path in sorted(gdir.glob("*.yaml")):
        data = _read_yaml(path)
        for row in data.get("companies", []) or []:
            fy = int(row.get("fy_end_month", 12) or 12)
            if not 1 <= fy <= 12:
                raise _fail(path, f"{row.get('name')}: fy_end_month {fy}", "1..12")
            tickers = [str(t) for t in (row.get("tickers") or [])]
            cid = str(row.get("id") or (tickers[0] if tickers else slug(row["name"])))
            aliases = tuple(str(a) for a in (row.get("aliases") or [])) + tuple(tickers)
            entries.append(Entry(row["name"], cid, "company", aliases, fy_end_month=fy,
                                 country=str(row.get("country", "")), tickers=tuple(tickers),
                                 former=former_names(path, row, aliases)))
            for unit in row.get("units", []) or []:
                entries.append(Entry(unit["name"], str(unit.get("id") or slug(unit["name"])), "unit",
                                     tuple(str(a) for a in (unit.get("aliases") or [])),
                                     parent=row["name"], segment=str(unit.get("segment", "")), fy_end_month=fy))
        for key, kind in (("indices", "index"), ("groups", "group"), ("regulators", "regulator"),
                          ("countries", "country")):
            for row in data.get(key, []) or []:
                entries.append(Entry(row["name"], str(row.get("id") or slug(row["name"])), kind,
                                     tuple(str(a) for a in (row.get("aliases") or [])),
                                     country=str(row.get("country", "")), currency=str(row.get("currency", ""))))
        for row in data.get("exchanges", []) or []:
            exchanges.add(str(row["name"]))
            exchanges.update(str(a) for a in (row.get("aliases") or []))
        for row in data.get("datelines", []) or []:
            datelines[str(row["city"]).upper()] = str(row["currency"])
        for row in data.get("regions", []) or []:
            dollars["regions"][str(row["name"])] = str(row["currency"])
        dollars["stated"].update({str(k): str(v) for k, v in (data.get("stated_dollars") or {}).items()})
        dollars["release"].update({str(c): str(c) for c in (data.get("release_dollars") or [])})
    return entries, exchanges, datelines, dollars



def former_names(path: Path, row: dict, aliases: tuple[str, ...]) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """A company's `former_names` as (name, until, aliases), by `until`; each alias must be one of the row's."""
    out = []
    for f in row.get("former_names") or ():
        until = str(f.get("until", ""))
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", until):
            raise _fail(path, f"{row['name']}: former name {f.get('name')!r} until {until!r}", 'an ISO day such as "2021-10-28"')
        names = tuple(str(a) for a in (f.get("aliases") or ()))
        if not names or not set(names) <= set(aliases):
            raise _fail(path, f"{row['name']}: former name {f.get('name')!r} aliases {list(names)}", "some of the row's aliases")
        out.append((str(f["name"]), until, names))
    return tuple(sorted(out, key=lambda f: f[1]))
