"""`claims run --engine dask`: the runner's process pool, as tasks on a Dask cluster (pipeline/runner.py)."""
from __future__ import annotations

import logging

from .errors import usage

SCHEDULER_TIMEOUT_S = 5  # how long --scheduler may take to answer


class DaskPool:
    """The process pool's `map`, run as tasks on a Dask cluster (an address, or a LocalCluster of `workers`).

    Each batch of articles is one task; results come back in order, and the
    client writes them as the same Parquet parts a local run writes, so resume,
    append and the final merge are unchanged.
    """

    def __init__(self, scheduler: str | None, workers: int):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            raise usage("E007", option="--engine", value="dask",
                        valid="local (or install dask: pip install 'dask[distributed]')") from exc
        self.cluster = None
        if scheduler:
            try:
                # distributed waits 30 s by default, then raises with a long traceback
                self.client = Client(scheduler, timeout=f"{SCHEDULER_TIMEOUT_S}s")
            except (OSError, TimeoutError, ValueError) as exc:  # refused, timed out, or not an address
                raise usage("E014", address=scheduler, seconds=SCHEDULER_TIMEOUT_S,
                            reason=str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__) from exc
        else:
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self.cluster)

    def map(self, fn, *iterables):
        futures = self.client.map(fn, *iterables, pure=False)
        yield from self.client.gather(futures)

    def shutdown(self, cancel_futures: bool = False) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
