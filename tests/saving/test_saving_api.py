"""Argument and file checks of `save_model` / `load_model` / `save_weights` / `load_weights`."""

import io
import os
import re
import zipfile

import pytest

from torchkeras.saving import saving_api

from saving_helpers import fixture
from saving_helpers import sequential


def _match(text):
    return "^" + re.escape(text) + "$"


# -- extensions (texts from keras 3.15.1) ---------------------------------------------------------
@pytest.mark.parametrize("name", ["a.h5", "a.weights.h", "a.keras"])
def test_save_weights_extension(tmp_path, name):
    path = str(tmp_path / name)
    with pytest.raises(ValueError, match=_match(
        f"The filename must end in `.weights.h5`. Received: filepath={path}"
    )):
        saving_api.save_weights(sequential(), path)


@pytest.mark.parametrize("name", ["a.foo", "a"])
def test_save_model_extension(tmp_path, name):
    path = str(tmp_path / name)
    with pytest.raises(ValueError, match=_match(
        "Invalid filepath extension for saving. Please add either a `.keras` extension for the "
        "native Keras format (recommended) or a `.h5` extension. Use `model.export(filepath)` "
        "if you want to export a SavedModel for use with TFLite/TFServing/etc. "
        f"Received: filepath={path}."
    )):
        saving_api.save_model(sequential(), path)


def test_save_model_unzipped_with_keras_extension(tmp_path):
    path = str(tmp_path / "a.keras")
    with pytest.raises(ValueError, match=_match(
        "When using `zipped=False`, the `filepath` argument should not end in `.keras`. "
        f"Received: filepath={path}"
    )):
        saving_api.save_model(sequential(), path, zipped=False)


def test_save_model_bad_arguments(tmp_path):
    with pytest.raises(ValueError, match=re.escape(
        "The following argument(s) are not supported: ['foo']"
    )):
        saving_api.save_model(sequential(), tmp_path / "a.keras", foo=1)
    with pytest.raises(ValueError, match=re.escape(
        "The `save_format` argument is deprecated in Keras 3. Please remove this argument and "
        "pass a file path with either `.keras` or `.h5` extension.Received: save_format=tf"
    )):
        saving_api.save_model(sequential(), tmp_path / "a", save_format="tf")
    # Accepted (and ignored) when the extension already says it.
    saving_api.save_model(sequential(), tmp_path / "b.keras", save_format="keras")
    assert os.path.exists(tmp_path / "b.keras")


def test_weights_bad_arguments(tmp_path):
    model = sequential()
    with pytest.raises(ValueError, match=re.escape("Invalid keyword arguments: {'foo': True}")):
        saving_api.load_weights(model, tmp_path / "a.weights.h5", foo=True)
    with pytest.raises(ValueError, match=re.escape("Invalid keyword arguments: {'foo': True}")):
        saving_api.save_weights(model, tmp_path / "a.weights.h5", foo=True)
    path = fixture("keras_sequential.weights.h5")
    with pytest.raises(ValueError, match=_match(
        f"`by_name` only supports loading legacy '.h5' or '.hdf5' files. Received: {path}"
    )):
        saving_api.load_weights(model, path, by_name=True)
    path = fixture("keras_sequential.keras")
    with pytest.raises(ValueError, match=_match(
        f"`objects_to_skip` only supports loading '.weights.h5' files.Received: {path}"
    )):
        saving_api.load_weights(model, path, objects_to_skip=[])
    with pytest.raises(NotImplementedError, match=re.escape(
        "Model.save_weights(): sharded weights (`max_shard_size`) are not supported yet."
    )):
        saving_api.save_weights(model, tmp_path / "a.weights.h5", max_shard_size=1)


def test_load_weights_unknown_format(tmp_path):
    path = str(tmp_path / "a.foo")
    with pytest.raises(ValueError, match=_match(
        f"File format not supported: filepath={path}. Keras 3 only supports V3 `.keras` files, "
        "`.weights.h5` files, legacy H5 format files (`.h5` extension)."
    )):
        saving_api.load_weights(sequential(), path)


def test_load_model_unknown_format(tmp_path):
    path = str(tmp_path / "a.foo")
    with pytest.raises(ValueError, match=_match(
        f"File format not supported: filepath={path}. Keras 3 only supports V3 `.keras` files, "
        "legacy H5 format files (`.h5` extension). Note that the legacy SavedModel format is "
        "not supported by `load_model()` in Keras 3."
    )):
        saving_api.load_model(path)


def test_missing_files(tmp_path):
    path = str(tmp_path / "nope.keras")
    with pytest.raises(ValueError, match=_match(
        f"File not found: filepath={path}. Please ensure the file is an accessible `.keras` "
        "zip file."
    )):
        saving_api.load_model(path)
    for name in ("nope.weights.h5", "nope.keras"):
        path = str(tmp_path / name)
        with pytest.raises(FileNotFoundError, match=_match(f"File not found: filepath={path}.")):
            saving_api.load_weights(sequential(), path)


