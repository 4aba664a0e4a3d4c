"""Tests of the conformance machinery itself: alias, golden format, replay, recorder.

These need neither TensorFlow nor the torchkeras engine. The Keras values used
below (`floatx()` is "float32", `epsilon()` is 1e-7) are from keras 3.15.1.
"""

import ast
import json
import os
import sys
import types

import numpy as np
import pytest

from conformance import golden
from conformance import record
from conformance import replay
from torchkeras.compat.import_shim import KerasImportFinder
from conformance.keras_alias import keras_alias


# ---------------------------------------------------------------- keras_alias


def test_alias_imports_torchkeras_and_cleans_up():
    import torchkeras
    import torchkeras.backend

    with keras_alias():
        import keras
        import keras.backend
        from keras import config

        assert keras is torchkeras
        assert keras.backend is torchkeras.backend
        assert config is sys.modules["torchkeras.config"]
        assert sys.modules["keras.backend"] is torchkeras.backend
    assert not any(
        n == "keras" or n.startswith("keras.") for n in sys.modules
    )
    assert not any(isinstance(f, KerasImportFinder) for f in sys.meta_path)
    # The alias must not rename torchkeras's own modules.
    assert torchkeras.__spec__.name == "torchkeras"
    assert torchkeras.backend.__spec__.name == "torchkeras.backend"


def test_alias_restores_existing_keras_modules():
    fake = types.ModuleType("keras")
    sys.modules["keras"] = fake
    try:
        with keras_alias():
            import keras

            assert keras is not fake
        assert sys.modules["keras"] is fake
    finally:
        del sys.modules["keras"]


def test_alias_is_removed_when_the_block_raises():
    with pytest.raises(KeyError):
        with keras_alias():
            import keras  # noqa: F401

            raise KeyError("boom")
    assert "keras" not in sys.modules
    assert not any(isinstance(f, KerasImportFinder) for f in sys.meta_path)


def test_alias_missing_submodule_names_torchkeras():
    with keras_alias():
        with pytest.raises(ModuleNotFoundError) as info:
            import keras.no_such_module  # noqa: F401
    assert str(info.value) == (
        "No module named 'keras.no_such_module': torchkeras does not provide "
        "`keras.no_such_module` (looked for `torchkeras.no_such_module`). See "
        "compat/DIFFERENCES.md."
    )
    assert info.value.name == "keras.no_such_module"


def test_alias_leaves_other_names_alone():
    finder = KerasImportFinder()
    assert finder.find_spec("keras_cv") is None
    assert finder.find_spec("numpy") is None


# ------------------------------------------------------------- golden format


def test_flatten_kinds_and_keys():
    results = {
        "history": {"loss": [0.5, 0.25], "epoch": [0, 1]},
        "evaluate": 1.5,
        "steps": 3,
        "stopped": True,
        "name": "dense",
        "np_scalar": np.float32(2.0),
        "weights": [np.ones((2, 3), "float32"), np.zeros((3,), "float32")],
        "pair": (1.0, 2),
        "empty": [],
        "names": ["a", "bc"],
    }
    arrays, entries, structure = golden.flatten(results)
    kinds = {key: entry["kind"] for key, entry in entries.items()}
    assert kinds == {
        "history/loss": "list[float]",
        "history/epoch": "list[int]",
        "evaluate": "float",
        "steps": "int",
        "stopped": "bool",
        "name": "str",
        "np_scalar": "numpy_scalar",
        "weights/0": "ndarray",
        "weights/1": "ndarray",
        "pair": "list[float,int]",
        "empty": "list[]",
        "names": "list[str]",
    }
    np.testing.assert_array_equal(arrays["history/loss"], [0.5, 0.25])
    assert arrays["weights/0"].dtype == np.float32
    assert entries["weights/0"]["shape"] == [2, 3]
    assert arrays["empty"].shape == (0,)
    assert structure["dict"]["weights"] == {"list": ["ndarray", "ndarray"]}


def test_flatten_rejects_unsupported_values():
    with pytest.raises(TypeError) as info:
        golden.flatten({"a": {"b": None}})
    assert str(info.value) == (
        "Conformance results: unsupported value at 'a/b'. Expected a NumPy "
        "array, a Python or NumPy scalar, a string, or a dict/list/tuple of "
        "those. Received: type=NoneType."
    )


