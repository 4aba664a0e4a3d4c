"""keras.tree against Keras 3.15.1 (optree implementation): every expected value and message below
was printed by real Keras 3.15.1 in the reference environment."""

import collections
import time

import numpy as np
import pytest

from torchkeras import tree

P = collections.namedtuple("P", ["x", "y"])


def _mixed():
    od = collections.OrderedDict([("b", 1), ("a", 2)])
    dd = collections.defaultdict(list, {"b": 1, "a": 2})
    return {"b": [1, (2, None)], "a": P(3, {"z": 4, "y": 5}), "c": od,
            "d": collections.deque([1, 2]), "e": dd}


def test_flatten():
    # from keras 3.15.1
    assert tree.flatten(_mixed()) == [3, 5, 4, 1, 2, None, 1, 2, 1, 2, 2, 1]
    assert tree.flatten(None) == [None]
    assert tree.flatten([]) == []
    assert tree.flatten({"a": [], "b": {}}) == []
    assert tree.flatten({100: "world!", 6: "Hello"}) == ["Hello", "world!"]
    assert tree.flatten({1: "a", "b": 2}) == ["a", 2]
    assert tree.flatten({1: "a", "b": 2, 0: 3}) == [3, "a", 2]
    assert tree.flatten({1, 2}) == [{1, 2}]
    assert tree.flatten("abc") == ["abc"]
    assert tree.flatten(type("L", (list,), {})([1, 2])) == [[1, 2]]
    assert tree.flatten(time.gmtime(0))[:3] == [1970, 1, 1]


def test_flatten_with_path():
    # from keras 3.15.1
    assert tree.flatten_with_path(_mixed()) == [
        (("a", 0), 3), (("a", 1, "y"), 5), (("a", 1, "z"), 4), (("b", 0), 1),
        (("b", 1, 0), 2), (("b", 1, 1), None), (("c", "b"), 1), (("c", "a"), 2),
        (("d", 0), 1), (("d", 1), 2), (("e", "a"), 2), (("e", "b"), 1)]
    assert tree.flatten_with_path(3) == [((), 3)]
    assert tree.flatten_with_path(collections.namedtuple("Q", ["b", "a"])(1, 2)) == [
        ((0,), 1), ((1,), 2)]


def test_is_nested():
    values = (1, None, [], (), {}, collections.OrderedDict(), collections.deque(), P(1, 2),
              "ab", np.zeros(2), {1}, type("L", (list,), {})([1]))
    # from keras 3.15.1
    assert [tree.is_nested(v) for v in values] == [
        False, False, True, True, True, True, True, True, False, False, False, False]


def test_map_structure():
    out = tree.map_structure(lambda v: v if v is None else v * 10, _mixed())
    # from keras 3.15.1 (types and key orders kept)
    assert repr(out) == (
        "{'b': [10, (20, None)], 'a': P(x=30, y={'z': 40, 'y': 50}), "
        "'c': OrderedDict([('b', 10), ('a', 20)]), 'd': deque([10, 20]), "
        "'e': defaultdict(<class 'list'>, {'b': 10, 'a': 20})}")
    assert tree.map_structure(lambda a, b: (a, b), [1, {"x": 2}], [3, {"x": 4}]) == [
        (1, 3), {"x": (2, 4)}]
    assert tree.map_structure(lambda a: a * 2, [1, None, (None, 3)], none_is_leaf=False) == [
        2, None, (None, 6)]
    assert tree.map_structure(lambda a: a * 2, None, none_is_leaf=False) is None
    od = collections.OrderedDict([("b", 1), ("a", 2)])
    assert repr(tree.map_structure(lambda a, b: a + b, od, {"a": 1, "b": 2})) == (
        "OrderedDict([('b', 3), ('a', 3)])")
    assert tree.map_structure(lambda a, b: a + b, {"a": 1, "b": 2}, od) == {"a": 3, "b": 3}
    assert repr(tree.map_structure(lambda a: a + 1, collections.deque([1, 2], maxlen=3))) == (
        "deque([2, 3], maxlen=3)")
    assert tree.map_structure(len, "abc") == 3
    assert tree.map_structure(lambda a: a, [[], {}, ()]) == [[], {}, ()]


