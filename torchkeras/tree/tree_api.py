"""`keras.tree`: flatten, map and rebuild nested structures of leaves.

The semantics are those of Keras 3 on its optree implementation:

- Nodes are, by exact type, `list`, `tuple`, `dict`, `collections.OrderedDict`,
  `collections.defaultdict`, `collections.deque`, namedtuples and struct sequences
  (`time.struct_time`, ...). Anything else is a leaf, subclasses of `list` and `dict` included.
- `None` is a leaf (except in `map_structure(..., none_is_leaf=False)`).
- `dict` and `defaultdict` children are visited in sorted key order (keys of mixed types are
  sorted by type name first); `OrderedDict` children in insertion order. Rebuilt dicts keep the
  key order of the original.

The implementation is plain Python (no optree, no dm-tree): a node is described by its children
and a function that rebuilds it, dispatched on `type(x)`.
"""

import collections
import warnings

_ORDERED_DICT = collections.OrderedDict
_DEFAULT_DICT = collections.defaultdict
_DEQUE = collections.deque


class MAP_TO_NONE:
    """Special value for use with `traverse()`."""

    pass


# --- node description ------------------------------------------------------------------------


def _is_namedtuple(x):
    t = type(x)
    return (
        isinstance(x, tuple)
        and hasattr(t, "_fields")
        and hasattr(t, "_make")
        and hasattr(t, "_asdict")
    )


def _is_structseq(x):
    t = type(x)
    return t.__bases__ == (tuple,) and hasattr(t, "n_sequence_fields")


def _sorted_keys(d):
    # optree's order: sortable keys are sorted; keys of mixed types are sorted by
    # (type name, value); if even that fails the insertion order is kept.
    keys = list(d)
    try:
        return sorted(keys)
    except TypeError:
        pass
    try:
        return sorted(keys, key=lambda k: (f"{type(k).__module__}.{type(k).__qualname__}", k))
    except TypeError:
        return keys


# Kinds of node. The kind decides compatibility between structures (dict, OrderedDict and
# defaultdict are one kind) and the name used in mismatch errors.
_LIST, _TUPLE, _DICT, _NAMEDTUPLE, _DEQUE_KIND, _STRUCTSEQ = range(6)
_KIND_NAMES = {
    _LIST: "list",
    _TUPLE: "tuple",
    _DICT: "dict, collections.OrderedDict, or collections.defaultdict",
    _NAMEDTUPLE: "collections.namedtuple",
    _DEQUE_KIND: "collections.deque",
    _STRUCTSEQ: "PyStructSequence",
}
_EXACT_KINDS = {
    list: _LIST,
    tuple: _TUPLE,
    dict: _DICT,
    _ORDERED_DICT: _DICT,
    _DEFAULT_DICT: _DICT,
    _DEQUE: _DEQUE_KIND,
}


def _kind(x, none_is_leaf=True):
    """The node kind of `x`, or `None` for a leaf."""
    kind = _EXACT_KINDS.get(type(x))
    if kind is not None:
        return kind
    if isinstance(x, tuple):
        if _is_namedtuple(x):
            return _NAMEDTUPLE
        if _is_structseq(x):
            return _STRUCTSEQ
    return None


def _is_leaf(x, none_is_leaf=True):
    if x is None:
        return none_is_leaf
    return _kind(x) is None


def _keys(x, kind):
    """Path entries of the children of node `x`: indices, or dict keys in visiting order."""
    if kind == _DICT:
        return list(x) if type(x) is _ORDERED_DICT else _sorted_keys(x)
    return list(range(len(x)))


def _children(x, kind):
    if kind == _DICT:
        return [x[k] for k in _keys(x, kind)]
    return list(x)


