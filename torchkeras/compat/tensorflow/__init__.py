"""The part of `tensorflow` that Keras scripts use, on torch (the shim's `import tensorflow`).

`tf.keras` is torchkeras. Any other tf symbol that is not provided raises `NotImplementedError`
naming it.
"""

import torchkeras as keras

__version__ = "2.21.0"


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    raise NotImplementedError(
        f"tf.{name} is not provided by torchkeras.compat. Use the torch or `keras.ops` "
        "equivalent, or see compat/DIFFERENCES.md."
    )
