"""`keras.preprocessing` under the shim: the tf.keras 2 / Keras 3 paths of the sequence utilities.

Keras 3 keeps `keras.preprocessing.sequence.pad_sequences` as an alias of
`keras.utils.pad_sequences`; tf.keras 2 scripts use it a lot. torchkeras has no `preprocessing`
namespace of its own, so the shim provides this one.
"""

from torchkeras.compat.preprocessing import sequence

__all__ = ["sequence"]
