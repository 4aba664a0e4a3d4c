"""Nested structures (lists, tuples, dicts) of leaves: flatten, map, pack.

Dicts are traversed in sorted-key order, as Keras does, so flattening is deterministic.
"""


def is_nested(x):
    return isinstance(x, (list, tuple, dict))


def flatten(structure):
    """Return the leaves of `structure` in order."""
    if isinstance(structure, dict):
        out = []
        for key in sorted(structure):
            out.extend(flatten(structure[key]))
        return out
    if isinstance(structure, (list, tuple)):
        out = []
        for item in structure:
            out.extend(flatten(item))
        return out
    return [structure]


def map_structure(fn, structure):
    """Apply `fn` to every leaf, keeping the nesting (namedtuples included)."""
    if isinstance(structure, dict):
        return type(structure)((k, map_structure(fn, v)) for k, v in structure.items())
    if isinstance(structure, tuple) and hasattr(structure, "_fields"):
        return type(structure)(*[map_structure(fn, v) for v in structure])
    if isinstance(structure, (list, tuple)):
        return type(structure)(map_structure(fn, v) for v in structure)
    return fn(structure)


def pack_sequence_as(structure, flat):
    """Inverse of `flatten`: rebuild `structure`'s nesting with the leaves of `flat`."""
    flat = list(flat)
    position = [0]

    def rebuild(node):
        if isinstance(node, dict):
            values = {k: rebuild(node[k]) for k in sorted(node)}
            return type(node)((k, values[k]) for k in node)
        if isinstance(node, tuple) and hasattr(node, "_fields"):
            return type(node)(*[rebuild(v) for v in node])
        if isinstance(node, (list, tuple)):
            return type(node)(rebuild(v) for v in node)
        value = flat[position[0]]
        position[0] += 1
        return value

    return rebuild(structure)
