"""`tf.compat.v2`: the TF 2 namespace, i.e. `tf` itself."""

import importlib


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    return getattr(importlib.import_module("torchkeras.compat.tensorflow"), name)
