"""`tf.saved_model.save/load` for Keras models, as a directory in torchkeras's format.

Reading a real TensorFlow SavedModel (graphs, `.pb` files) is not possible without TensorFlow.
"""

import os

from torchkeras.saving import saving_api
from torchkeras.saving import saving_lib


def save(obj, export_dir, signatures=None, options=None):
    """Save a Keras model to the directory `export_dir` (torchkeras's unzipped `.keras` layout)."""
    saving_lib.save_model(obj, export_dir, zipped=False)


def load(export_dir, tags=None, options=None):
    """Load a model saved by `save` (or `model.save("dir")` under the shim)."""
    if os.path.exists(os.path.join(str(export_dir), "saved_model.pb")):
        raise NotImplementedError(
            f"tf.saved_model.load: {export_dir} is a TensorFlow SavedModel. torchkeras cannot "
            "read TensorFlow graphs; re-save the model from Keras as a `.keras` file "
            "(`model.save('model.keras')`) and load that with `keras.saving.load_model`."
        )
    return saving_api.load_model(export_dir)
