"""Writing result files atomically: a temporary file in the same folder, then ``os.replace``."""

from pathlib import Path

from openfisca_ajk.tools import strict_json
from openfisca_ajk.tools.files import atomic_stream, atomic_write


def write_text(path, text: str) -> Path:
    return atomic_write(path, text)


def write_json(path, data) -> Path:
    return write_text(path, strict_json.dumps(data, what=str(path), indent=2, sort_keys=False, default=_plain) + "\n")


def write_csv(path, header, rows) -> Path:
    lines = [",".join(header)]
    for row in rows:
        lines.append(",".join(_cell(value) for value in row))
    return write_text(path, "\n".join(lines) + "\n")


def save_figure(path, figure) -> Path:
    """Save a matplotlib ``Figure`` (built without pyplot) as PNG, atomically."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    with atomic_stream(path, binary=True) as handle:
        figure.savefig(handle, format="png", dpi=110, bbox_inches="tight")
    return Path(path)


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6g}"
    text = str(value)
    return f'"{text}"' if "," in text else text


def _plain(value):
    if hasattr(value, "tolist"):
        return value.tolist()
    if hasattr(value, "item"):
        return value.item()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
