"""Atomic writing of report files and the small HTML helpers the reports share."""

import html

from openfisca_ajk.tools import strict_json
from openfisca_ajk.tools.files import atomic_write

STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2em auto;max-width:75em;padding:0 1em;
color:#1a1a1a;line-height:1.45}
h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ccc}h3{font-size:1.05em}
table{border-collapse:collapse;width:100%;margin:.6em 0 1.2em;font-size:.9em}
th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}th{background:#f2f2f2}
td.num{text-align:right;white-space:nowrap}
.meets{background:#e3f4e3}.fails{background:#fbe3e3}.not_applicable{background:#f4f4f4;color:#666}
.cannot_determine{background:#fff6d9}.gap{background:#fbe3e3}
.summary{font-size:1.1em;padding:.8em 1em;background:#f7f7fb;border-left:4px solid #4a5bd1}
.badge{display:inline-block;padding:0 .4em;border-radius:.3em;font-size:.85em}
small{color:#555}
"""


def write_atomic(path, text):
    """Write ``text`` to ``path`` through a temporary file in the same folder, then rename it into place."""
    return atomic_write(path, text)


def write_json(path, data):
    return write_atomic(path, strict_json.dumps(data, what=str(path), indent=2, ensure_ascii=False, default=_plain) + "\n")


def _plain(value):
    if hasattr(value, "item"):
        return value.item()
    if hasattr(value, "tolist"):
        return value.tolist()
    return str(value)


def esc(value):
    return html.escape(str(value), quote=True)


def page(title, body):
    return (f"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{esc(title)}</title>\n"
            f"<style>{STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def table(headers, rows, classes=None):
    """An HTML table; ``rows`` hold already-escaped cell HTML; ``classes`` one CSS class per row (or None)."""
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = []
    for index, row in enumerate(rows):
        css = f' class="{classes[index]}"' if classes and classes[index] else ""
        body.append(f"<tr{css}>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>")
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table>"


def md_table(headers, rows):
    def cell(value):
        return str(value).replace("|", "\\|").replace("\n", " ")
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)