def test_flatten_rejects_object_arrays():
    with pytest.raises(TypeError, match="Received: type=numpy.ndarray"):
        golden.flatten({"a": np.array([None, 1], dtype=object)})


def test_flatten_rejects_bad_keys():
    with pytest.raises(ValueError) as info:
        golden.flatten({"a/b": 1.0})
    assert str(info.value) == (
        "Conformance results: invalid key at '<top level>'. Expected a "
        "non-empty string without '/'. Received: key='a/b'."
    )


def test_flatten_rejects_non_dict_results():
    with pytest.raises(TypeError) as info:
        golden.flatten([1.0])
    assert str(info.value) == (
        "Conformance results: `results` must be a dict. Expected a dict "
        "mapping names to a NumPy array, a Python or NumPy scalar, a string, "
        "or a dict/list/tuple of those. Received: type=list."
    )


def test_flatten_collects_errors_when_asked():
    errors = []
    arrays, _, _ = golden.flatten({"ok": 1.0, "bad": object()}, errors=errors)
    assert list(arrays) == ["ok"]
    assert len(errors) == 1 and "unsupported value at 'bad'" in errors[0]


def test_check_tolerance():
    assert golden.check_tolerance(None) == {"rtol": 1e-5, "atol": 1e-6}
    assert golden.check_tolerance({"atol": 1e-4}) == {
        "rtol": 1e-5,
        "atol": 1e-4,
    }
    with pytest.raises(TypeError) as info:
        golden.check_tolerance(1e-3)
    assert str(info.value) == (
        "Conformance script: `TOLERANCE` must be a dict. Expected a dict with "
        "keys 'rtol' and/or 'atol'. Received: TOLERANCE=0.001."
    )
    for bad in ({"rtol": -1.0}, {"tol": 1e-3}, {"atol": True}):
        with pytest.raises(ValueError) as info:
            golden.check_tolerance(bad)
        assert str(info.value) == (
            "Conformance script: invalid `TOLERANCE`. Expected only the keys "
            "'rtol' and 'atol', with non-negative numbers. "
            f"Received: TOLERANCE={bad!r}."
        )


def test_save_and_load_round_trip(tmp_path):
    arrays, entries, structure = golden.flatten(
        {"w": [np.arange(6, dtype="float32").reshape(2, 3)], "s": ["x"]}
    )
    meta = {"tolerance": dict(golden.DEFAULT_TOLERANCE), "entries": entries}
    golden.save(str(tmp_path), "demo", arrays, meta)
    assert sorted(os.listdir(tmp_path)) == ["demo.json", "demo.npz"]
    loaded, loaded_meta = golden.load(str(tmp_path), "demo")
    assert loaded_meta == json.loads(json.dumps(meta))
    np.testing.assert_array_equal(loaded["w/0"], arrays["w/0"])
    assert loaded["s"].tolist() == ["x"]


def test_script_digest_ignores_line_endings(tmp_path):
    unix = tmp_path / "a.py"
    windows = tmp_path / "b.py"
    unix.write_bytes(b"x = 1\ny = 2\n")
    windows.write_bytes(b"x = 1\r\ny = 2\r\n")
    assert golden.script_digest(str(unix)) == golden.script_digest(
        str(windows)
    )


# -------------------------------------------------------------------- compare


def _golden_of(results, **tolerance):
    arrays, entries, _ = golden.flatten(results)
    meta = {
        "tolerance": golden.check_tolerance(tolerance or None),
        "entries": entries,
    }
    return arrays, meta


def test_compare_accepts_values_within_tolerance():
    expected, meta = _golden_of(
        {"loss": [1.0, 0.5], "w": np.ones(3, "float32"), "n": 2, "nan": np.nan}
    )
    actual = {
        "loss": [1.000001, 0.5],
        "w": np.ones(3, "float32") + 5e-7,
        "n": 2,
        "nan": float("nan"),
    }
    assert golden.compare("demo", expected, meta, actual) == []


