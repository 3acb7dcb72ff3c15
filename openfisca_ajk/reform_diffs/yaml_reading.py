"""Read a reform YAML file, refusing duplicate keys (a silent override would hide a change)."""

import yaml


class _StrictLoader(yaml.SafeLoader):
    """A safe loader that records duplicate mapping keys instead of keeping the last one silently."""

    def __init__(self, stream):
        super().__init__(stream)
        self.duplicates = []


def _construct_mapping(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            duplicate = key in seen
            seen.add(key)
        except TypeError:
            continue
        if duplicate:
            loader.duplicates.append(f"key {key} is written twice (line {key_node.start_mark.line + 1})")
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


def _construct_timestamp_as_text(loader, node):
    """Keep dates as written: the period-key parser reports an impossible date with its path."""
    return loader.construct_scalar(node)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp_as_text)


def read_yaml(text):
    """Return ``(document, problems)``; a syntax error is a problem, not an exception."""
    loader = _StrictLoader(text)
    try:
        return loader.get_single_data(), list(loader.duplicates)
    except yaml.YAMLError as error:
        return None, [f"not valid YAML: {error}"]
    finally:
        loader.dispose()
