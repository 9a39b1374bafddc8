"""One models/ file read and checked: YAML whose only booleans are `true` and `false`, its keys' shapes
(`lexicons.find_problem`), a regular expression compiled; a problem is an E005 that names the file and the fix.
`resources.load_resources` reads every file through here."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from .errors import ModelsError, MESSAGES
from .lexicons import find_problem, relative_to_models
from .lowered import lower_pattern


def fail(path: Path, detail: str, valid: str = "see the file's header") -> ModelsError:
    return ModelsError("E005", MESSAGES["E005"].format(path=path, detail=detail, valid=valid))


class LexiconLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """YAML whose only booleans are lower-case `true` and `false`; every other word is a word.

    PyYAML follows YAML 1.1, where On, Off, Yes, No and TRUE are booleans, so the word lists
    `[In, On, At]`, `[Mr, No, Nos]` and the ticker stopword TRUE held True and False instead
    of the words. The fix is here, not in quoting the entries: a word added later cannot fall
    into it again. The flags in models/ are all written `true`. libyaml's parser where PyYAML has it:
    the pure-Python one took 0.9 s of CPU for models/'s 25 files, libyaml's 0.12 s.
    """


LexiconLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
LexiconLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


def read_yaml(path: Path) -> dict:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=LexiconLoader)  # noqa: S506 - a SafeLoader
    except (OSError, yaml.YAMLError) as exc:
        raise fail(path, f"cannot be read as YAML ({str(exc).splitlines()[0]})", "YAML mappings") from exc
    if not isinstance(data, dict):
        raise fail(path, "top level is not a mapping", "a YAML mapping")
    problem = find_problem(relative_to_models(path), data)
    if problem is not None:
        raise fail(path, *problem)
    return data


def compile_pattern(path: Path, pattern: str) -> re.Pattern:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise fail(path, f"bad regular expression {pattern!r} ({exc})", "Python regular expressions") from exc


def compile_lower(path: Path, pattern: str) -> re.Pattern:
    """A metric or modality cue, to be run over `lower_text(text)`."""
    try:
        return re.compile(lower_pattern(pattern))
    except re.error as exc:
        raise fail(path, f"bad regular expression {pattern!r} ({exc})", "Python regular expressions") from exc
