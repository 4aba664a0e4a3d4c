"""A temporary `import keras` -> `import torchkeras` alias for the replay runner.

While the context manager is active, a meta-path finder answers `keras` and
`keras.<sub>` with the already-imported `torchkeras` and `torchkeras.<sub>`
module objects, so a plain Keras script runs unchanged. On exit the finder is
removed and `sys.modules` is put back as it was, so nothing outside the replay
sees the alias. (The user-facing drop-in shim lives in `torchkeras.compat`;
this is deliberately smaller and private to the conformance suite.)
"""

import contextlib
import importlib
import importlib.abc
import importlib.util
import sys

SOURCE = "keras"
TARGET = "torchkeras"


def _is_aliased(name):
    return name == SOURCE or name.startswith(SOURCE + ".")


class _AliasLoader(importlib.abc.Loader):
    """Hands the import system an existing module instead of a new one."""

    def __init__(self, module):
        self._module = module
        self._spec = module.__spec__

    def create_module(self, spec):
        return self._module

    def exec_module(self, module):
        # The import system stamps the alias spec onto the module it loaded;
        # put the real one back so torchkeras keeps its own identity.
        module.__spec__ = self._spec


class KerasAliasFinder(importlib.abc.MetaPathFinder):
    """Resolves `keras[.sub]` to `torchkeras[.sub]`."""

    def find_spec(self, fullname, path=None, target=None):
        if not _is_aliased(fullname):
            return None
        target_name = TARGET + fullname[len(SOURCE) :]
        try:
            module = importlib.import_module(target_name)
        except ModuleNotFoundError as exc:
            # Only a missing torchkeras module is reported as the alias's
            # failure; a missing dependency inside torchkeras propagates as is.
            if exc.name is None or not (
                target_name == exc.name
                or target_name.startswith(exc.name + ".")
            ):
                raise
            raise ModuleNotFoundError(
                f"No module named '{target_name}' "
                f"(imported as '{fullname}' by the conformance keras alias)",
                name=fullname,
            ) from None
        return importlib.util.spec_from_loader(fullname, _AliasLoader(module))


@contextlib.contextmanager
def keras_alias():
    """Makes `import keras` import torchkeras for the duration of a block.

    Any `keras` modules already in `sys.modules` (a real Keras, say) are set
    aside for the block and restored afterwards.

    Example:

    ```python
    with keras_alias():
        runpy.run_path("conformance/scripts/readme_first_steps.py")
    ```
    """
    saved = {
        name: module
        for name, module in sys.modules.items()
        if _is_aliased(name)
    }
    for name in saved:
        del sys.modules[name]
    finder = KerasAliasFinder()
    sys.meta_path.insert(0, finder)
    try:
        yield finder
    finally:
        sys.meta_path.remove(finder)
        for name in [n for n in sys.modules if _is_aliased(n)]:
            del sys.modules[name]
        sys.modules.update(saved)
