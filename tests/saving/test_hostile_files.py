"""Loading hostile or broken files: nothing is written, imported, read or allocated that the
file asks for; every case gives a clear error."""

import json
import os
import sys
import zipfile

import h5py
import numpy as np
import pytest

import torchkeras as keras
from torchkeras.saving import file_utils
from torchkeras.saving import saving_lib

NOT_VALID = r"not a valid \.keras file \(corrupt or truncated\)"


@pytest.fixture
def model_path(tmp_path):
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
    path = str(tmp_path / "m.keras")
    model.save(path)
    return path


@pytest.fixture
def load_cap():
    previous = file_utils.get_max_load_bytes()
    yield
    file_utils.set_max_load_bytes(previous)


def _members(path):
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def _write(path, members, compression=zipfile.ZIP_STORED):
    with zipfile.ZipFile(path, "w", compression=compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def _edit_config(path, edit):
    members = _members(path)
    config = json.loads(members["config.json"])
    edit(config)
    members["config.json"] = json.dumps(config)
    _write(path, members)


def _load_error(path, error=(ValueError, TypeError), **kwargs):
    with pytest.raises(error) as info:
        keras.saving.load_model(path, **kwargs)
    return str(info.value)


# -- the archive -----------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["../evil.txt", "/tmp/evil.txt", "..\\evil.txt",
                                  "assets/../../evil.txt", "C:/evil.txt"])
def test_member_outside_archive_refused(model_path, tmp_path, name):
    members = _members(model_path)
    members[name] = b"pwned"
    _write(model_path, members)
    before = sorted(os.listdir(tmp_path)) + sorted(os.listdir(tmp_path.parent))
    message = _load_error(model_path)
    assert message.startswith(
        f"Not allowed: ZIP member with a path outside the archive: '{name}'. A .keras file "
        "holds only relative member names."
    )
    assert sorted(os.listdir(tmp_path)) + sorted(os.listdir(tmp_path.parent)) == before
    with pytest.raises(ValueError, match="Not allowed: ZIP member with a path outside"):
        keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)]).load_weights(model_path)


def test_decompression_bomb_refused_before_inflating(model_path, monkeypatch):
    members = _members(model_path)
    members["config.json"] = members["config.json"] + b" " * (1 << 20)
    _write(model_path, members, compression=zipfile.ZIP_DEFLATED)
    # A floor of 1 KiB instead of 1 GiB: the member declares ~1000x what it stores.
    monkeypatch.setattr(saving_lib, "_ZIP_MEMBER_BOMB_FLOOR_BYTES", 1024)

    def no_read(*args, **kwargs):
        raise AssertionError("inflated")

    monkeypatch.setattr(zipfile.ZipFile, "read", no_read)
    assert "refusing to load a potential decompression bomb." in _load_error(model_path)


def test_member_over_cap_refused(model_path, load_cap):
    size = len(_members(model_path)["config.json"])
    file_utils.set_max_load_bytes(size - 1)
    assert _load_error(model_path).startswith(
        f"Not allowed: ZIP member 'config.json' declares {size} bytes, more than the limit of "
        f"{size - 1} bytes; refusing to load it. If you trust this file, raise the limit with "
        "`torchkeras.saving.file_utils.set_max_load_bytes()`."
    )
    file_utils.set_max_load_bytes(1 << 36)
    keras.saving.load_model(model_path)


def test_dataset_over_cap_refused(tmp_path, load_cap):
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
    path = str(tmp_path / "w.weights.h5")
    model.save_weights(path)
    file_utils.set_max_load_bytes(20)  # the (3, 2) float32 kernel is 24 bytes
    with pytest.raises(ValueError, match=r"Not allowed: H5 dataset '0' declares 24 bytes, more "
                                         r"than the limit of 20 bytes"):
        model.load_weights(path)


def test_set_max_load_bytes_errors(load_cap):
    with pytest.raises(TypeError, match=r"^set_max_load_bytes\(\): `num_bytes` must be an "
                                        r"integer. Received: num_bytes=1.5 of type"):
        file_utils.set_max_load_bytes(1.5)
    with pytest.raises(ValueError, match=r"^set_max_load_bytes\(\): `num_bytes` must be a "
                                         r"positive integer. Received: num_bytes=0$"):
        file_utils.set_max_load_bytes(0)


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04", os.urandom(2048)])
def test_empty_and_random_files(tmp_path, content):
    path = tmp_path / "bad.keras"
    path.write_bytes(content)
    with pytest.raises(ValueError, match=NOT_VALID):
        keras.saving.load_model(path)


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, 0.99])
def test_truncated_files(model_path, keep):
    with open(model_path, "rb") as f:
        data = f.read()
    with open(model_path, "wb") as f:
        f.write(data[: int(len(data) * keep)])
    with pytest.raises(ValueError, match=NOT_VALID):
        keras.saving.load_model(model_path)


