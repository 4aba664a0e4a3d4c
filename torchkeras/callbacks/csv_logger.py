"""`CSVLogger`: stream the epoch logs to a CSV file."""

import collections
import csv
import os

import numpy as np

from torchkeras.callbacks.callback import Callback


def _csv_value(value):
    """Strings as they are; 1-D iterables (lists, arrays) as `"[a, b]"`; numbers as they are."""
    if isinstance(value, str):
        return value
    if isinstance(value, collections.abc.Iterable) and not (
        isinstance(value, np.ndarray) and value.ndim == 0
    ):
        return f'"[{", ".join(map(str, value))}]"'
    return value


class CSVLogger(Callback):
    """Callback that streams epoch results to a CSV file.

    Supports all values that can be represented as a string, including 1D iterables such as
    `np.ndarray`. The columns are `epoch` and the sorted log names; if the first epoch has no
    validation logs, `val_` columns are added for every name (filled with `NA`).

    Args:
        filename: Filename of the CSV file, e.g. `"run/log.csv"`.
        separator: String used to separate elements in the CSV file. Defaults to `","`.
        append: Boolean. `True`: append if file exists (useful for continuing training).
            `False`: overwrite existing file. Defaults to `False`.

    Example:

    >>> csv_logger = keras.callbacks.CSVLogger("training.log")
    >>> model.fit(x_train, y_train, callbacks=[csv_logger])
    """

    def __init__(self, filename, separator=",", append=False):
        super().__init__()
        self.sep = separator
        self.filename = os.fspath(filename) if isinstance(filename, os.PathLike) else filename
        self.append = append
        self.writer = None
        self.keys = None
        self.append_header = True
        self.csv_file = None

    def on_train_begin(self, logs=None):
        if self.append:
            if os.path.exists(self.filename):
                with open(self.filename, "r") as f:
                    # Write the header only into an empty file.
                    self.append_header = not bool(len(f.readline()))
            mode = "a"
        else:
            mode = "w"
        if self.csv_file and not self.csv_file.closed:
            self.csv_file.close()
        # Opened like Keras (default newline handling), so rows end in "\r\n" as Keras writes them.
        self.csv_file = open(self.filename, mode)
        self.writer = None
        self.keys = None

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        if self.keys is None:
            self.keys = sorted(logs.keys())
            if self.keys and not any(key.startswith("val_") for key in self.keys):
                # Validation may only start later (validation_freq): reserve its columns.
                self.keys.extend([f"val_{key}" for key in self.keys])

        if not self.writer:
            dialect = type("CustomDialect", (csv.excel,), {"delimiter": self.sep})
            self.writer = csv.DictWriter(
                self.csv_file, fieldnames=["epoch"] + (self.keys or []), dialect=dialect
            )
            if self.append_header:
                self.writer.writeheader()

        row = collections.OrderedDict({"epoch": epoch})
        row.update((key, _csv_value(logs.get(key, "NA"))) for key in self.keys)
        self.writer.writerow(row)
        self.csv_file.flush()

    def on_train_end(self, logs=None):
        if self.csv_file and not self.csv_file.closed:
            self.csv_file.close()
        self.writer = None