@pytest.mark.parametrize("a, b, message", [
    # from keras 3.15.1
    ([1, 2], (1, 2), "Expected an instance of list, got (1, 2)."),
    ([1, 2], [1, 2, 3], "list arity mismatch; expected: 2, got: 3; list: [1, 2, 3]."),
    ({"a": 1}, {"b": 1}, "dictionary key mismatch; expected key(s): ['a'], got key(s): ['b'], "
                         "missing key(s): ['a'], extra key(s): ['b']; dict: {'b': 1}."),
    ([1, 2], [1, [2]], "Structures don't have the same nested structure."),
    ([1, [2]], [1, 2], "Expected an instance of list, got 2."),
    (P(1, 2), (1, 2), "Expected an instance of collections.namedtuple, got (1, 2)."),
])
def test_map_structure_mismatch(a, b, message):
    with pytest.raises(ValueError) as info:
        tree.map_structure(lambda x, y: x, a, b)
    assert str(info.value) == message


def test_map_structure_errors():
    # from keras 3.15.1
    with pytest.raises(ValueError, match="^Expected None, got 2.$"):
        tree.map_structure(lambda a, b: 1, [1, None], [None, 2], none_is_leaf=False)
    with pytest.raises(ValueError, match="^Must provide at least one structure$"):
        tree.map_structure(lambda a: a)
    with pytest.raises(TypeError, match="'int' object is not callable"):
        tree.map_structure(3, [1])


def test_map_structure_up_to():
    structure = [[1, 1], [2, 2]]
    # The documented results (Keras 3.15.1's optree path raises on `None` placeholders; see
    # compat/DIFFERENCES.md).
    assert tree.map_structure_up_to([None, None], len, structure) == [2, 2]
    assert tree.map_structure_up_to([None, [None, None]], str, structure) == [
        "[1, 1]", ["2", "2"]]
    # from keras 3.15.1
    assert tree.map_structure_up_to([0, [0, 0]], str, structure) == ["[1, 1]", ["2", "2"]]
    assert tree.map_structure_up_to([0, 0], lambda a, b: (a, b), structure, [3, [4]]) == [
        ([1, 1], 3), ([2, 2], [4])]
    assert tree.map_structure_up_to({"a": 0, "b": 0}, len, {"b": [1], "a": [1, 2]}) == {
        "a": 2, "b": 1}
    assert tree.map_structure_up_to([0, 0], len, [[1, 1], (2, 2)]) == [2, 2]
    assert tree.map_structure_up_to(0, len, [1]) == 1
    with pytest.raises(ValueError, match=r"^Expected an instance of list, got 2\.$"):
        tree.map_structure_up_to([0, [0, 0]], str, [[1, 1], 2])
    with pytest.raises(ValueError, match="^Must provide at least one structure$"):
        tree.map_structure_up_to([0], str)