def _rebuild(x, kind, children):
    """A node like `x` (same type, same dict key order) holding `children`."""
    if kind == _LIST:
        return list(children)
    if kind == _TUPLE:
        return tuple(children)
    if kind == _DICT:
        by_key = dict(zip(_keys(x, kind), children))
        items = [(k, by_key[k]) for k in x]
        if type(x) is _DEFAULT_DICT:
            return _DEFAULT_DICT(x.default_factory, items)
        return type(x)(items)
    if kind == _NAMEDTUPLE:
        return type(x)(*children)
    if kind == _DEQUE_KIND:
        return _DEQUE(children, maxlen=x.maxlen)
    return type(x)(children)  # struct sequence


def _check_node(expected, kind, other):
    """Raise as optree does when `other` is not the same kind of node as `expected`."""
    other_kind = None if other is None else _kind(other)
    if other_kind != kind:
        raise ValueError(f"Expected an instance of {_KIND_NAMES[kind]}, got {other!r}.")
    if kind == _DICT:
        if set(expected) != set(other):
            expected_keys = _sorted_keys(expected)
            got_keys = _sorted_keys(other)
            missing = [k for k in expected_keys if k not in other]
            extra = [k for k in got_keys if k not in expected]
            message = (
                f"dictionary key mismatch; expected key(s): {expected_keys}, "
                f"got key(s): {got_keys}"
            )
            if missing:
                message += f", missing key(s): {missing}"
            if extra:
                message += f", extra key(s): {extra}"
            raise ValueError(f"{message}; {type(other).__name__}: {other!r}.")
        return
    if kind in (_NAMEDTUPLE, _STRUCTSEQ) and type(other) is not type(expected):
        label = "namedtuple" if kind == _NAMEDTUPLE else "PyStructSequence"
        raise ValueError(
            f"{label} type mismatch; expected type: {type(expected)}, "
            f"got type: {type(other)}; tuple: {other!r}."
        )
    if len(other) != len(expected):
        name = {_LIST: "list", _TUPLE: "tuple", _DEQUE_KIND: "deque"}.get(kind, "tuple")
        raise ValueError(
            f"{name} arity mismatch; expected: {len(expected)}, got: {len(other)}; "
            f"{name}: {other!r}."
        )


def _other_children(expected, kind, other):
    if kind == _DICT:
        return [other[k] for k in _keys(expected, kind)]
    return list(other)


# --- public API --------------------------------------------------------------------------------


def is_nested(structure):
    """Checks if a given structure is nested.

    Examples:

    >>> keras.tree.is_nested(42)
    False
    >>> keras.tree.is_nested({"foo": 42})
    True

    Args:
        structure: A structure to check.

    Returns:
        `True` if a given structure is nested, i.e. is a sequence, a mapping,
        or a namedtuple, and `False` otherwise.
    """
    return structure is not None and _kind(structure) is not None


def _flatten_into(x, out):
    kind = None if x is None else _kind(x)
    if kind is None:
        out.append(x)
        return
    for child in _children(x, kind):
        _flatten_into(child, out)


def flatten(structure):
    """Flattens a possibly nested structure into a list.

    In the case of dict instances, the sequence consists of the values, sorted by key to ensure
    deterministic behavior. Instances of `collections.OrderedDict` use their insertion order
    instead. The same convention is followed in `pack_sequence_as`.

    Examples:

    >>> keras.tree.flatten([[1, 2, 3], [4, [5], [[6]]]])
    [1, 2, 3, 4, 5, 6]
    >>> keras.tree.flatten(None)
    [None]
    >>> keras.tree.flatten({100: 'world!', 6: 'Hello'})
    ['Hello', 'world!']

    Args:
        structure: An arbitrarily nested structure.

    Returns:
        A list, the flattened version of the input `structure`.
    """
    out = []
    _flatten_into(structure, out)
    return out


def _flatten_with_path_into(x, path, out):
    kind = None if x is None else _kind(x)
    if kind is None:
        out.append((path, x))
        return
    keys = _keys(x, kind)
    children = [x[k] for k in keys] if kind == _DICT else list(x)
    for key, child in zip(keys, children):
        _flatten_with_path_into(child, path + (key,), out)


