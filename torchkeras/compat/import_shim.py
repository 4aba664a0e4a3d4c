"""The import hook behind `torchkeras.compat.install()`.

A meta-path finder answers `keras`, `tf_keras`, `tensorflow` and their submodules with torchkeras
modules, so an unchanged Keras or tf.keras script imports torchkeras. The mapping is a table: a
Keras path either has a torchkeras module of the same name, or is listed in `MOVED` (paths that moved
between tf.keras 2 and Keras 3).
"""

import importlib
import importlib.abc
import importlib.util
import sys

# Top-level packages the shim answers for, and the torchkeras module each one stands for.
ROOTS = {
    "keras": "torchkeras",
    "tf_keras": "torchkeras",
    "tensorflow": "torchkeras.compat.tensorflow",
}

# Keras paths whose torchkeras module has another name (tf.keras 2 layouts included).
MOVED = {
    "tensorflow.keras": "torchkeras",
    "keras.utils.np_utils": "torchkeras.utils",
    "keras.preprocessing": "torchkeras.utils",
    "keras.preprocessing.sequence": "torchkeras.utils",
    "keras.optimizers.legacy": "torchkeras.optimizers",
    "keras.engine": "torchkeras.models",
    "keras.engine.sequential": "torchkeras.models",
    "keras.engine.training": "torchkeras.models",
    "keras.engine.functional": "torchkeras.models",
    "keras.layers.core": "torchkeras.layers",
    "keras.layers.convolutional": "torchkeras.layers",
    "keras.layers.recurrent": "torchkeras.layers",
    "keras.layers.normalization": "torchkeras.layers",
    "keras.layers.pooling": "torchkeras.layers",
    "keras.layers.merge": "torchkeras.layers",
    "keras.layers.embeddings": "torchkeras.layers",
    "keras.layers.experimental": "torchkeras.layers",
    "keras.layers.experimental.preprocessing": "torchkeras.layers",
    "keras.saving.hdf5_format": "torchkeras.saving",
}


def target_module_name(fullname):
    """The torchkeras module that `fullname` (a Keras/TF module path) stands for, or None."""
    root = fullname.split(".", 1)[0]
    if root not in ROOTS:
        return None
    # `tensorflow.keras...` and `tf_keras...` are `keras...`.
    if fullname == "tensorflow.keras" or fullname.startswith("tensorflow.keras."):
        fullname = "keras" + fullname[len("tensorflow.keras"):]
    elif root == "tf_keras":
        fullname = "keras" + fullname[len("tf_keras"):]
    for moved in sorted(MOVED, key=len, reverse=True):
        if fullname == moved or fullname.startswith(moved + "."):
            return MOVED[moved] + fullname[len(moved):]
    root = fullname.split(".", 1)[0]
    return ROOTS[root] + fullname[len(root):]


class _AliasLoader(importlib.abc.Loader):
    """Hands the import system an existing torchkeras module."""

    def __init__(self, module):
        self._module = module
        self._spec = module.__spec__

    def create_module(self, spec):
        return self._module

    def exec_module(self, module):
        # Keep torchkeras's own spec on the module (the import system stamps the alias's).
        module.__spec__ = self._spec


class KerasImportFinder(importlib.abc.MetaPathFinder):
    """Resolves Keras, tf.keras and tensorflow module paths to torchkeras modules."""

    def find_spec(self, fullname, path=None, target=None):
        target_name = target_module_name(fullname)
        if target_name is None:
            return None
        try:
            module = importlib.import_module(target_name)
        except ModuleNotFoundError as e:
            if e.name is None or not (target_name == e.name or target_name.startswith(e.name + ".")):
                raise
            raise ModuleNotFoundError(
                f"No module named '{fullname}': torchkeras does not provide `{fullname}` "
                f"(looked for `{target_name}`). See compat/DIFFERENCES.md.",
                name=fullname,
            ) from None
        return importlib.util.spec_from_loader(fullname, _AliasLoader(module))


_FINDER = KerasImportFinder()
_SAVED_MODULES = {}


def install():
    """Make `import keras`, `import tensorflow` and `import tf_keras` import torchkeras."""
    if _FINDER in sys.meta_path:
        return
    for name in list(sys.modules):
        if name.split(".", 1)[0] in ROOTS:
            _SAVED_MODULES[name] = sys.modules.pop(name)
    sys.meta_path.insert(0, _FINDER)
    from torchkeras.saving import saving_api

    saving_api._EXTENSIONLESS_AS_DIRECTORY = True


def uninstall():
    """Undo `install()`: remove the hook and the aliased modules, restore what was there."""
    if _FINDER in sys.meta_path:
        sys.meta_path.remove(_FINDER)
    for name in list(sys.modules):
        if name.split(".", 1)[0] in ROOTS:
            del sys.modules[name]
    sys.modules.update(_SAVED_MODULES)
    _SAVED_MODULES.clear()
    from torchkeras.saving import saving_api

    saving_api._EXTENSIONLESS_AS_DIRECTORY = False


def is_installed():
    return _FINDER in sys.meta_path
