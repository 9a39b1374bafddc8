"""Independent sources: copies of one story (syndicated, republished, lightly edited) are one source.

Each article's text becomes a MinHash signature of its word 5-shingles (datasketch), cut into
`BANDS` bands of `ROWS` values; two articles that share a band are near-duplicates (locality-
sensitive hashing), and the components of the near-duplicate graph are the sources. The worker
that reads an article computes its band hashes; the run's end groups the hashes of all articles
(pandas) and joins the components (a union-find), so the whole step is near-linear and holds
`BANDS` integers per article. datasketch's own MinHashLSH index would hold every signature as
Python objects in one process; the banding it does is the few lines of `band_hashes` here.

With 12 bands of 5 rows, two texts whose shingle sets overlap by a Jaccard of 0.8 share a band
with probability 0.99, at 0.6 with 0.62, at 0.3 with 0.03 (1 - (1 - J^5)^12).
"""
from __future__ import annotations

import re
import zlib
from functools import lru_cache

import numpy as np

SHINGLE_WORDS = 5
BANDS, ROWS = 12, 5
# datasketch 2.0 asks for the hashing scheme; "legacy" gives the band hashes datasketch 1.x gave (checked
# against 1.10 on the doctest below), so a run appended to one made before still finds its copies
SCHEME = "legacy"
_WORD = re.compile(r"\w+")
# a band's values are folded into one integer with these odd multipliers (wrapping uint64 arithmetic)
_FOLD = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                  0xFF51AFD7ED558CCD][:ROWS], dtype=np.uint64)


@lru_cache(maxsize=1)
def _permutations():
    from datasketch import MinHash

    return MinHash(num_perm=BANDS * ROWS, seed=1, scheme=SCHEME).permutations


def band_hashes(text: str) -> tuple[int, ...]:
    """The article's LSH band hashes (signed 64-bit), or () for a text under one shingle long.

    >>> a = band_hashes("Acme Corp said on Tuesday its fourth-quarter revenue rose 12% to $2.4 billion, beating estimates.")
    >>> a == band_hashes("Acme Corp said on Tuesday its fourth-quarter revenue rose 12% to $2.4 billion, beating estimates")
    True
    >>> len(a), band_hashes("too short")
    (12, ())
    """
    from datasketch import MinHash

    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return ()
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}
    # crc32 and the permutations made once: 0.5 ms an article, where datasketch's defaults (sha1, new
    # permutations per signature) take 3.6 ms (1,000 modern articles on this machine)
    mh = MinHash(num_perm=BANDS * ROWS, seed=1, hashfunc=zlib.crc32, permutations=_permutations(), scheme=SCHEME)
    mh.update_batch(list(shingles))
    bands = mh.hashvalues.astype(np.uint64).reshape(BANDS, ROWS)
    with np.errstate(over="ignore"):
        folded = (bands * _FOLD).sum(axis=1, dtype=np.uint64) + np.arange(BANDS, dtype=np.uint64)
    return tuple(int(v) for v in folded.view(np.int64))


def encode(bands: tuple[int, ...]) -> str:
    """Band hashes as the text a part file stores."""
    return " ".join(f"{b & 0xFFFFFFFFFFFFFFFF:x}" for b in bands)


def source_ids(article_ids: list[str], encoded_bands: list[str]) -> dict[str, str]:
    """{article_id: source id}: the first article id (in sort order) of its near-duplicate component.

    >>> sorted(source_ids(["b", "a", "c"], ["1 2", "3 2", "4 5"]).items())
    [('a', 'a'), ('b', 'a'), ('c', 'c')]
    """
    parent = list(range(len(article_ids)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for i, enc in enumerate(encoded_bands):
        for band in (enc or "").split():
            j = first.setdefault(band, i)
            if j != i:
                ri, rj = root(i), root(j)
                if ri != rj:
                    parent[max(ri, rj)] = min(ri, rj)
    members: dict[int, list[str]] = {}
    for i, aid in enumerate(article_ids):
        members.setdefault(root(i), []).append(aid)
    out = {}
    for ids in members.values():
        name = min(ids)
        out.update(dict.fromkeys(ids, name))
    return out