def flatten_with_path(structure):
    """Flattens a possibly nested structure into a list of `(path, item)` pairs.

    A path is a tuple of indices and/or keys which uniquely identifies the position of the
    corresponding item (namedtuples use indices, not field names).

    Example:

    >>> keras.tree.flatten_with_path([{"foo": 42}])
    [((0, 'foo'), 42)]

    Args:
        structure: An arbitrarily nested structure.

    Returns:
        A list of `(path, item)` pairs corresponding to the flattened version of the input
        `structure`.
    """
    out = []
    _flatten_with_path_into(structure, (), out)
    return out


def _check_up_to(first, other, none_is_leaf):
    """Raise if `other` does not have (at least) the nesting of `first`, as optree does before
    it maps anything."""
    if first is None:
        if not none_is_leaf and other is not None:
            raise ValueError(f"Expected None, got {other!r}.")
        return
    kind = _kind(first)
    if kind is None:
        return
    _check_node(first, kind, other)
    for a, b in zip(_children(first, kind), _other_children(first, kind, other)):
        _check_up_to(a, b, none_is_leaf)


def _map(func, structures, none_is_leaf, check_leaves, skip_first):
    first = structures[0]
    if first is None:
        if none_is_leaf:
            kind = None
        else:
            # `None` is an empty node: the others must be `None` too, and stay `None`.
            for other in structures[1:]:
                if other is not None:
                    raise ValueError(f"Expected None, got {other!r}.")
            return None
    else:
        kind = _kind(first)
    if kind is None:
        if check_leaves:
            for other in structures[1:]:
                if not _is_leaf(other, none_is_leaf):
                    raise ValueError("Structures don't have the same nested structure.")
        return func(*structures[1:]) if skip_first else func(*structures)
    columns = [_children(first, kind)]
    for other in structures[1:]:
        _check_node(first, kind, other)
        columns.append(_other_children(first, kind, other))
    mapped = [
        _map(func, row, none_is_leaf, check_leaves, skip_first) for row in zip(*columns)
    ]
    return _rebuild(first, kind, mapped)


def map_structure(func, *structures, none_is_leaf=True):
    """Maps `func` through given structures.

    Examples:

    >>> structure = [[1], [2], [3]]
    >>> keras.tree.map_structure(lambda v: v**2, structure)
    [[1], [4], [9]]
    >>> keras.tree.map_structure(lambda x, y: x * y, structure, structure)
    [[1], [4], [9]]

    Args:
        func: A callable that accepts as many arguments as there are structures.
        *structures: Arbitrarily nested structures of the same layout.
        none_is_leaf: If `True`, `func` will be called on `None` leaves. If `False`, `None`
            values are not passed to `func` and are returned in the output directly.
            Defaults to `True`.

    Returns:
        A new structure with the same layout as the given ones.

    Raises:
        TypeError: If `func` is not callable.
        ValueError: If `structures` is empty, or if the structures don't match according to the
            rules of `assert_same_structure`.
    """
    if not structures:
        raise ValueError("Must provide at least one structure")
    for other in structures[1:]:
        _check_up_to(structures[0], other, none_is_leaf)
    return _map(func, structures, none_is_leaf, len(structures) > 1, False)


def map_structure_up_to(shallow_structure, func, *structures):
    """Maps `func` through given structures up to `shallow_structure`.

    This is a variant of `map_structure` which only maps the given structures up to
    `shallow_structure`. All further nested components are retained as-is.

    Examples:

    >>> shallow_structure = [None, None]
    >>> structure = [[1, 1], [2, 2]]
    >>> keras.tree.map_structure_up_to(shallow_structure, len, structure)
    [2, 2]
    >>> shallow_structure = [None, [None, None]]
    >>> keras.tree.map_structure_up_to(shallow_structure, str, structure)
    ['[1, 1]', ['2', '2']]

    Args:
        shallow_structure: A structure with layout common to all `structures`.
        func: A callable that accepts as many arguments as there are structures.
        *structures: Arbitrarily nested structures of the same layout.

    Returns:
        A new structure with the same layout as `shallow_structure`.

    Raises:
        TypeError: If `func` is not callable.
        ValueError: If `structures` is empty, or if one of them is shallower than
            `shallow_structure` or nested differently.
    """
    if not structures:
        raise ValueError("Must provide at least one structure")
    for other in structures:
        _check_up_to(shallow_structure, other, True)
    return _map(func, (shallow_structure,) + structures, True, False, True)


