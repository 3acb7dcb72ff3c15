"""A page opened in headless Chromium (Debian's ``chromium``): console errors and elements wider than the window.

A copy of the page gets a small script that records, after load, the document's scroll width and the
elements whose right edge passes the window; ``--dump-dom`` returns the page with that record, and
Chromium's log (``--enable-logging=stderr``) carries the console messages.
"""

import json
import re
import shutil
import subprocess

WIDTH = 1280
PROBE = """<script>
window.addEventListener('load', function () {
  var wide = [];
  document.querySelectorAll('body *').forEach(function (e) {
    var r = e.getBoundingClientRect();
    if (r.right > window.innerWidth + 1) { wide.push(e.tagName + (e.id ? '#' + e.id : '')); }
  });
  var out = document.createElement('pre');
  out.id = 'browser-check';
  out.textContent = JSON.stringify({scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
                                    wide: wide.slice(0, 10)});
  document.body.appendChild(out);
});
</script>"""


def chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser")


def open_page(html_path, tmp_path, width=WIDTH):
    """{'scroll', 'inner', 'wide', 'console_errors'} of the page at ``html_path`` in a window ``width`` wide."""
    page = html_path.read_text(encoding="utf-8")
    probe = tmp_path / f"probe_{html_path.name}"
    probe.write_text(page.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    result = subprocess.run(
        [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
         f"--window-size={width},900", "--virtual-time-budget=3000", "--dump-dom", probe.as_uri()],
        capture_output=True, text=True, timeout=120)
    match = re.search(r'<pre id="browser-check">(.*?)</pre>', result.stdout, re.S)
    assert match, f"the page did not load in Chromium:\n{result.stderr[-2000:]}"
    record = json.loads(match.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    record["console_errors"] = [line for line in result.stderr.splitlines()
                                if "CONSOLE" in line and ("ERROR" in line or "Uncaught" in line)]
    return record