@pytest.mark.parametrize("a, b, message", [
    # from keras 3.15.1
    ([0, 1], (0, 1), "Expected an instance of list, got (0, 1)."),
    ([], (), "Expected an instance of list, got ()."),
    ((1,), [1], "Expected an instance of tuple, got [1]."),
    (collections.deque([1]), [1], "Expected an instance of collections.deque, got [1]."),
    ({"a": 1}, [1], "Expected an instance of dict, collections.OrderedDict, or "
                    "collections.defaultdict, got [1]."),
    ([0, 1], [0, [1]], "Structures don't have the same nested structure."),
    ([0, [1]], [0, 1], "Expected an instance of list, got 1."),
    ([0, 1], [0], "list arity mismatch; expected: 2, got: 1; list: [0]."),
    ((1, 2), (1,), "tuple arity mismatch; expected: 2, got: 1; tuple: (1,)."),
    (collections.deque([1]), collections.deque([1, 2]),
     "deque arity mismatch; expected: 1, got: 2; deque: deque([1, 2])."),
    ({"a": 1, "b": 2}, {"a": 1}, "dictionary key mismatch; expected key(s): ['a', 'b'], "
                                 "got key(s): ['a'], missing key(s): ['b']; dict: {'a': 1}."),
    (collections.OrderedDict(a=1), collections.OrderedDict(b=1),
     "dictionary key mismatch; expected key(s): ['a'], got key(s): ['b'], missing key(s): "
     "['a'], extra key(s): ['b']; OrderedDict: OrderedDict([('b', 1)])."),
    (None, [1], "Structures don't have the same nested structure."),
])
def test_assert_same_structure_errors(a, b, message):
    with pytest.raises(ValueError) as info:
        tree.assert_same_structure(a, b)
    assert str(info.value) == message


def test_assert_same_structure():
    tree.assert_same_structure([(0, 1)], [(2, 3)])
    tree.assert_same_structure({"a": 1, "b": 2}, collections.OrderedDict([("b", 1), ("a", 2)]))
    tree.assert_same_structure([None], [1])
    tree.assert_same_structure(1, "a")
    other_p = collections.namedtuple("P", ["x", "y"])
    with pytest.raises(ValueError, match="^namedtuple type mismatch; expected type: "):
        tree.assert_same_structure(P(0, 1), other_p(2, 3))
    with pytest.warns(DeprecationWarning, match="no longer has any effect, please remove"):
        tree.assert_same_structure([1], [2], check_types=True)
    with pytest.warns(DeprecationWarning, match="For a looser check"):
        tree.assert_same_structure([1], [2], check_types=False)


def test_assert_same_paths():
    tree.assert_same_paths([0, 1], (2, 3))
    tree.assert_same_paths({"a": [1, 2]}, {"a": (1, 2)})
    tree.assert_same_paths(P(0, 1), collections.namedtuple("Q", ["x", "y"])(2, 3))
    # from keras 3.15.1
    with pytest.raises(ValueError) as info:
        tree.assert_same_paths([0, 1], {"a": 1})
    assert str(info.value) == (
        "`a` and `b` don't have the same paths.\nPaths in `a` missing in `b`:\n{(0,), (1,)}\n"
        "Paths in `b` missing in `a`:\n{('a',)}")
    with pytest.raises(ValueError) as info:
        tree.assert_same_paths([[1]], [1])
    assert str(info.value) == (
        "`a` and `b` don't have the same paths.\nPaths in `a` missing in `b`:\n{(0, 0)}\n"
        "Paths in `b` missing in `a`:\n{(0,)}")


def test_pack_sequence_as():
    # from keras 3.15.1
    structure = {"key3": {"c": ("alpha", "beta"), "a": ("gamma")},
                 "key1": {"e": "val1", "d": "val2"}}
    assert tree.pack_sequence_as(structure, ["val2", "val1", 3.0, 1.0, 2.0]) == {
        "key3": {"c": (1.0, 2.0), "a": 3.0}, "key1": {"e": "val1", "d": "val2"}}
    od = collections.OrderedDict([("b", 1), ("a", 2)])
    assert repr(tree.pack_sequence_as(od, [10, 20])) == "OrderedDict([('b', 10), ('a', 20)])"
    dd = collections.defaultdict(list, {"b": 1, "a": 2})
    assert repr(tree.pack_sequence_as(dd, [10, 20])) == (
        "defaultdict(<class 'list'>, {'b': 20, 'a': 10})")
    assert repr(tree.pack_sequence_as(collections.deque([1, 2], maxlen=5), [10, 20])) == (
        "deque([10, 20], maxlen=5)")
    assert tree.pack_sequence_as(P(1, [2]), [10, 20]) == P(10, [20])
    assert tree.pack_sequence_as(1, [10]) == 10
    assert tree.pack_sequence_as([None, 1], [5, 6]) == [5, 6]
    assert tree.pack_sequence_as([1, 2], (5, 6)) == [5, 6]
    assert tree.pack_sequence_as([1, 2], iter([3, 4])) == [3, 4]
    assert tree.pack_sequence_as([], []) == []


