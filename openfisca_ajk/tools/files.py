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


def atomic_write_all(folder, files, protected=()) -> list:
    """Write every ``{file name: bytes or text}`` in ``folder``, all or nothing; return the paths.

    Every file is first staged as a temporary file in ``folder``; they are renamed into place only
    when all are staged, so an error leaves no new file and no temporary file behind. A name that is
    one of the ``protected`` input files is refused before anything is written.
    """
    folder = Path(folder).resolve()
    targets = {folder / name: data for name, data in files.items()}
    guarded = {Path(p).resolve() for p in protected if p}
    clash = sorted(str(target) for target in targets if target in guarded)
    if clash:
        raise ValueError(f"refusing to overwrite the input file(s) {', '.join(clash)}")
    folder.mkdir(parents=True, exist_ok=True)
    staged = []
    try:
        for target, data in targets.items():
            descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
            staged.append((temporary, target))
            try:
                handle = os.fdopen(descriptor, "wb")
            except BaseException:
                os.close(descriptor)
                raise
            with handle:
                handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            os.chmod(temporary, 0o644)
        for temporary, target in staged:
            os.replace(temporary, target)
    finally:
        for temporary, _ in staged:
            if os.path.exists(temporary):
                os.unlink(temporary)
    return [target for _, target in staged]


def atomic_write_json(path, data, protected=()) -> Path:
    """Write ``data`` as indented UTF-8 JSON (numpy values and dates made plain) to ``path`` atomically.

    Strict JSON (:mod:`openfisca_ajk.tools.strict_json`): a NaN or an infinity is refused, naming its place.
    """
    from openfisca_ajk.tools import strict_json
    from openfisca_ajk.tools.plain import plain
    text = strict_json.dumps(data, what=str(path), indent=2, ensure_ascii=False, default=plain)
    return atomic_write(path, text + "\n", protected)
