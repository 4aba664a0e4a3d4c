"""Reading the CIFAR batch files Keras extracts into its cache."""

import os

from torchkeras.backend.config import image_data_format
from torchkeras.datasets.cache import find_cached
from torchkeras.datasets.cache import keras_home
from torchkeras.datasets.npz_utils import load_pickle


def find_batches_dir(folder, origin, caller):
    """Return the cached folder holding the CIFAR batch files.

    Keras 3 extracts the archive into `<datasets>/<folder>-target/`, so the batches sit in
    `<folder>-target/<folder>/`; tf.keras 2 extracted it straight into `<datasets>/<folder>/`.
    Both layouts are read.
    """
    return find_cached(
        [os.path.join(f"{folder}-target", folder), folder],
        origin=origin,
        caller=caller,
        received=f"keras_home={keras_home()}",
        extract=True,
    )


def load_batch(fpath, label_key="labels"):
    """Read one CIFAR batch file into `(data, labels)`.

    Args:
        fpath: path of the batch file (a pickled dict with bytes keys).
        label_key: key of the labels in that dict. Defaults to `"labels"`.

    Returns:
        A tuple `(data, labels)`: `data` is a `uint8` array of shape `(num_samples, 3, 32, 32)`,
        `labels` the list of integer labels.
    """
    with open(fpath, "rb") as f:
        # The files were pickled by Python 2: keys come back as bytes.
        batch = load_pickle(f, encoding="bytes")
    batch = {key.decode("utf8"): value for key, value in batch.items()}
    data = batch["data"]
    return data.reshape(data.shape[0], 3, 32, 32), batch[label_key]


def to_data_format(x):
    """Move the channels of `(num_samples, 3, 32, 32)` images last if the data format says so."""
    if image_data_format() == "channels_last":
        return x.transpose(0, 2, 3, 1)
    return x
