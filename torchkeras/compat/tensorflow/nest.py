"""`tf.nest`: flatten and rebuild nested structures (lists, tuples, dicts) of tensors."""

from torchkeras.utils import tree


def flatten(structure, expand_composites=False):
    return tree.flatten(structure)


def is_nested(seq):
    return tree.is_nested(seq)


def map_structure(func, *structure, **kwargs):
    """Apply `func` to the matching leaves of one or more structures of the same nesting."""
    if len(structure) == 1:
        return tree.map_structure(func, structure[0])
    for other in structure[1:]:
        assert_same_structure(structure[0], other)
    flats = [tree.flatten(s) for s in structure]
    return tree.pack_sequence_as(structure[0], [func(*leaves) for leaves in zip(*flats)])


def pack_sequence_as(structure, flat_sequence, expand_composites=False):
    return tree.pack_sequence_as(structure, flat_sequence)


def _shape_of(structure):
    if isinstance(structure, dict):
        return ("dict", tuple(sorted(structure)), tuple(_shape_of(structure[k])
                                                        for k in sorted(structure)))
    if isinstance(structure, (list, tuple)):
        return (type(structure).__name__ if hasattr(structure, "_fields") else "seq",
                tuple(_shape_of(s) for s in structure))
    return None


def assert_same_structure(nest1, nest2, check_types=True, expand_composites=False):
    if _shape_of(nest1) != _shape_of(nest2):
        raise ValueError(
            "The two structures don't have the same nested structure.\n\n"
            f"First structure: {nest1}\n\nSecond structure: {nest2}"
        )


__all__ = ["assert_same_structure", "flatten", "is_nested", "map_structure", "pack_sequence_as"]
