"""Writing a comparison: HTML, Markdown, JSON, CSV and PNG, all or nothing.

Everything is rendered in memory first, then written by the one atomic writer
(:func:`openfisca_ajk.tools.files.atomic_write_all`): staged in the output folder and renamed into place
only when every file is staged, so an error leaves no new file behind; an input path (``protected``) is
refused before anything is written.
"""

import csv
import io
import math

from openfisca_ajk.comparison.charts import all_charts
from openfisca_ajk.comparison.comparison_page import to_html, to_markdown, with_summaries
from openfisca_ajk.tools import strict_json
from openfisca_ajk.tools.files import atomic_write_all

STEM = "compare"


def _flatten(value, prefix=""):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _flatten(item, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            key = item.get("scheme") or item.get("decile") if isinstance(item, dict) else None
            yield from _flatten(item, f"{prefix}[{key if key is not None else index}]")
    else:
        yield prefix, value


def figures_csv(data) -> bytes:
    """Every figure, one row each: reform, figure (dotted path as in the JSON), value."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["reform", "figure", "value"])
    for reform in data["reforms"]:
        for key, value in _flatten({k: v for k, v in reform.items() if k not in ("name", "label", "description", "legal_basis", "summary")}):
            if isinstance(value, float):
                value = "" if math.isnan(value) else repr(value)
            writer.writerow([reform["name"], key, value])
    return buffer.getvalue().encode("utf-8")


def schemes_csv(data) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    columns = None
    for reform in data["reforms"]:
        for row in reform["schemes"]:
            if columns is None:
                columns = list(row)
                writer.writerow(["reform", *columns])
            writer.writerow([reform["name"], *[row[c] for c in columns]])
    return buffer.getvalue().encode("utf-8")


def deciles_csv(data) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["reform", "decile", "persons", "average_change_pkr_month_per_household", "average_change_pkr_month_per_person",
                     "relative_change_pct", "annual_change_pkr", "gain_more_than_5pct", "gain_less_than_5pct", "no_change",
                     "lose_less_than_5pct", "lose_more_than_5pct"])
    for reform in data["reforms"]:
        bands = reform["winners_losers_pct"]["by_decile"]
        for row, band in zip(reform["deciles"], bands):
            writer.writerow([reform["name"], row["decile"], row["persons"], row["average_change_pkr_month_per_household"],
                             row["average_change_pkr_month_per_person"], row["relative_change_pct"], row["annual_change_pkr"],
                             *[band[k] for k in ("gain_more_than_5pct", "gain_less_than_5pct", "no_change",
                                                 "lose_less_than_5pct", "lose_more_than_5pct")]])
    return buffer.getvalue().encode("utf-8")


def _json_default(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return str(value)


def render_files(result, stem=STEM):
    """{file name: bytes} of every output, rendered in memory."""
    data = with_summaries(result.to_dict())
    charts = all_charts(data)
    chart_files = {name: f"{stem}_{name}.png" for name in charts}
    files = {f"{stem}.json": strict_json.dumps(data, what=f"{stem}.json", indent=1, default=_json_default).encode("utf-8"),
             f"{stem}_figures.csv": figures_csv(data), f"{stem}_schemes.csv": schemes_csv(data),
             f"{stem}_deciles.csv": deciles_csv(data),
             f"{stem}.md": to_markdown(data, chart_files).encode("utf-8"),
             f"{stem}.html": to_html(data, charts).encode("utf-8")}
    files.update({chart_files[name]: png for name, png in charts.items()})
    return files, data


def write_files(folder, files, protected=()):
    """Write every rendered file in ``folder``, all or nothing (:func:`openfisca_ajk.tools.files.atomic_write_all`)."""
    return atomic_write_all(folder, files, protected)


def write_comparison(result, folder, stem=STEM, protected=()):
    """Render and write every output of ``result`` to ``folder``; returns (paths written, data dict)."""
    files, data = render_files(result, stem)
    return write_files(folder, files, protected), data
