"""Read a reform YAML file, refusing duplicate keys (a silent override would hide a change).

The cost of a document is bounded before it is built: at most ``MAX_BYTES``
bytes (checked before the file is read), at most ``MAX_ALIASES`` aliases, and at
most ``MAX_NODES`` nodes once every alias is expanded (counted on the parser's
event stream, which does not expand aliases), so a small file of nested
aliases (a "billion laughs") is refused at once instead of filling the memory.
The largest reform of the library is under 10 kB and 1,000 expanded nodes.
"""

from pathlib import Path

import yaml

MAX_BYTES = 1_000_000
MAX_ALIASES = 1_000
MAX_NODES = 100_000


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


def _node_count_problem(text):
    """A problem if ``text`` has too many aliases or expands to too many nodes; None otherwise.

    Each collection's expanded size is summed from the events; an alias counts the size of its anchor.
    """
    anchors, stack, total, aliases = {}, [], 0, 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            stack.append([event.anchor, 1])
            continue
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            anchor, size = stack.pop()
        elif isinstance(event, yaml.ScalarEvent):
            anchor, size = event.anchor, 1
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                return f"more than {MAX_ALIASES:,} aliases (*name); refusing to read it"
            anchor, size = None, anchors.get(event.anchor, 1)
        else:
            continue
        if anchor is not None:
            anchors[anchor] = size
        if stack:
            stack[-1][1] += size
            size = stack[-1][1]
        else:
            total += size
            size = total
        if size > MAX_NODES:
            return f"more than {MAX_NODES:,} values once its aliases are expanded; refusing to read it"
    return None


def read_yaml_file(path):
    """``read_yaml`` of a file, refusing one above ``MAX_BYTES`` before reading it."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        return None, [f"the file has {size:,} bytes, more than the {MAX_BYTES:,} a reform file may have"]
    with path.open("rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, [f"not UTF-8 text ({error.reason} at byte {error.start})"]
    return read_yaml(text)


def read_yaml(text):
    """Return ``(document, problems)``; a syntax error or a document over the bounds is a problem, not an exception."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        return None, [f"the document has more than the {MAX_BYTES:,} bytes a reform file may have"]
    try:
        problem = _node_count_problem(text)
    except yaml.YAMLError as error:
        return None, [f"not valid YAML: {error}"]
    if problem:
        return None, [problem]
    loader = _StrictLoader(text)
    try:
        return loader.get_single_data(), list(loader.duplicates)
    except yaml.YAMLError as error:
        return None, [f"not valid YAML: {error}"]
    finally:
        loader.dispose()