def assert_same_structure(a, b, check_types=None):
    """Asserts that two structures are nested in the same way.

    At each level, the structures must be of the same type and have the same number of
    elements. Instances of `dict`, `OrderedDict` and `defaultdict` are all considered the same as
    long as they have the same set of keys. However, `list`, `tuple`, `namedtuple` and `deque`
    are not the same structures, and two namedtuple classes are never the same.

    Args:
        a: an arbitrarily nested structure.
        b: an arbitrarily nested structure.
        check_types: Deprecated, no longer has any effect. For a looser check, use
            `assert_same_paths`.

    Raises:
        ValueError: If the two structures `a` and `b` don't match.
    """
    if check_types is not None:
        if check_types:
            warnings.warn(
                "The `check_types` argument is deprecated and no longer has any effect, please "
                "remove.",
                DeprecationWarning,
                stacklevel=2,
            )
        else:
            warnings.warn(
                "The `check_types` argument is deprecated and no longer has any effect. For a "
                "looser check, use `keras.tree.assert_same_paths()`, which considers `list`, "
                "`tuple`, `namedtuple` and `deque` as matching",
                DeprecationWarning,
                stacklevel=2,
            )
    _check_up_to(a, b, True)
    _map(_return_none, (a, b), True, True, False)


def _return_none(*args):
    return None


def assert_same_paths(a, b):
    """Asserts that two structures have identical paths in their tree structure.

    Unlike `assert_same_structure`, only the paths are compared, not the collection types:
    sequences use indices (namedtuples too), mappings use keys.

    Args:
        a: an arbitrarily nested structure.
        b: an arbitrarily nested structure.

    Raises:
        ValueError: If the paths in structure `a` don't match the paths in structure `b`.
    """
    a_paths = set(path for path, _ in flatten_with_path(a))
    b_paths = set(path for path, _ in flatten_with_path(b))
    if a_paths != b_paths:
        message = "`a` and `b` don't have the same paths."
        a_diff = a_paths.difference(b_paths)
        if a_diff:
            message += f"\nPaths in `a` missing in `b`:\n{a_diff}"
        b_diff = b_paths.difference(a_paths)
        if b_diff:
            message += f"\nPaths in `b` missing in `a`:\n{b_diff}"
        raise ValueError(message)


def _count_leaves(x):
    kind = None if x is None else _kind(x)
    if kind is None:
        return 1
    return sum(_count_leaves(child) for child in _children(x, kind))


def _pack(x, leaves, position):
    kind = None if x is None else _kind(x)
    if kind is None:
        return leaves[position], position + 1
    children = []
    for child in _children(x, kind):
        packed, position = _pack(child, leaves, position)
        children.append(packed)
    return _rebuild(x, kind, children), position