def test_compare_names_script_and_key_on_value_mismatch():
    expected, meta = _golden_of({"history": {"loss": [1.0, 0.5]}})
    failures = golden.compare(
        "demo", expected, meta, {"history": {"loss": [1.0, 0.6]}}
    )
    assert len(failures) == 1
    assert "demo: results key 'history/loss'" in failures[0]
    assert "Not equal to tolerance rtol=1e-05, atol=1e-06" in failures[0]


def test_compare_uses_the_recorded_tolerance():
    expected, meta = _golden_of({"loss": 1.0}, rtol=0.1)
    assert golden.compare("demo", expected, meta, {"loss": 1.05}) == []


def test_compare_reports_missing_and_extra_keys():
    expected, meta = _golden_of({"a": 1.0, "b": 2.0})
    failures = golden.compare("demo", expected, meta, {"a": 1.0, "c": 3.0})
    assert failures == [
        "demo: keys missing from the replay: ['b']",
        "demo: keys not in the golden: ['c']",
    ]


def test_compare_reports_kind_and_dtype_mismatches():
    expected, meta = _golden_of({"loss": 1.0, "w": np.ones(2, "float32")})
    failures = golden.compare(
        "demo",
        expected,
        meta,
        {"loss": np.float32(1.0), "w": np.ones(2, "float64")},
    )
    assert failures == [
        "demo: results key 'loss': Keras returns kind float, the replay "
        "returned kind numpy_scalar.",
        "demo: results key 'w': Keras returns dtype float32, the replay "
        "returned dtype float64.",
    ]


def test_compare_integers_and_strings_exactly():
    expected, meta = _golden_of({"epochs": 3, "names": ["loss", "accuracy"]})
    failures = golden.compare(
        "demo", expected, meta, {"epochs": 4, "names": ["loss", "acc"]}
    )
    assert len(failures) == 2
    assert "demo: results key 'epochs'" in failures[0]
    assert "demo: results key 'names'" in failures[1]


def test_compare_reports_unsupported_replay_values():
    expected, meta = _golden_of({"loss": 1.0})
    failures = golden.compare("demo", expected, meta, {"loss": object()})
    assert failures[0].startswith(
        "demo: Conformance results: unsupported value at 'loss'."
    )
    assert failures[1] == "demo: keys missing from the replay: ['loss']"


# --------------------------------------------------------------------- replay

SCRIPT = '''
import keras

SEED = 0
results = {"floatx": keras.backend.floatx(), "epsilon": keras.config.epsilon()}
with open("scratch.txt", "w") as f:  # must land in a temporary directory
    f.write("x")
'''


@pytest.fixture
def suite(tmp_path):
    scripts = tmp_path / "scripts"
    goldens = tmp_path / "goldens"
    scripts.mkdir()
    goldens.mkdir()
    path = scripts / "demo.py"
    path.write_text(SCRIPT)
    # What real Keras returns for this script (keras 3.15.1).
    arrays, entries, _ = golden.flatten({"floatx": "float32", "epsilon": 1e-7})
    meta = {
        "script_sha256": golden.script_digest(str(path)),
        "tolerance": dict(golden.DEFAULT_TOLERANCE),
        "entries": entries,
    }
    golden.save(str(goldens), "demo", arrays, meta)
    return str(scripts), str(goldens)


def test_replay_runs_a_keras_script_under_torchkeras(suite):
    cwd = os.getcwd()
    assert replay.replay("demo", *suite) == []
    assert os.getcwd() == cwd
    assert not os.path.exists(os.path.join(suite[0], "scratch.txt"))
    assert "keras" not in sys.modules


def test_replay_reports_a_missing_golden(suite):
    os.remove(os.path.join(suite[1], "demo.json"))
    assert replay.replay("demo", *suite) == [
        "demo: no golden recorded. Record it with "
        "`../refenv/bin/python conformance/record.py demo`."
    ]


def test_replay_reports_a_stale_golden(suite):
    with open(os.path.join(suite[0], "demo.py"), "a") as f:
        f.write("# edited\n")
    assert replay.replay("demo", *suite) == [
        "demo: the golden is stale: the script changed after it was "
        "recorded. Re-record it with "
        "`../refenv/bin/python conformance/record.py demo`."
    ]