@pytest.mark.parametrize("member,content", [("config.json", b"\xff{not json"),
                                            ("model.weights.h5", os.urandom(512))])
def test_random_bytes_members(model_path, member, content):
    members = _members(model_path)
    members[member] = content
    _write(model_path, members)
    with pytest.raises(ValueError, match=NOT_VALID):
        keras.saving.load_model(model_path)


def test_missing_file_is_file_not_found(tmp_path):
    with pytest.raises((FileNotFoundError, ValueError)) as info:
        keras.saving.load_model(tmp_path / "nothing.keras")
    assert "corrupt" not in str(info.value)


# -- the weights -----------------------------------------------------------------------------
def _with_weights(path, tmp_path, edit):
    members = _members(path)
    h5_path = tmp_path / "w.h5"
    h5_path.write_bytes(members["model.weights.h5"])
    with h5py.File(h5_path, "a") as f:
        edit(f, tmp_path)
    members["model.weights.h5"] = h5_path.read_bytes()
    _write(path, members)


def _external_link(f, tmp_path):
    other = tmp_path / "other.h5"
    with h5py.File(other, "w") as g:
        g.create_dataset("x", data=np.ones((3, 2), "float32"))
    del f["layers/dense/vars/0"]
    f["layers/dense/vars/0"] = h5py.ExternalLink(str(other), "/x")


def _external_storage(f, tmp_path):
    raw = tmp_path / "raw.bin"
    raw.write_bytes(np.ones((3, 2), "float32").tobytes())
    del f["layers/dense/vars/0"]
    f["layers/dense/vars"].create_dataset("0", shape=(3, 2), dtype="float32",
                                          external=[(str(raw), 0, 24)])


def _virtual(f, tmp_path):
    other = tmp_path / "source.h5"
    with h5py.File(other, "w") as g:
        g.create_dataset("x", data=np.ones((3, 2), "float32"))
    layout = h5py.VirtualLayout(shape=(3, 2), dtype="float32")
    layout[:] = h5py.VirtualSource(str(other), "x", shape=(3, 2))
    del f["layers/dense/vars/0"]
    f["layers/dense/vars"].create_virtual_dataset("0", layout)


def _shape_bomb(f, tmp_path):
    del f["layers/dense/vars/0"]
    # Declares 4 TiB, stores nothing (chunked, never written).
    f["layers/dense/vars"].create_dataset("0", shape=(1 << 20, 1 << 20), dtype="float32",
                                          chunks=(1, 1024))


@pytest.mark.parametrize("edit,message", [
    (_external_link, "Not allowed: H5 file with ExternalLink"),
    (_external_storage, "Not allowed: H5 file with external Dataset"),
    (_virtual, "Not allowed: H5 file with virtual Dataset"),
    (_shape_bomb, "Not allowed: H5 dataset '0' declares 4398046511104 bytes"),
])
def test_hostile_weights_refused(model_path, tmp_path, edit, message):
    _with_weights(model_path, tmp_path, edit)
    assert message in _load_error(model_path)


def test_stored_shape_disagreeing_is_refused_before_reading(tmp_path, monkeypatch):
    from torchkeras.saving import weights_h5

    big = keras.Sequential([keras.Input((5,)), keras.layers.Dense(4)])
    path = str(tmp_path / "w.weights.h5")
    big.save_weights(path)
    small = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
    before = small.layers[0].kernel.numpy().copy()

    def no_read(*args, **kwargs):
        raise AssertionError("read")

    monkeypatch.setattr(weights_h5, "_read_dataset", no_read)
    with pytest.raises(ValueError) as info:
        small.load_weights(path)
    message = str(info.value)
    assert "<Dense name=dense" in message or "dense" in message
    assert "variable.shape=(3, 2), Received: value.shape=(5, 4)" in message
    monkeypatch.undo()
    with pytest.warns(UserWarning, match=r"variable.shape=\(3, 2\), Received: "
                                         r"value.shape=\(5, 4\)"):
        small.load_weights(path, skip_mismatch=True)
    np.testing.assert_array_equal(small.layers[0].kernel.numpy(), before)


# -- the config ------------------------------------------------------------------------------
def test_missing_custom_class_first_line(model_path):
    def edit(config):
        config["config"]["layers"][1].update(module=None, class_name="MyBlock",
                                             registered_name="my_package>MyBlock")
    _edit_config(model_path, edit)
    first_line = _load_error(model_path).splitlines()[0]
    assert "MyBlock" in first_line and "register_keras_serializable" in first_line


