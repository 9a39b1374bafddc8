"""Every user-facing message, with a short code (as spaCy's errors.py does).

A message says what is wrong, where, and what to do. `UsageError` ends the run
with exit code 2; `RunError` with exit code 1. Per-article problems are not
exceptions that stop a run: they become a status and a reason in articles.csv.
"""
from __future__ import annotations


class ClaimsError(Exception):
    exit_code = 1

    def __init__(self, code: str, message: str):
        super().__init__(f"{code}: {message}")
        self.code = code


class UsageError(ClaimsError):
    exit_code = 2


class RunError(ClaimsError):
    exit_code = 1


class ModelsError(UsageError):
    """A file under models/ is malformed; raised at load time, before any article is read."""


MESSAGES = {
    "E001": "input {path} does not exist; give a folder of articles or a .jsonl/.jsonl.gz/.csv/.parquet file",
    "E002": "input {path} has an unsupported type {suffix!r}; use a folder, .txt/.md/.html, .jsonl, .jsonl.gz, .csv or .parquet",
    "E003": "output folder {path} is not writable ({reason}); choose another --out",
    "E004": "output folder {out} is inside the input folder {inp}; choose an --out outside the input",
    "E005": "{path}: {detail}; fix the file under models/ (valid values: {valid})",
    "E006": "{path} has no {column!r} column (it has: {found}); pass --text-column NAME to read the articles from another",
    "E007": "option {option}={value!r} is not valid; use one of: {valid}",
    "E008": "no articles found in {path}; a folder needs .txt, .md or .html files",
    "E009": "{path} is not a valid Parquet file ({reason})",
    "E010": "manifest {path} line {line}: {detail}",
    "E011": "no articles in {inputs}; give a folder of articles or a dump with at least one record",
    "E012": "--out {path} is a file; pass a folder (it is created when missing)",
    "E013": "none of the {n} articles could be processed (the most common reason, {count} times: {reason}); "
            "see {out}/articles.csv for each article{hint}",
    "E014": "no Dask scheduler answered at --scheduler {address} within {seconds} s ({reason}); start one there "
            "(`dask scheduler`), fix the address, or leave out --scheduler to start a local cluster",
    "E015": "port {port} on {host} is already in use (another claims review?); pass --port {other} (0 picks a free port)",
    "E016": "cannot listen on {host}:{port} ({reason}); pass another --host or --port",
    "E017": "unknown {kind} {name!r}; registered: {known} (pipeline/stages.py registers them)",
    # per-article reasons (articles.csv `error`)
    "A001": "empty text",
    "A002": "text is only whitespace",
    "A003": "binary content (NUL bytes); not an article",
    "A004": "text is {n_chars} characters, over --max-chars {limit}; raise --max-chars to process it",
    "A005": "line {line} is not valid JSON ({reason})",
    "A006": "record has no text field",
    "A007": "published date {value!r} could not be parsed (a relative one such as '2 hours ago' needs --crawled); inferred from the text instead",
    "A008": "invalid UTF-8 replaced with U+FFFD",
    "A009": "same id as an earlier article with a different text; kept as {new_id}",
    "A010": "same text as article {first}",
    "A011": "processing failed: {reason}",
    "A012": "no text after removing markup",
    "A013": "the text field is a JSON {kind}, not a string",
    "A014": "manifest names {file}, which is not in the folder",
    "A015": "{path} could not be read to the end ({reason}); the records before the fault were kept",
}


def message(code: str, **fields) -> str:
    return f"{code}: " + MESSAGES[code].format(**fields)


def usage(code: str, **fields) -> UsageError:
    return UsageError(code, MESSAGES[code].format(**fields))


def run_error(code: str, **fields) -> RunError:
    return RunError(code, MESSAGES[code].format(**fields))
