"""Writing output files atomically: a temporary file in the same folder, then ``os.replace``.

A reader never sees a half-written file, a failure leaves the previous file in
place and no temporary file behind, and an input file named in ``protected``
is never overwritten.
"""

import contextlib
import os
import tempfile
from pathlib import Path


def _refuse_protected(path: Path, protected):
    resolved = path.resolve()
    if any(resolved == Path(p).resolve() for p in protected if p):
        raise ValueError(f"refusing to overwrite the input file {resolved}")


@contextlib.contextmanager
def atomic_stream(path, binary=False, protected=(), newline=None, tag=""):
    """Yield a handle on a temporary file that replaces ``path`` only if the block succeeds.

    The temporary file is ``.<name>.<tag>.<random>.tmp`` in the same folder (``tag`` lets a cleaner tell
    whose it is, e.g. ``pid1234``).
    """
    path = Path(path)
    _refuse_protected(path, protected)
    path.parent.mkdir(parents=True, exist_ok=True)
    prefix = f".{path.name}.{tag}." if tag else f".{path.name}."
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
    try:
        mode = "wb" if binary else "w"
        encoding = None if binary else "utf-8"
        with os.fdopen(descriptor, mode, encoding=encoding, newline=newline) as handle:
            yield handle
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def atomic_write(path, data, protected=()) -> Path:
    """Write ``data`` (bytes or text) to ``path`` atomically; return the path."""
    binary = isinstance(data, bytes | bytearray)
    with atomic_stream(path, binary=binary, protected=protected) as handle:
        handle.write(data)
    return Path(path)
