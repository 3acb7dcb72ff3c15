"""The readable text of an explanation document."""


def _value(value):
    if isinstance(value, dict):
        return ", ".join(f"{key}: {item}" for key, item in value.items())
    return str(value)


def _lines(node, depth):
    pad = "  " * depth
    if node.get("see_above"):
        yield f"{pad}{node['variable']} ({node['period']}) = {_value(node['value'])}  [see above]"
        return
    source = {"formula": "", "input": "  [given]", "default": "  [NOT GIVEN: default used]",
              "input_partly_default": "  [partly given: defaults used]"}[node["source"]]
    yield f"{pad}{node['variable']} ({node['period']}) = {_value(node['value'])}{source}"
    yield f"{pad}    {node['label']}"
    for reference in node["reference"][:3]:
        yield f"{pad}    ref: {reference}"
    for parameter in node.get("parameters", []):
        yield f"{pad}    uses {parameter['parameter']} at {parameter['instant']}"
    for child in node.get("children", []):
        yield from _lines(child, depth + 1)


def render_text(document):
    scheme, verdict = document["scheme"], document["verdict"]
    out = [
        f"{scheme['label']} ({scheme['name']}), {document['date']}" + (f", reform {document['reform']}" if document["reform"] else ""),
        f"Legal instrument: {scheme['legal_instrument']['title']} <{scheme['legal_instrument']['href']}>",
        f"Status: {verdict['status']}; monthly amount: {verdict.get('monthly_amount')}"
        + (f"; instalment: {verdict['instalment']}" if verdict.get("instalment") is not None else ""),
    ]
    if verdict.get("inputs_needed"):
        out.append("Inputs still needed: " + ", ".join(item["field"] for item in verdict["inputs_needed"]))
    out += ["", "Computation:"]
    for node in document["computation"]:
        out.extend(_lines(node, 1))
    out += ["", "Parameters:"]
    for parameter in document["parameters"]:
        unit = f" {parameter['unit']}" if parameter.get("unit") else ""
        out.append(f"  {parameter['parameter']} = {parameter['value']}{unit} (in force from {parameter['effective_from']}, "
                   f"read at {parameter['instant']}): {parameter.get('label') or parameter.get('description')}")
        for reference in parameter["reference"]:
            out.append(f"    ref ({parameter['reference_from']}): {reference['title']} <{reference['href']}>")
    versions = document["versions"]
    out += ["", f"openfisca_ajk {versions['openfisca_ajk']}, openfisca_core {versions['openfisca_core']}; "
                f"parameters {document['parameter_set_hash']}; application {document['application_hash']}; "
                f"document {document['document_hash']}"]
    return "\n".join(out) + "\n"
