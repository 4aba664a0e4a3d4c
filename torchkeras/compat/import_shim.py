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

import torch

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
    "keras.optimizers.legacy": "torchkeras.compat.legacy_optimizers",
    # tf.keras 2.11+'s "experimental" optimizers are the ones Keras 3 made the default.
    "keras.optimizers.experimental": "torchkeras.optimizers",
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


# Keras paths answered by another module for that exact path only (their submodules are not moved).
EXACT = {
    # tf.keras 2's `K.*` functions on top of Keras 3's backend module.
    "keras.backend": "torchkeras.compat.backend",
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
    if fullname in EXACT:
        return EXACT[fullname]
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


_GRADIENT_RULE = {"pending": False}


def _script_backend():
    """The Keras backend a script asked for: `KERAS_BACKEND`, else ~/.keras/keras.json's."""
    import json
    import os

    backend = os.environ.get("KERAS_BACKEND")
    if backend:
        return backend
    base = os.environ.get("KERAS_HOME") or os.path.join(os.path.expanduser("~"), ".keras")
    try:
        with open(os.path.join(base, "keras.json"), encoding="utf-8") as f:
            return json.load(f).get("backend", "tensorflow")
    except (OSError, ValueError, AttributeError):
        return "tensorflow"


def _apply_gradient_rule(fullname):
    """Pick the autograd rule when the script first imports Keras or TensorFlow.

    A script written for Keras on TensorFlow (or tf.keras, or TensorFlow itself) gets
    TensorFlow's rule: operations are recorded for gradients only under a `GradientTape` and
    inside `fit`/`train_on_batch` (which enable recording themselves), so `model(x).numpy()`
    works. A Keras script that selected the torch backend (`KERAS_BACKEND=torch`) keeps torch's
    rule, as its `loss.backward()` expects. Grad mode is per thread: the importing thread's.
    """
    _GRADIENT_RULE["pending"] = False
    if fullname.split(".", 1)[0] == "keras" and _script_backend() == "torch":
        return
    torch.set_grad_enabled(False)


class KerasImportFinder(importlib.abc.MetaPathFinder):
    """Resolves Keras, tf.keras and tensorflow module paths to torchkeras modules."""

    def find_spec(self, fullname, path=None, target=None):
        target_name = target_module_name(fullname)
        if target_name is None:
            return None
        if _GRADIENT_RULE["pending"]:
            _apply_gradient_rule(fullname)
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
        # The import system will set the alias as an attribute of its parent, which may be a
        # torchkeras module (`keras.layers.core` -> `torchkeras.layers.core = torchkeras.layers`):
        # remember what was there so `uninstall()` puts it back.
        parent_name, _, child = fullname.rpartition(".")
        parent = sys.modules.get(parent_name)
        if parent is not None and (id(parent), child) not in _PARENT_ATTRIBUTES:
            _PARENT_ATTRIBUTES[(id(parent), child)] = (parent, child, getattr(parent, child, _MISSING))
        return importlib.util.spec_from_loader(fullname, _AliasLoader(module))


_FINDER = KerasImportFinder()
_SAVED_MODULES = {}
_SAVED_ATTRIBUTES = {}
_PARENT_ATTRIBUTES = {}
_MISSING = object()
# tf.keras 2 namespaces scripts reach by attribute (`tf.keras.layers.experimental.preprocessing`).
_PRELOADED = (
    "keras.layers.experimental.preprocessing", "keras.optimizers.experimental",
    "keras.utils.np_utils",
)


def install():
    """Make `import keras`, `import tensorflow` and `import tf_keras` import torchkeras."""
    if _FINDER in sys.meta_path:
        return
    for name in list(sys.modules):
        if name.split(".", 1)[0] in ROOTS:
            _SAVED_MODULES[name] = sys.modules.pop(name)
    sys.meta_path.insert(0, _FINDER)
    import torchkeras
    # `from tensorflow.keras import backend as K` reads the attribute: give it tf.keras 2's `K.*`
    # functions too (a superset of torchkeras.backend: every other name is torchkeras.backend's).
    from torchkeras.compat import backend as compat_backend

    _SAVED_ATTRIBUTES["backend"] = torchkeras.backend
    torchkeras.backend = compat_backend
    from torchkeras.saving import saving_api

    saving_api._EXTENSIONLESS_AS_DIRECTORY = True
    for name in _PRELOADED:
        importlib.import_module(name)
    # Forget the aliases the preloading made (the attributes it set stay), so the script's own
    # first `import keras`/`import tensorflow` reaches the finder.
    for name in list(sys.modules):
        if name.split(".", 1)[0] in ROOTS:
            del sys.modules[name]
    # The autograd rule is picked at the script's first Keras/TensorFlow import (see
    # `_apply_gradient_rule`), when its backend choice is known.
    _SAVED_ATTRIBUTES["grad_enabled"] = torch.is_grad_enabled()
    _GRADIENT_RULE["pending"] = True


def uninstall():
    """Undo `install()`: remove the hook and the aliased modules, restore what was there."""
    if _FINDER in sys.meta_path:
        sys.meta_path.remove(_FINDER)
    for name in list(sys.modules):
        if name.split(".", 1)[0] in ROOTS:
            del sys.modules[name]
    sys.modules.update(_SAVED_MODULES)
    _SAVED_MODULES.clear()
    for parent, child, value in reversed(list(_PARENT_ATTRIBUTES.values())):
        if value is _MISSING:
            if hasattr(parent, child):
                delattr(parent, child)
        else:
            setattr(parent, child, value)
    _PARENT_ATTRIBUTES.clear()
    # Then what `install()` set itself (the parents' record may hold those values).
    import torchkeras

    if "backend" in _SAVED_ATTRIBUTES:
        torchkeras.backend = _SAVED_ATTRIBUTES.pop("backend")
    from torchkeras.saving import saving_api

    saving_api._EXTENSIONLESS_AS_DIRECTORY = False
    _GRADIENT_RULE["pending"] = False
    if "grad_enabled" in _SAVED_ATTRIBUTES:
        torch.set_grad_enabled(_SAVED_ATTRIBUTES.pop("grad_enabled"))


def is_installed():
    return _FINDER in sys.meta_path