def pack_sequence_as(structure, flat_sequence):
    """Returns a given flattened sequence packed into a given structure.

    If `structure` is a leaf, `flat_sequence` must be a single-item list; in this case the
    return value is `flat_sequence[0]`. Dicts are filled in sorted key order (`OrderedDict` in
    insertion order), as `flatten` produces them, and keep their original key order.

    Example:

    >>> structure = (("a", "b"), ("c", "d", "e"), "f")
    >>> keras.tree.pack_sequence_as(structure, [1.0, 2.0, 3.0, 4.0, 5.0, 6.0])
    ((1.0, 2.0), (3.0, 4.0, 5.0), 6.0)

    Args:
        structure: Arbitrarily nested structure.
        flat_sequence: Flat sequence to pack.

    Returns:
        `flat_sequence` converted to have the same recursive structure as `structure`.

    Raises:
        TypeError: If `flat_sequence` is not iterable.
        ValueError: If `flat_sequence` has too few or too many elements.
    """
    try:
        leaves = list(flat_sequence)
    except TypeError:
        raise TypeError(
            "`flat_sequence` must be an iterable of leaves. "
            f"Received: flat_sequence={flat_sequence!r} (of type {type(flat_sequence)})"
        ) from None
    expected = _count_leaves(structure)
    if len(leaves) < expected:
        raise ValueError(
            f"Too few leaves for PyTreeSpec; expected: {expected}, got: {len(leaves)}."
        )
    if len(leaves) > expected:
        raise ValueError(f"Too many leaves for PyTreeSpec; expected: {expected}.")
    return _pack(structure, leaves, 0)[0]


def traverse(func, structure, top_down=True):
    """Traverses the given nested structure, applying the given function.

    The traversal is depth-first. If `top_down` is `True` (default), parents are returned before
    their children (giving the option to avoid traversing into a sub-tree).

    Examples:

    >>> v = []
    >>> keras.tree.traverse(v.append, [(1, 2), [3], {"a": 4}], top_down=True)
    [(1, 2), [3], {'a': 4}]
    >>> v
    [[(1, 2), [3], {'a': 4}], (1, 2), 1, 2, [3], 3, {'a': 4}, 4]

    Args:
        func: The function to be applied to each sub-nest of the structure. Top-down: if
            `func(subtree)` is `None` the traversal continues into the sub-tree; otherwise the
            sub-tree is replaced by `func(subtree)` (use `MAP_TO_NONE` to replace it with
            `None`). Bottom-up: if `func(subtree)` is `None` the traversed sub-tree is kept,
            otherwise it is replaced by `func(subtree)`.
        structure: The structure to traverse.
        top_down: If `True`, parent structures will be visited before their children.
            Defaults to `True`.

    Returns:
        The structured output from the traversal.

    Raises:
        TypeError: If `func` is not callable.
    """

    def traverse_children():
        kind = None if structure is None else _kind(structure)
        if kind is None:
            return structure
        return _rebuild(
            structure,
            kind,
            [traverse(func, child, top_down=top_down) for child in _children(structure, kind)],
        )

    if top_down:
        result = func(structure)
        if result is None:
            return traverse_children()
    else:
        traversed = traverse_children()
        result = func(traversed)
        if result is None:
            return traversed
    if result is MAP_TO_NONE:
        return None
    return result


def lists_to_tuples(structure):
    """Returns the structure with list instances changed to tuples.

    Args:
        structure: Arbitrarily nested structure.

    Returns:
        The same structure but with tuples instead of lists.
    """

    def list_to_tuple(instance):
        return tuple(instance) if isinstance(instance, list) else None

    return traverse(list_to_tuple, structure, top_down=False)


def _is_shape_tuple(x):
    return isinstance(x, (list, tuple)) and all(isinstance(e, (int, type(None))) for e in x)


def map_shape_structure(func, structure):
    """Variant of `keras.tree.map_structure` that operates on shape tuples.

    Tuples (and lists) containing only ints and `None`s are considered shapes and passed to
    `func` whole.

    Args:
        func: A callable applied to each shape (and each other leaf).
        structure: Arbitrarily nested structure.

    Returns:
        The same structure with `func` applied.
    """
    if _is_shape_tuple(structure):
        return func(structure)
    kind = None if structure is None else _kind(structure)
    if kind is None:
        return func(structure)
    return _rebuild(
        structure,
        kind,
        [map_shape_structure(func, child) for child in _children(structure, kind)],
    )
