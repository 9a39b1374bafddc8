"""The trained heads under models/heads/ (NumPy .npz files written by the scripts/train_*.py scripts)."""
from __future__ import annotations

from pathlib import Path

import numpy as np


def fitted_head(models_dir: Path, file: str, features: tuple[str, ...]):
    """The arrays of models/`file` when it was fitted on `features` (names in this order), else None: a head
    left from other features would read the wrong columns, and the stage then runs without it."""
    path = Path(models_dir) / file
    if not path.exists():
        return None
    data = np.load(path, allow_pickle=False)
    if tuple(str(f) for f in data["features"]) != tuple(features):
        return None
    return data
