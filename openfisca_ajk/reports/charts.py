"""The one chart style of every report (matplotlib, Agg, no pyplot): colours, fonts, grid, size of the PNG.

    with chart_style():
        figure = new_figure((8, 4.5))
        axis = figure.add_subplot()
        ...
        png = png_bytes(figure)           # or save_png(path, figure), written atomically
"""

import contextlib
import functools
import io

from openfisca_ajk.tools.files import atomic_write

PALETTE = ("#33658a", "#f6ae2d", "#86bbd8", "#f26419", "#2f4858", "#55dde0", "#8e6c8a", "#758e4f")
BASELINE_COLOUR = "#999999"
DPI = 110
STYLE = {
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.labelsize": 9,
    "axes.edgecolor": "#555555",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "grid.alpha": 0.3,
    "grid.linewidth": 0.6,
    "legend.fontsize": 8,
    "legend.frameon": False,
    "lines.linewidth": 1.6,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
}


def _rc():
    from cycler import cycler
    return {**STYLE, "axes.prop_cycle": cycler(color=PALETTE)}


@contextlib.contextmanager
def chart_style():
    """Every figure built and saved inside this block has the reports' style."""
    import matplotlib
    with matplotlib.rc_context(_rc()):
        yield


def styled(chart):
    """Decorate a function that builds a chart: it runs inside ``chart_style()``."""
    @functools.wraps(chart)
    def wrapper(*args, **kwargs):
        with chart_style():
            return chart(*args, **kwargs)
    return wrapper


def new_figure(figsize):
    """A matplotlib ``Figure`` (not registered with pyplot) on an Agg canvas; build it inside ``chart_style()``."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    figure = Figure(figsize=figsize)
    FigureCanvasAgg(figure)
    return figure


def png_bytes(figure) -> bytes:
    """The figure as PNG bytes, trimmed to its content."""
    buffer = io.BytesIO()
    with chart_style():
        figure.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight")
    return buffer.getvalue()


def save_png(path, figure):
    """Write the figure as a PNG file, atomically; return the path."""
    return atomic_write(path, png_bytes(figure))
