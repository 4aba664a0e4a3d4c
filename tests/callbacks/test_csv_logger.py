"""CSVLogger: the bytes Keras writes (header, NA for missing val_ columns, append, separator)."""

import numpy as np

from torchkeras import callbacks as cbks


def test_file_content_matches_keras(fakes, tmp_path):
    path = tmp_path / "log.csv"
    fakes.run_epochs(
        cbks.CSVLogger(path),
        fakes.Model(),
        [
            {"loss": 0.5, "acc": 0.25},
            {"loss": 0.25, "acc": 0.5, "val_loss": 0.75, "val_acc": 0.125},
        ],
    )
    # from keras 3.15.1 (same driver): val_ columns reserved from epoch 0, rows end in "\r\n".
    first = b"epoch,acc,loss,val_acc,val_loss\r\n0,0.25,0.5,NA,NA\r\n1,0.5,0.25,0.125,0.75\r\n"
    assert path.read_bytes() == first

    fakes.run_epochs(
        cbks.CSVLogger(path, separator=";", append=True),
        fakes.Model(),
        [{"loss": 0.125, "acc": 0.75, "val_loss": 1.0, "val_acc": 0.0, "lst": [1, 2]}],
    )
    # from keras 3.15.1: no second header in a non-empty file; lists quoted as "[1, 2]".
    assert path.read_bytes() == first + b'0;0.75;0.125;"""[1, 2]""";0.0;1.0\r\n'


def test_append_to_new_file_writes_header_and_arrays(fakes, tmp_path):
    path = tmp_path / "log2.csv"
    logs = {"val_loss": 0.5, "loss": 0.30000001192092896, "arr": np.array([0.5, 1.5])}
    fakes.run_epochs(cbks.CSVLogger(str(path), append=True), fakes.Model(), [logs])
    # from keras 3.15.1
    assert path.read_bytes() == (
        b'epoch,arr,loss,val_loss\r\n0,"""[0.5, 1.5]""",0.30000001192092896,0.5\r\n'
    )


def test_file_is_closed_at_train_end_and_reopened(fakes, tmp_path):
    path = tmp_path / "log.csv"
    logger = cbks.CSVLogger(path)
    fakes.run_epochs(logger, fakes.Model(), [{"loss": 1.0}])
    assert logger.csv_file.closed and logger.writer is None
    fakes.run_epochs(logger, fakes.Model(), [{"loss": 2.0}])  # append=False: overwritten
    assert path.read_bytes() == b"epoch,loss,val_loss\r\n0,2.0,NA\r\n"
