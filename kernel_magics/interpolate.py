"""``{name}`` and ``{In[3]}`` in a request: replaced by notebook values, as in jupyter-ai."""

from __future__ import annotations

import re

_REFERENCE = re.compile(r"\{([A-Za-z_]\w*)(?:\[(-?\d+)\])?\}")
MAX_VALUE_CHARS = 4000


def interpolate(text: str, namespace: dict) -> str:
    """Replace ``{var}`` by ``str(var)`` and ``{In[3]}``/``{Out[3]}`` by that cell's text.

    Unknown names, and indexes that do not exist, are left exactly as written (a C
    initializer such as ``{0}`` stays what it is).
    """

    def value(match: re.Match) -> str:
        name, index = match.group(1), match.group(2)
        if name not in namespace:
            return match.group(0)
        item = namespace[name]
        if index is not None:
            try:
                item = item[int(index)]
            except (IndexError, KeyError, TypeError, ValueError):
                return match.group(0)
        text = str(item)
        if len(text) > MAX_VALUE_CHARS:
            text = text[:MAX_VALUE_CHARS] + " ...(shortened)"
        return text

    return _REFERENCE.sub(value, text)
