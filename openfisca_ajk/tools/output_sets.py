"""Output sets: the files of one run, published together or not at all, with a manifest.

A command's results go to ``<folder>/<name>/`` (for ``main``: ``output/main/``):

- every file is first written to a staging folder beside it,
  ``<folder>/.<name>.staging-pid<N>-<random>/``;
- ``manifest.json`` is added: the package version, the run's settings (reform,
  seed, size, period ...) and the SHA-256 of each result file. It holds nothing
  that changes from run to run, so the same inputs give byte-identical files;
- wall-clock timings go to ``timings.json``, outside the manifest's hashes;
- the staging folder then replaces the previous set in one step (Linux
  ``renameat2(RENAME_EXCHANGE)``; elsewhere two renames, with the previous set
  kept aside until the new one is in place and restored by the next run if the
  process was killed in between).

A run that fails or is killed before that step leaves the previous set as it was
(its staging folder is removed, or cleaned by the next run once its process is
gone). A folder that is not an output set (no ``manifest.json``) is never
replaced, nor one holding an input file of the run.
"""

import ctypes
import ctypes.util
import hashlib
import json
import os
import re
import shutil
import tempfile
from importlib import metadata
from pathlib import Path

from openfisca_ajk.tools import strict_json

MANIFEST = "manifest.json"
TIMINGS = "timings.json"
RESERVED = (MANIFEST, TIMINGS)
_LEFTOVER = re.compile(r"^\.(?P<name>.+)\.(?:staging|previous)-pid(?P<pid>\d+)-[A-Za-z0-9_]+$")
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class OutputSetError(ValueError):
    """An output set cannot be published; the message names the folder and the reason."""


def package_version() -> str:
    try:
        return metadata.version("openfisca-ajk")
    except metadata.PackageNotFoundError:
        return "unknown"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest_bytes(name: str, settings: dict, files: dict) -> bytes:
    """The manifest of a set: deterministic (sorted keys, no dates)."""
    manifest = {"set": name, "package": "openfisca-ajk", "version": package_version(), "settings": settings,
                "files": {file_name: {"sha256": sha256(data), "bytes": len(data)} for file_name, data in sorted(files.items())},
                "not_hashed": {TIMINGS: "wall-clock timings of the run (differ from run to run)"}}
    return (strict_json.dumps(manifest, what=f"{name}/{MANIFEST}", indent=1, sort_keys=True) + "\n").encode("utf-8")


