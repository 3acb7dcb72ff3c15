"""Allocator tuning for large runs (glibc only), called explicitly by the main job and the benchmark.

numpy allocates a fresh array for each operation; with glibc's defaults large
blocks are returned to the system on free and every new one page-faults on first
touch, which on the project's VM costs about as much as the arithmetic
(performance_notes.md section 4). Keeping freed memory in the heap removes most
of those faults. Results are unchanged; peak memory grows by at most the pad.
"""

import ctypes
import ctypes.util

M_TRIM_THRESHOLD, M_TOP_PAD, M_MMAP_THRESHOLD = -1, -2, -3


def tune_malloc(mmap_threshold=32 * 1024 * 1024 - 1, trim_threshold=256 * 1024 * 1024, top_pad=64 * 1024 * 1024) -> bool:
    """Apply the settings with ``mallopt``; False where glibc is not available."""
    name = ctypes.util.find_library("c")
    if not name:
        return False
    try:
        libc = ctypes.CDLL(name)
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return all(mallopt(option, value) == 1 for option, value in (
        (M_MMAP_THRESHOLD, mmap_threshold), (M_TRIM_THRESHOLD, trim_threshold), (M_TOP_PAD, top_pad)))
