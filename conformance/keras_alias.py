"""`import keras` -> torchkeras for the replay runner: the user-facing compat shim, for a block.

While the context manager is active, `torchkeras.compat` answers `keras`, `tf_keras` and
`tensorflow` imports with torchkeras modules, so a plain Keras (or tf.keras) script runs unchanged.
On exit the shim is removed and `sys.modules` is put back as it was.
"""

import contextlib

__all__ = ["keras_alias"]


@contextlib.contextmanager
def keras_alias():
    """Makes `import keras` (and `import tensorflow`) import torchkeras for a block.

    Example:

    ```python
    with keras_alias():
        runpy.run_path("conformance/scripts/readme_first_steps.py")
    ```
    """
    # Imported here: the recorder imports this module under real Keras, without torch.
    from torchkeras import compat

    compat.install()
    try:
        yield
    finally:
        compat.uninstall()
