"""torchkeras.compat: run existing Keras / tf.keras scripts unchanged (opt-in).

`torchkeras.compat.install()` (or `python -m torchkeras run script.py`) makes `import keras`,
`from tensorflow import keras`, `import tf_keras` and the `tensorflow` names Keras scripts use resolve
to torchkeras. Nothing here runs on `import torchkeras`.
"""

from torchkeras.compat.import_shim import install
from torchkeras.compat.import_shim import is_installed
from torchkeras.compat.import_shim import uninstall

__all__ = ["install", "is_installed", "uninstall"]
