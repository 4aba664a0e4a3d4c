"""`keras.optimizers.legacy`: tf.keras 2's legacy optimizers (`lr=`, `decay=`) on torchkeras.

Keras 3 keeps the names but refuses to build them; torchkeras provides them, so a tf.keras 2
script runs unchanged. See `torchkeras.compat.legacy_optimizers`.
"""

from torchkeras.compat.legacy_optimizers import *  # noqa: F401,F403
from torchkeras.compat.legacy_optimizers import __all__  # noqa: F401
