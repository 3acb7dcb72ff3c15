"""Words for the names charts and tables would otherwise show: laws (reform files), schemes, sensitivity runs."""

from functools import lru_cache

BASELINE_NAMES = ("", "baseline")


@lru_cache(maxsize=64)
def law_label(name) -> str:
    """The ``label`` of a reform file (``reforms/<name>.yaml``); "today's law" for the baseline."""
    if name is None or str(name) in BASELINE_NAMES:
        return "today's law"
    try:
        import yaml

        from openfisca_ajk.reform_diffs import resolve_reform_path

        path = resolve_reform_path(str(name))
        if path.suffix in (".yaml", ".yml"):
            label = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("label")
            if label:
                return str(label).strip()
    except (OSError, ValueError, ImportError):
        pass
    return str(name).replace("_", " ")


@lru_cache(maxsize=256)
def scheme_label(name) -> str:
    """A scheme's registry label, without its parenthesised detail (short enough for a chart's axis)."""
    from openfisca_ajk.scheme_registry import load_schemes

    labels = {scheme.name: scheme.label for scheme in load_schemes()}
    label = labels.get(name)
    if not label:
        return str(name).replace("_", " ")
    return label.split(" (")[0].strip()
