"""Print one article of the news dumps by id (for labelers who need more context than an item gives).

    python tests/data/show_article.py bw-seekalpha-4406733
"""
from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

DUMP_DIR = Path(__file__).resolve().parents[3] / "shared" / "news-dump"
DUMPS = {"bw-": "modern-2025.jsonl.gz", "reuters": "reuters21578.jsonl.gz", "yahoo": "yahoo-finance-2017-2020.jsonl.gz"}


def main(article_id: str) -> int:
    name = next(v for k, v in DUMPS.items() if article_id.startswith(k))
    with gzip.open(DUMP_DIR / name, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] == article_id:
                print(f"# {rec.get('title') or ''}\n# {rec.get('source')} {rec.get('published')}\n")
                print(rec["text"])
                return 0
    print(f"no article {article_id} in {name}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
