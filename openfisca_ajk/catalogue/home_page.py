"""The home page: counts, the parameters that need attention, and a client-side search."""

import json

from openfisca_core.parameters import Parameter, ParameterNode, ParameterScale

from openfisca_ajk.catalogue.document import Heading, Link, Page, Para, RawHtml, Row, Table, joined
from openfisca_ajk.catalogue.parameter_pages import badges, kind_of, label_of, walk
from openfisca_ajk.catalogue.paths import HOME, SECTIONS, parameter_page, scheme_page, variable_page
from openfisca_ajk.catalogue.values import NOTE_KEYS, needs_attention, statuses

SEARCH_SCRIPT = """
(function(){
  var index = JSON.parse(document.getElementById('search-index').textContent);
  var box = document.getElementById('search-input'), out = document.getElementById('results');
  var count = document.getElementById('result-count');
  function show(){
    var words = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
    out.textContent = '';
    if (!words.length) { count.textContent = ''; return; }
    var hits = index.filter(function(e){
      var text = (e.n + ' ' + e.l + ' ' + e.d).toLowerCase();
      return words.every(function(w){ return text.indexOf(w) >= 0; });
    });
    count.textContent = hits.length + ' match' + (hits.length === 1 ? '' : 'es');
    hits.slice(0, 200).forEach(function(e){
      var li = document.createElement('li'), a = document.createElement('a'), kind = document.createElement('span');
      kind.className = 'badge'; kind.textContent = e.k;
      a.href = e.u; a.textContent = e.n;
      li.appendChild(kind); li.appendChild(a);
      if (e.l) li.appendChild(document.createTextNode(' \\u2014 ' + e.l));
      out.appendChild(li);
    });
  }
  box.addEventListener('input', show);
  show();
})();
"""


def search_entries(parameter_root, tax_benefit_system, schemes) -> list:
    entries = []
    for item in walk(parameter_root):
        if item.name:
            entries.append({"k": kind_of(item), "n": item.name, "l": label_of(item), "d": item.description or "",
                            "u": parameter_page(item.name) + ".html"})
    for name, variable in sorted(tax_benefit_system.variables.items()):
        documentation = " ".join((variable.documentation or "").split())
        entries.append({"k": "variable", "n": name, "l": variable.label or "", "d": documentation,
                        "u": variable_page(name) + ".html"})
    for scheme in schemes:
        description = f"{scheme.provider}. {' '.join(scheme.notes.split())}"
        entries.append({"k": "scheme", "n": scheme.name, "l": scheme.label, "d": description,
                        "u": scheme_page(scheme.name) + ".html"})
    return entries


def _search_block(entries):
    data = json.dumps(entries, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    html = (
        '<label for="search-input"><strong>Search</strong> parameters, variables and schemes by name, label or '
        'description</label>\n<input id="search-input" class="search-input" type="search" '
        'placeholder="e.g. kafaalat instalment" autocomplete="off">\n'
        '<p id="result-count"></p>\n<ul id="results"></ul>\n'
        f'<script type="application/json" id="search-index">{data}</script>\n<script>{SEARCH_SCRIPT}</script>'
    )
    return RawHtml(html, "The HTML version of this page has a search box over names, labels and descriptions.")


def attention_rows(parameter_root):
    rows = []
    for item in walk(parameter_root):
        if not isinstance(item, (Parameter, ParameterScale)) or not needs_attention(item.metadata):
            continue
        metadata = item.metadata or {}
        history = ", ".join(f"{date}: {status}" for date, status in statuses(metadata))
        notes = " ".join(f"{key}: {' '.join(str(metadata[key]).split())}" for key in NOTE_KEYS if metadata.get(key))
        if len(notes) > 300:
            notes = notes[:297] + "..."
        rows.append(Row(((Link(item.name, page=parameter_page(item.name)),), joined(badges(metadata), " "),
                         (history,), (notes,))))
    return rows


def home_page(parameter_root, tax_benefit_system, schemes) -> Page:
    items = [item for item in walk(parameter_root) if item.name]
    leaves = sum(isinstance(item, Parameter) for item in items)
    scales = sum(isinstance(item, ParameterScale) for item in items)
    nodes = sum(isinstance(item, ParameterNode) and not isinstance(item, ParameterScale) for item in items)
    variables = tax_benefit_system.variables.values()
    inputs = sum(not variable.formulas for variable in variables)
    page = Page(HOME, "Social protection in AJK: the law as coded")
    page.add(Para(("Every parameter, variable and scheme of openfisca-ajk, generated from the code. "
                   "Values carry their effective dates and sources; assumptions and conflicts are flagged.",)))
    counts = (
        (SECTIONS[0], f"{leaves} parameters and {scales} scales in {nodes} nodes"),
        (SECTIONS[1], f"{len(variables)} variables ({inputs} inputs, {len(variables) - inputs} with formulas)"),
        (SECTIONS[2], f"{len(schemes)} schemes"),
    )
    page.add(Table(("Section", "Contents"),
                   tuple(Row(((Link(name, page=target),), (text,))) for (name, target), text in counts)))
    entries = search_entries(parameter_root, tax_benefit_system, schemes)
    page.add(Heading(2, ("Search",), "search"), _search_block(entries))
    rows = attention_rows(parameter_root)
    page.add(Heading(2, ("Assumptions and conflicts",), "attention"),
             Para((f"{len(rows)} parameters have an assumption, a conflict between sources or a status other "
                   "than confirmed at some date.",)),
             Table(("Parameter", "Flags", "Status by date", "Notes"), tuple(rows)))
    return page
