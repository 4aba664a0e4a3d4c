"""A save interrupted at any point (an exception, a killed process) leaves the previous complete
file: saves write a temp file in the target directory, fsync it, then `os.replace` it."""

import os
import signal
import subprocess
import sys
import textwrap
import time
import zipfile

import numpy as np
import pytest

import torchkeras as keras
from torchkeras import callbacks as cbks
from torchkeras.saving import saving_lib

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _model(value):
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
    model.set_weights([np.full((3, 2), value, "float32"), np.full((2,), value, "float32")])
    return model


def _only_target(directory, name):
    assert sorted(os.listdir(directory)) == [name]


@pytest.mark.parametrize("name", ["m.keras", "m.weights.h5"])
def test_exception_mid_save_keeps_old_file(tmp_path, monkeypatch, name):
    path = str(tmp_path / name)
    save = (lambda m: m.save(path)) if name.endswith(".keras") else (
        lambda m: m.save_weights(path))
    save(_model(1.0))
    original = open(path, "rb").read()

    calls = []

    def failing_save_state(*args, **kwargs):
        calls.append(1)
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(saving_lib, "_save_own", failing_save_state)
    with pytest.raises(RuntimeError, match="disk on fire"):
        save(_model(2.0))
    assert calls
    monkeypatch.undo()

    # Fails while the archive itself is being written (after the first member).
    if name.endswith(".keras"):
        real_writestr = zipfile.ZipFile.writestr

        def writestr(self, member, data, *args, **kwargs):
            if member == "model.weights.h5":
                raise OSError("no space left on device")
            return real_writestr(self, member, data, *args, **kwargs)

        monkeypatch.setattr(zipfile.ZipFile, "writestr", writestr)
        with pytest.raises(OSError, match="no space left"):
            save(_model(2.0))
        monkeypatch.undo()
    assert open(path, "rb").read() == original
    _only_target(tmp_path, name)
    model = _model(0.0)
    if name.endswith(".keras"):
        model = keras.saving.load_model(path)
    else:
        model.load_weights(path)
    np.testing.assert_array_equal(model.layers[0].kernel.numpy(), np.ones((3, 2)))


def test_exception_mid_backup_keeps_old_backup(tmp_path, monkeypatch):
    x, y = np.ones((4, 3), "float32"), np.ones((4, 2), "float32")
    model = _model(1.0)
    model.compile("sgd", "mse")
    backup_dir = tmp_path / "b"
    backup = cbks.BackupAndRestore(backup_dir, delete_checkpoint=False)
    model.fit(x, y, epochs=1, verbose=0, callbacks=[backup])
    original = (backup_dir / "latest.weights.h5").read_bytes()

    def failing_save_state(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(saving_lib, "_save_own", failing_save_state)
    with pytest.raises(RuntimeError, match="disk on fire"):
        model.fit(x, y, epochs=3, verbose=0, callbacks=[backup])
    assert (backup_dir / "latest.weights.h5").read_bytes() == original
    assert sorted(os.listdir(backup_dir)) == ["latest.weights.h5", "training_metadata.json"]


def test_new_file_gets_default_permissions(tmp_path):
    path = tmp_path / "m.weights.h5"
    _model(1.0).save_weights(str(path))
    umask = os.umask(0)
    os.umask(umask)
    assert os.stat(path).st_mode & 0o777 == 0o666 & ~umask


_CHILD = textwrap.dedent("""
    import sys, numpy as np
    sys.path.insert(0, {repo!r})
    import torchkeras as keras
    model = keras.Sequential([keras.Input((256,)), keras.layers.Dense(1024)])
    i = 0
    while True:
        i += 1
        model.set_weights([np.full((256, 1024), i, "float32"), np.full((1024,), i, "float32")])
        model.save({keras_path!r})
        model.save_weights({weights_path!r})
        print(i, flush=True)
""")


def test_killed_process_leaves_complete_files(tmp_path):
    keras_path, weights_path = str(tmp_path / "m.keras"), str(tmp_path / "m.weights.h5")
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD.format(repo=REPO, keras_path=keras_path,
                                             weights_path=weights_path)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert child.stdout.readline() == "1\n"
        for delay in (0.0, 0.013, 0.029):
            # Kill at various points of the save loop: each file is always a complete one.
            child.stdout.readline()
            time.sleep(delay)
            os.kill(child.pid, signal.SIGSTOP)
            for path in (keras_path, weights_path):
                model = keras.Sequential([keras.Input((256,)), keras.layers.Dense(1024)])
                if path.endswith(".keras"):
                    model = keras.saving.load_model(path)
                else:
                    model.load_weights(path)
                kernel, bias = model.get_weights()
                assert kernel.min() == kernel.max() == bias[0] >= 1
            os.kill(child.pid, signal.SIGCONT)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
    for path in (keras_path, weights_path):
        model = keras.Sequential([keras.Input((256,)), keras.layers.Dense(1024)])
        if path.endswith(".keras"):
            model = keras.saving.load_model(path)
        else:
            model.load_weights(path)
        kernel, bias = model.get_weights()
        assert kernel.min() == kernel.max() == bias[0] >= 1
    # At most the interrupted temp file is left next to them.
    stray = [n for n in os.listdir(tmp_path) if n not in ("m.keras", "m.weights.h5")]
    assert len(stray) <= 1 and all(n.endswith(".tmp") for n in stray)
