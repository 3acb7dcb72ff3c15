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


def _label(task):
    """A task in words for progress lines: its law and what it runs (a costing's evaluated years, a valuation's
    variant)."""
    label = f"{getattr(task, 'law', task)}"
    years = getattr(task, "evaluation_years", None)
    if years:
        label += f", microsimulated in {', '.join(str(y) for y in years)}"
    variant = getattr(task, "variant", None)
    if variant == "central" and getattr(task, "check_years", 0):
        label += f", central run with its sampling intervals and {task.check_years} population years beside it"
    elif variant:
        label += f", {variant.replace('_', ' ')}"
    return label


def run_tasks(function, tasks, backend="serial", workers=None, executor=None, progress=None):
    """``[function(task) for task in tasks]``, in order, on the chosen backend.

    ``executor``: an existing ``concurrent.futures.Executor`` (e.g. from a Dask client); otherwise
    ``backend`` 'process' starts a ``ProcessPoolExecutor`` (spawned workers: no shared state) and
    'dask' a local Dask cluster with ``workers`` single-threaded worker processes. ``progress``: a callable
    given a line before each task (serial) or before and after the whole grid (other backends).
    """
    tasks = list(tasks)
    say = progress or (lambda message: None)
    if executor is not None:
        say(f"{len(tasks)} task(s) on the given executor ...")
        return list(executor.map(function, tasks))
    if backend == "serial" or len(tasks) <= 1:
        results = []
        for number, task in enumerate(tasks, 1):
            say(f"task {number}/{len(tasks)}: {_label(task)} ...")
            results.append(function(task))
        return results
    say(f"{len(tasks)} task(s) on the {backend} backend ...")
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