def test_replay_reports_a_script_without_results(suite, monkeypatch):
    monkeypatch.setattr(golden, "script_digest", lambda path: "same")
    with open(os.path.join(suite[1], "demo.json")) as f:
        meta = json.load(f)
    meta["script_sha256"] = "same"
    with open(os.path.join(suite[1], "demo.json"), "w") as f:
        json.dump(meta, f)
    with open(os.path.join(suite[0], "demo.py"), "w") as f:
        f.write("import keras\n")
    assert replay.replay("demo", *suite) == [
        "demo: the script defines no `results` dict."
    ]


def test_replay_propagates_script_errors_with_a_note(suite, monkeypatch):
    monkeypatch.setattr(golden, "script_digest", lambda path: "same")
    with open(os.path.join(suite[1], "demo.json")) as f:
        meta = json.load(f)
    meta["script_sha256"] = "same"
    with open(os.path.join(suite[1], "demo.json"), "w") as f:
        json.dump(meta, f)
    with open(os.path.join(suite[0], "demo.py"), "w") as f:
        f.write("import keras\nkeras.no_such_attribute\n")
    with pytest.raises(AttributeError) as info:
        replay.replay("demo", *suite)
    if hasattr(info.value, "__notes__"):
        assert info.value.__notes__ == [
            "(raised by conformance script 'demo' replayed under torchkeras)"
        ]
    assert "keras" not in sys.modules


def test_expected_failures_table_is_validated(tmp_path):
    path = tmp_path / "expected_failures.json"
    path.write_text('{"readme_first_steps": ""}')
    with pytest.raises(ValueError) as info:
        replay.expected_failures(str(path))
    assert str(info.value) == (
        "conformance/expected_failures.json: invalid table. Expected a JSON "
        "object mapping script names to non-empty reasons. "
        "Received: {'readme_first_steps': ''}."
    )


def test_every_script_follows_the_rules():
    # Plain Keras code with a fixed seed; never TensorFlow, never torchkeras.
    for name in replay.script_names():
        with open(os.path.join(replay.SCRIPTS_DIR, f"{name}.py")) as f:
            source = f.read()
        assert "SEED = " in source, name
        assert "default_rng(SEED)" in source, name
        assert "results = " in source, name
        imports = set()
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Import):
                imports.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                imports.add((node.module or "").split(".")[0])
        # Scripts named tf_* replay TensorFlow-style code through the shim.
        forbidden = {"torch", "torchkeras"} | (set() if name.startswith("tf_") else {"tensorflow"})
        assert not forbidden & imports, name


# --------------------------------------------------------------------- record


def test_record_checks_the_backend():
    fake = types.SimpleNamespace(
        __file__="/x/torchkeras/__init__.py",
        backend=types.SimpleNamespace(backend=lambda: "torch"),
    )
    with pytest.raises(RuntimeError) as info:
        record.check_backend(fake)
    assert str(info.value) == (
        "conformance/record.py: goldens must be recorded with real Keras on "
        "the TensorFlow backend. Received: keras from "
        "/x/torchkeras/__init__.py, backend='torch'."
    )


def test_record_checks_determinism():
    a = {"x": np.array([1.0, np.nan])}
    record.check_deterministic("demo", a, {"x": np.array([1.0, np.nan])})
    with pytest.raises(RuntimeError) as info:
        record.check_deterministic("demo", a, {"x": np.array([1.5, np.nan])})
    assert str(info.value) == (
        "conformance/record.py: script 'demo' is not deterministic: two runs "
        "in one process gave different results. Seed every random source "
        "with `np.random.default_rng(SEED)` and inject the weights."
    )


def test_record_checks_the_seed():
    assert record.check_seed("demo", {"SEED": 3}) == 3
    with pytest.raises(ValueError) as info:
        record.check_seed("demo", {})
    assert str(info.value) == (
        "conformance/record.py: script 'demo' must define an integer `SEED` "
        "used for all its data and weights. Received: SEED=None."
    )


def test_record_rejects_unknown_script_names(capsys):
    with pytest.raises(SystemExit):
        record.main(["no_such_script"])
    assert "unknown script(s) ['no_such_script']" in capsys.readouterr().err