def test_module_string_never_imports(model_path, tmp_path, monkeypatch):
    marker = tmp_path / "imported"
    (tmp_path / "evil_module_h19.py").write_text(
        f"open({str(marker)!r}, 'w').close()\nclass Evil: pass\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))

    def edit(config):
        config["config"]["layers"][1].update(module="evil_module_h19", class_name="Evil",
                                             registered_name=None)
    _edit_config(model_path, edit)
    assert "Could not locate layer 'Evil'" in _load_error(model_path)
    assert not marker.exists() and "evil_module_h19" not in sys.modules


@pytest.mark.parametrize("activation", [
    "get_file",
    {"module": "keras.utils", "class_name": "function", "config": "get_file",
     "registered_name": "function"},
    {"module": "builtins", "class_name": "function", "config": "eval",
     "registered_name": "function"},
])
def test_functions_by_name_not_reachable(model_path, activation):
    def edit(config):
        config["config"]["layers"][1]["config"]["activation"] = activation
    _edit_config(model_path, edit)
    message = _load_error(model_path)
    assert ("Could not interpret activation function identifier" in message
            or "Could not locate activation function 'function'" in message)


def test_config_cannot_switch_safe_mode_off(tmp_path):
    model = keras.Sequential([keras.Input((3,)), keras.layers.Lambda(lambda x: x + 1)])
    path = str(tmp_path / "l.keras")
    model.save(path)

    def edit(config):
        config["safe_mode"] = False
        config["config"]["safe_mode"] = False
        config["config"]["layers"][1]["config"]["safe_mode"] = False
    _edit_config(path, edit)
    assert "Requested the deserialization of a `Lambda` layer whose `function` is a Python " \
           "lambda" in _load_error(path)


def test_vocabulary_path_outside_archive_refused(model_path, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("a\nb\n")

    def edit(config):
        config["config"]["layers"].insert(1, {
            "module": "keras.layers", "class_name": "StringLookup",
            "config": {"vocabulary": str(secret), "name": "lookup"}, "registered_name": None,
        })
    _edit_config(model_path, edit)
    assert "Requested the loading of a vocabulary file outside of the model archive" in \
        _load_error(model_path)


# -- bad input -------------------------------------------------------------------------------
@pytest.mark.filterwarnings("ignore:Your input ran out of data")
def test_empty_data_errors():
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
    model.compile("sgd", "mse")
    x, y = np.zeros((0, 3), "float32"), np.zeros((0, 2), "float32")
    # Keras 3.15.1 warns and trains nothing (fit) or returns [] (evaluate): an error is clearer.
    for method, call in (("fit", lambda: model.fit(x, y, verbose=0)),
                         ("evaluate", lambda: model.evaluate(x, y, verbose=0)),
                         ("predict", lambda: model.predict(x, verbose=0))):
        with pytest.raises(ValueError, match=rf"^Model.{method}\(\): no batches were produced by "
                                             r"the input data. Received empty input `x`.$"):
            call()


def test_unbuilt_model_save_and_load_say_to_build(tmp_path):
    model = keras.Sequential([keras.layers.Dense(2)])
    with pytest.raises(ValueError, match="Try building the model first by calling it on some "
                                         "data or by using `build\\(\\)`"):
        model.save_weights(str(tmp_path / "w.weights.h5"))
    with pytest.warns(UserWarning, match="Consider building the model first by calling it on "
                                         "some data."):
        model.save(str(tmp_path / "u.keras"))
    built = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
    built.save_weights(str(tmp_path / "b.weights.h5"))
    with pytest.raises(ValueError, match="Try building the model first by calling it on some "
                                         "data or by using `build\\(\\)`"):
        model.load_weights(str(tmp_path / "b.weights.h5"))


def test_config_declaring_huge_shapes_refused_before_allocation(model_path, load_cap):
    def edit(config):
        layer = config["config"]["layers"][1]
        layer["config"]["units"] = 1 << 40
    _edit_config(model_path, edit)
    message = _load_error(model_path)
    assert ("Not allowed: the loaded config makes layer 'dense' create a variable of shape "
            "(3, 1099511627776) (13194139533312 bytes), beyond the limit of 68719476736 bytes"
            in message)
    # The limit applies to the total of a load's variables.
    with file_utils.allocation_budget(32):
        file_utils.charge_allocation((3, 2), 4, "a")
        file_utils.charge_allocation((2,), 4, "b")
        with pytest.raises(ValueError, match=r"layer 'c' create a variable of shape \(1,\) "
                                             r"\(1 bytes\), beyond the limit"):
            file_utils.charge_allocation((1,), 1, "c")
    # Outside loading, nothing is limited.
    keras.Sequential([keras.Input((3,)), keras.layers.Dense(4)])
