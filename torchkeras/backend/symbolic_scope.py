"""`keras.SymbolicScope`: marks the symbolic stage (building on shapes, not data)."""

_CURRENT = [None]


class SymbolicScope:
    """Scope to indicate the symbolic stage.

    Code can test `in_symbolic_scope()` to skip work that only matters on real data. torchkeras
    infers shapes on fake tensors and does not open this scope itself.
    """

    def __enter__(self):
        self.original_scope = _CURRENT[0]
        _CURRENT[0] = self
        return self

    def __exit__(self, *args, **kwargs):
        _CURRENT[0] = self.original_scope


def in_symbolic_scope():
    """Whether a `SymbolicScope` is open."""
    return _CURRENT[0] is not None


def get_symbolic_scope():
    """The innermost open `SymbolicScope`, or `None`."""
    return _CURRENT[0]