def _zip(path, members):
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def _valid_members():
    with zipfile.ZipFile(fixture("keras_sequential.keras")) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def test_corrupt_keras_files(tmp_path):
    garbage = tmp_path / "garbage.keras"
    garbage.write_bytes(b"not a zip file at all")
    message = "The file is not a valid .keras file (corrupt or truncated)."
    with pytest.raises(ValueError, match=_match(f"{message} Received: filepath={garbage}")):
        saving_api.load_model(garbage)
    with pytest.raises(ValueError, match=_match(f"{message} Received: filepath={garbage}")):
        saving_api.load_weights(sequential(), garbage)

    truncated = tmp_path / "truncated.keras"
    data = open(fixture("keras_sequential.keras"), "rb").read()
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(ValueError, match=re.escape(message)):
        saving_api.load_model(truncated)

    members = _valid_members()
    no_config = tmp_path / "no_config.keras"
    _zip(no_config, {k: v for k, v in members.items() if k != "config.json"})
    with pytest.raises(ValueError, match=_match(
        "The file is not a valid .keras file (corrupt or truncated): it has no `config.json`. "
        f"Received: filepath={no_config}"
    )):
        saving_api.load_model(no_config)

    bad_json = tmp_path / "bad_json.keras"
    _zip(bad_json, {**members, "config.json": b"{not json"})
    with pytest.raises(ValueError, match=re.escape(
        "The file is not a valid .keras file (corrupt or truncated): `config.json` is not "
        "valid JSON"
    )):
        saving_api.load_model(bad_json)

    not_a_model = tmp_path / "not_a_model.keras"
    _zip(not_a_model, {**members, "config.json": b"[1, 2]"})
    with pytest.raises(ValueError, match=_match(
        "The file is not a valid .keras file (corrupt or truncated): `config.json` does not "
        f"describe a model. Received: filepath={not_a_model}"
    )):
        saving_api.load_model(not_a_model)

    bad_weights = tmp_path / "bad_weights.keras"
    _zip(bad_weights, {**members, "model.weights.h5": b"garbage"})
    with pytest.raises(ValueError, match=re.escape(
        "The file is not a valid .keras file (corrupt or truncated): `model.weights.h5` is not "
        "an HDF5 file"
    )):
        saving_api.load_model(bad_weights)

    no_weights = tmp_path / "no_weights.keras"
    _zip(no_weights, {k: v for k, v in members.items() if k != "model.weights.h5"})
    with pytest.raises(ValueError, match=re.escape("it has no `model.weights.h5`")):
        saving_api.load_model(no_weights)


def test_bad_crc_is_reported_as_corrupt(tmp_path):
    buffer = io.BytesIO()
    _zip(buffer, _valid_members())
    data = bytearray(buffer.getvalue())
    # Flip a byte inside the stored config.json: the CRC check fails on read.
    offset = data.index(b'"class_name"')
    data[offset + 2] ^= 0xFF
    path = tmp_path / "crc.keras"
    path.write_bytes(bytes(data))
    with pytest.raises(ValueError, match=re.escape(
        "The file is not a valid .keras file (corrupt or truncated): could not read "
        "`config.json`"
    )):
        saving_api.load_model(path)


def test_corrupt_weights_file(tmp_path):
    path = tmp_path / "bad.weights.h5"
    path.write_bytes(b"garbage")
    with pytest.raises(ValueError, match=re.escape(
        "The file is not a valid .weights.h5 file (corrupt or truncated): "
    )):
        saving_api.load_weights(sequential(), path)


def test_unzipped_directory_missing_file(tmp_path):
    path = tmp_path / "saved"
    saving_api.save_model(sequential(), path, zipped=False)
    os.remove(path / "model.weights.h5")
    with pytest.raises(ValueError, match=_match(
        "The directory is not a valid saved model: it has no `model.weights.h5`. "
        f"Received: filepath={path}"
    )):
        saving_api.load_model(path)


# -- overwrite ------------------------------------------------------------------------------------
def test_overwrite_false_asks(tmp_path, monkeypatch, capsys):
    path = tmp_path / "m.keras"
    path.write_bytes(b"previous")
    answers = iter(["maybe", "n"])
    prompts = []
    monkeypatch.setattr("builtins.input", lambda prompt: prompts.append(prompt) or next(answers))
    saving_api.save_model(sequential(), path, overwrite=False)
    assert path.read_bytes() == b"previous"
    assert prompts == [f"[WARNING] {path} already exists - overwrite? [y/n]",
                       'Enter "y" (overwrite) or "n" (cancel).']

    monkeypatch.setattr("builtins.input", lambda prompt: "y")
    saving_api.save_model(sequential(), path, overwrite=False)
    assert zipfile.is_zipfile(path)
    assert "[TIP] Next time specify overwrite=True!" in capsys.readouterr().out

    weights = tmp_path / "m.weights.h5"
    weights.write_bytes(b"previous")
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    saving_api.save_weights(sequential(), weights, overwrite=False)
    assert weights.read_bytes() == b"previous"
