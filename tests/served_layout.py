"""Read a component of the layout a running Dash server serves (``/_dash-layout``)."""

import json
import urllib.request


def served_props(url: str, component_id: str) -> dict:
    """The props of the component ``component_id`` in the page served at ``url``."""
    layout = json.loads(urllib.request.urlopen(url + "_dash-layout", timeout=30).read())
    todo = [layout]
    while todo:
        node = todo.pop()
        if isinstance(node, dict):
            if node.get("props", {}).get("id") == component_id:
                return node["props"]
            todo.extend(node.values())
        elif isinstance(node, list):
            todo.extend(node)
    raise LookupError(f"{url}: no component {component_id!r} in the layout")
