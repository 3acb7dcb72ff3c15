"""Running independent tasks serially, on local processes, or on a Dask cluster - same code, same results.

Every task function here is a pure, module-level function of a picklable task object; results are
returned in task order. Any ``concurrent.futures.Executor`` works, including the one a
``dask.distributed.Client`` hands out (``client.get_executor()``), so a grid that outgrows one
machine runs unchanged on a Dask cluster:

    from dask.distributed import Client, LocalCluster
    with Client(LocalCluster(n_workers=2, threads_per_worker=1)) as client:
        results = run_tasks(function, tasks, executor=client.get_executor())
"""

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

BACKENDS = ("serial", "process", "dask")


def default_workers():
    return max(1, min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1, 8))


def run_tasks(function, tasks, backend="serial", workers=None, executor=None):
    """``[function(task) for task in tasks]``, in order, on the chosen backend.

    ``executor``: an existing ``concurrent.futures.Executor`` (e.g. from a Dask client); otherwise
    ``backend`` 'process' starts a ``ProcessPoolExecutor`` (spawned workers: no shared state) and
    'dask' a local Dask cluster with ``workers`` single-threaded worker processes.
    """
    tasks = list(tasks)
    if executor is not None:
        return list(executor.map(function, tasks))
    if backend == "serial" or len(tasks) <= 1:
        return [function(task) for task in tasks]
    workers = workers or default_workers()
    if backend == "process":
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=min(workers, len(tasks)), mp_context=context) as pool:
            return list(pool.map(function, tasks))
    if backend == "dask":
        return _run_on_local_dask(function, tasks, workers)
    raise ValueError(f"unknown backend '{backend}' (one of {', '.join(BACKENDS)})")


def _run_on_local_dask(function, tasks, workers):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as error:  # optional dependency
        raise ValueError("the dask backend needs 'dask[distributed]>=2024.1' (pip install 'dask[distributed]')") from error
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        futures = client.map(function, tasks, pure=False)
        return client.gather(futures)
