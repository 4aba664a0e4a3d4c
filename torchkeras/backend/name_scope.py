"""`keras.name_scope`: a sub-namespace for the paths of layers and their variables."""

# The open scopes, outermost first (shared with the layers' own build scopes).
_STACK = []


class name_scope:
    """Creates a sub-namespace for variable paths.

    Layers built inside the block get paths (and their variables' paths) under it, e.g.
    `"block1/dense/kernel"`.

    Args:
        name: Name of the current scope (string, without `/`).
        caller: Optional caller object (e.g. class instance).
        deduplicate: If `True`, if `caller` was passed, and the previous caller matches the
            current caller, and the previous name matches the current name, do not reenter a
            new namespace. Defaults to `True`.
        override_parent: Can be used to provide an absolute path which would override any
            previously opened name scopes.
    """

    def __init__(self, name, caller=None, deduplicate=True, override_parent=None):
        if not isinstance(name, str) or "/" in name:
            raise ValueError(
                "Argument `name` must be a string and cannot contain character `/`. "
                f"Received: name={name}"
            )
        self.name = name
        self.caller = caller
        self.deduplicate = deduplicate
        self.override_parent = override_parent
        self._pop_on_exit = False
        self._pushed = 0

    def __enter__(self):
        from torchkeras.layers import layer as layer_lib

        stack = layer_lib._NAME_SCOPE
        if self.deduplicate and _STACK:
            parent = _STACK[-1]
            if self.caller is not None and self.caller is parent.caller and (
                self.name == parent.name
            ):
                return self
        # Layers build under `"/".join(_NAME_SCOPE)`: push this scope's parts there.
        parts = [self.name]
        if self.override_parent is not None:
            self._saved = list(stack)
            stack.clear()
            parts = [p for p in self.override_parent.split("/") if p] + parts
        stack.extend(parts)
        self._pushed = len(parts)
        _STACK.append(self)
        self._pop_on_exit = True
        return self

    def __exit__(self, *args, **kwargs):
        if not self._pop_on_exit:
            return
        from torchkeras.layers import layer as layer_lib

        stack = layer_lib._NAME_SCOPE
        del stack[len(stack) - self._pushed:]
        if self.override_parent is not None:
            stack[:0] = self._saved
        _STACK.pop()
        self._pop_on_exit = False


def current_path():
    """The path of the open name scopes, e.g. `"outer/inner"` (`""` outside any scope)."""
    from torchkeras.layers import layer as layer_lib

    return "/".join(layer_lib._NAME_SCOPE)