def test_pack_sequence_as_errors():
    # from keras 3.15.1
    with pytest.raises(ValueError, match=r"^Too many leaves for PyTreeSpec; expected: 1\.$"):
        tree.pack_sequence_as(1, [10, 20])
    with pytest.raises(ValueError, match=r"^Too few leaves for PyTreeSpec; expected: 2, got: 1\.$"):
        tree.pack_sequence_as([1, 2], [10])
    with pytest.raises(ValueError, match=r"^Too many leaves for PyTreeSpec; expected: 2\.$"):
        tree.pack_sequence_as([1, 2], [10, 20, 30])
    # Keras's text here is optree's binding error; ours names the argument.
    with pytest.raises(TypeError, match="`flat_sequence` must be an iterable of leaves"):
        tree.pack_sequence_as([1, 2], 5)


def test_traverse():
    # from keras 3.15.1
    visited = []
    structure = [(1, 2), [3], {"a": 4}]
    assert tree.traverse(visited.append, structure, top_down=True) == structure
    assert visited == [[(1, 2), [3], {"a": 4}], (1, 2), 1, 2, [3], 3, {"a": 4}, 4]
    visited = []
    assert tree.traverse(visited.append, structure, top_down=False) == structure
    assert visited == [1, 2, (1, 2), 3, [3], 4, {"a": 4}, [(1, 2), [3], {"a": 4}]]
    to_none = lambda x: tree.MAP_TO_NONE if isinstance(x, tuple) else None  # noqa: E731
    assert tree.traverse(to_none, [(1, 2), [3]]) == [None, [3]]
    replace = lambda x: "X" if isinstance(x, list) and len(x) == 1 else None  # noqa: E731
    assert tree.traverse(replace, [(1, 2), [3]]) == [(1, 2), "X"]
    double = lambda x: x * 2 if isinstance(x, int) else None  # noqa: E731
    assert tree.traverse(double, [(1, 2), [3]], top_down=False) == [(2, 4), [6]]
    assert list(tree.traverse(lambda x: None, {"b": 1, "a": 2})) == ["b", "a"]
    assert tree.traverse(lambda x: None, 5) == 5
    assert tree.traverse(lambda x: 7, 5) == 7
    assert tree.traverse(lambda x: tree.MAP_TO_NONE, 5) is None
    with pytest.raises(TypeError, match="'int' object is not callable"):
        tree.traverse(3, [1])


def test_lists_to_tuples():
    # from keras 3.15.1
    assert tree.lists_to_tuples([1, [2, {"a": [3]}], (4, [5])]) == (1, (2, {"a": (3,)}), (4, (5,)))
    assert tree.lists_to_tuples(P([1], 2)) == P((1,), 2)


def test_map_shape_structure():
    mark = lambda s: ("S", s)  # noqa: E731
    # from keras 3.15.1
    assert tree.map_shape_structure(
        mark, {"a": (None, 3), "b": [(1, 2), [4]], "c": [], "d": None}) == {
        "a": ("S", (None, 3)), "b": [("S", (1, 2)), ("S", [4])], "c": ("S", []),
        "d": ("S", None)}
    assert tree.map_shape_structure(mark, 3) == ("S", 3)
    assert tree.map_shape_structure(lambda s: 0, [(1, [2])]) == [(0, 0)]
    assert tree.map_shape_structure(lambda s: 0, ()) == 0