def _process_is_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux renameat2); False if the system cannot."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    try:
        libc = ctypes.CDLL(libc_name, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    if result == 0:
        return True
    error = ctypes.get_errno()
    if error in (38, 22, 95):   # ENOSYS, EINVAL, EOPNOTSUPP: not supported here; fall back to two renames
        return False
    raise OSError(error, os.strerror(error), str(second))


def recover(folder, name) -> list:
    """Put back a previous set a killed publish left aside, and remove staging folders of dead processes."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    final, removed = folder / name, []
    for candidate in sorted(folder.iterdir()):
        match = _LEFTOVER.match(candidate.name)
        if not match or match.group("name") != name or not candidate.is_dir():
            continue
        if not _process_is_gone(int(match.group("pid"))):
            continue
        if ".previous-" in candidate.name and not final.exists() and (candidate / MANIFEST).is_file():
            os.rename(candidate, final)
            continue
        shutil.rmtree(candidate, ignore_errors=True)
        removed.append(candidate)
    return removed


def read_manifest(path) -> dict:
    """The manifest of the set in ``path`` (a folder), or None when there is none."""
    manifest = Path(path) / MANIFEST
    if not manifest.is_file():
        return None
    return json.loads(manifest.read_text(encoding="utf-8"))


def check_set(path) -> list:
    """Problems of the set in ``path``: missing, extra or changed files against its manifest (empty if whole)."""
    manifest = read_manifest(path)
    if manifest is None:
        return [f"{path}: no {MANIFEST}"]
    problems = []
    present = {p.name for p in Path(path).iterdir() if p.is_file()} - set(RESERVED)
    for file_name, entry in manifest["files"].items():
        file_path = Path(path) / file_name
        if not file_path.is_file():
            problems.append(f"{file_path}: missing")
        elif sha256(file_path.read_bytes()) != entry["sha256"]:
            problems.append(f"{file_path}: does not match the manifest")
    problems += [f"{Path(path) / extra}: not in the manifest" for extra in sorted(present - set(manifest["files"]))]
    return problems


class OutputSet:
    """Collect a run's files in memory, then ``publish`` them as ``<folder>/<name>/`` in one step.

        output = OutputSet("output", "main", settings={"seed": 1, ...}, protected=[input_path])
        output.add("main.json", data)
        output.add_timings({"total_s": 12.3})
        paths = output.publish()     # {file name: final path}
    """

    def __init__(self, folder, name, settings: dict, protected=()):
        if not name or "/" in name or name.startswith("."):
            raise ValueError(f"an output set name must be a plain folder name, got {name!r}")
        self.folder = Path(folder)
        self.name = name
        self.settings = dict(settings)
        self.protected = [Path(p).resolve() for p in protected if p]
        self.files = {}
        self.timings = None

    @property
    def path(self) -> Path:
        return self.folder / self.name

    def add(self, file_name: str, data) -> None:
        if file_name in RESERVED or "/" in file_name or file_name.startswith("."):
            raise ValueError(f"{file_name!r} cannot be a file of an output set")
        self.files[file_name] = data.encode("utf-8") if isinstance(data, str) else bytes(data)

    def add_timings(self, timings: dict) -> None:
        self.timings = (strict_json.dumps(timings, what=f"{self.name}/{TIMINGS}", indent=1, sort_keys=True) + "\n").encode()

    def check_target(self):
        """Refuse now (before any work) a target that could not be replaced."""
        final = self.path.resolve()
        for protected in self.protected:
            if protected == final or final in protected.parents:
                raise OutputSetError(f"refusing to replace {self.path}: it holds the input file {protected}")
        if self.path.exists() and not self.path.is_dir():
            raise OutputSetError(f"refusing to replace {self.path}: it is a file, not an output set")
        if self.path.is_dir() and any(self.path.iterdir()) and read_manifest(self.path) is None:
            raise OutputSetError(f"refusing to replace {self.path}: it is not an output set ({MANIFEST} is missing); "
                                 "move it or choose another --output")

    def publish(self) -> dict:
        """Write the set to a staging folder and put it in place of the previous one; return the final paths."""
        self.folder.mkdir(parents=True, exist_ok=True)
        recover(self.folder, self.name)
        self.check_target()
        tag = f"pid{os.getpid()}-"
        staging = Path(tempfile.mkdtemp(dir=self.folder, prefix=f".{self.name}.staging-{tag}"))
        try:
            contents = dict(self.files)
            contents[MANIFEST] = manifest_bytes(self.name, self.settings, self.files)
            if self.timings is not None:
                contents[TIMINGS] = self.timings
            for file_name, data in contents.items():
                with open(staging / file_name, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.chmod(staging / file_name, 0o644)
            os.chmod(staging, 0o755)
            self._swap(staging, tag)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        return {file_name: self.path / file_name for file_name in contents}

    def _swap(self, staging: Path, tag: str):
        final = self.path
        if not final.exists():
            os.rename(staging, final)
            return
        if _exchange(staging, final):
            shutil.rmtree(staging, ignore_errors=True)   # it now holds the previous set
            return
        previous = Path(tempfile.mkdtemp(dir=self.folder, prefix=f".{self.name}.previous-{tag}"))
        os.rmdir(previous)
        os.rename(final, previous)
        try:
            os.rename(staging, final)
        except BaseException:
            os.rename(previous, final)
            raise
        shutil.rmtree(previous, ignore_errors=True)
