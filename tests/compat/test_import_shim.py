import os
import subprocess
import sys
import textwrap

import pytest

import torchkeras
from torchkeras import compat
from torchkeras.compat import import_shim

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture
def shim():
    compat.install()
    yield
    compat.uninstall()


def test_import_styles_resolve_to_torchkeras(shim):
    import keras
    from keras import layers
    from keras.layers import Dense
    from tensorflow import keras as tf_keras_namespace
    from tensorflow.keras.models import Sequential
    import tensorflow as tf
    import tf_keras

    assert keras is torchkeras
    assert layers is torchkeras.layers and Dense is torchkeras.layers.Dense
    assert tf_keras_namespace is torchkeras and tf.keras is torchkeras
    assert Sequential is torchkeras.models.Sequential
    assert tf_keras is torchkeras


def test_moved_tf_keras_2_paths(shim):
    from keras.optimizers.legacy import Adam
    from keras.utils.np_utils import to_categorical
    from tensorflow.keras.layers.experimental.preprocessing import Dense

    assert issubclass(Adam, torchkeras.optimizers.Adam)
    assert to_categorical is torchkeras.utils.to_categorical
    assert Dense is torchkeras.layers.Dense
    import keras.backend as K

    assert K.epsilon() == 1e-7 and K.image_data_format() == "channels_last"
    K.clear_session()


def test_missing_tf_symbol_is_a_one_line_not_implemented_error(shim):
    import tensorflow as tf

    with pytest.raises(NotImplementedError, match=r"^tf.quantization is not provided by torchkeras.compat"):
        tf.quantization


def test_unknown_keras_module_names_itself(shim):
    with pytest.raises(ModuleNotFoundError, match="torchkeras does not provide `keras.nonexistent`"):
        import keras.nonexistent  # noqa: F401


def test_uninstall_removes_the_aliases():
    compat.install()
    import keras  # noqa: F401

    assert "keras" in sys.modules
    compat.uninstall()
    assert not compat.is_installed()
    assert "keras" not in sys.modules


def test_target_module_names():
    assert import_shim.target_module_name("numpy") is None
    assert import_shim.target_module_name("tensorflow.keras.layers") == "torchkeras.layers"
    assert import_shim.target_module_name("tf_keras.callbacks") == "torchkeras.callbacks"
    assert import_shim.target_module_name("tensorflow") == "torchkeras.compat.tensorflow"


def _run(tmp_path, source, *args):
    script = tmp_path / "script.py"
    script.write_text(textwrap.dedent(source))
    env = dict(os.environ, PYTHONPATH=ROOT)
    return subprocess.run(
        [sys.executable, "-m", "torchkeras", "run", str(script), *args],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120,
    )


def test_run_command_runs_a_keras_script(tmp_path):
    result = _run(tmp_path, """
        import sys
        import numpy as np
        from tensorflow import keras
        model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
        model.compile(optimizer="sgd", loss="mse")
        model.fit(np.zeros((4, 2)), np.zeros((4, 1)), verbose=0)
        print(__name__, sys.argv[1:])
        sys.exit(3)
    """, "a", "b")
    assert result.stdout.strip() == "__main__ ['a', 'b']"
    assert result.returncode == 3


def test_run_command_shows_the_script_traceback(tmp_path):
    result = _run(tmp_path, """
        import keras
        def boom():
            raise ValueError("from the script")
        boom()
    """)
    assert result.returncode == 1
    assert "ValueError: from the script" in result.stderr
    assert "runpy" not in result.stderr and "__main__.py" not in result.stderr


def test_run_command_missing_file(tmp_path):
    env = dict(os.environ, PYTHONPATH=ROOT)
    result = subprocess.run([sys.executable, "-m", "torchkeras", "run", "nope.py"],
                            capture_output=True, text=True, env=env, cwd=tmp_path)
    assert result.returncode == 2
    assert "can't open file" in result.stderr and "No such file or directory" in result.stderr


def test_keras_readme_gradient_tape_loop(shim):
    """The Keras README's low-level loop, in TensorFlow style, runs on torch autograd."""
    import numpy as np
    import tensorflow as tf
    from tensorflow import keras

    rng = np.random.default_rng(0)
    x = rng.random((8, 4)).astype("float32")
    y = keras.utils.to_categorical(rng.integers(0, 3, 8), 3)
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3, activation="softmax")])
    optimizer = tf.keras.optimizers.Adam()
    loss_fn = tf.keras.losses.CategoricalCrossentropy()
    losses = []
    for _ in range(20):
        with tf.GradientTape() as tape:
            loss = loss_fn(y, model(x, training=True))
        grads = tape.gradient(loss, model.trainable_weights)
        optimizer.apply_gradients(zip(grads, model.trainable_weights))
        losses.append(float(loss))
    assert losses[-1] < losses[0]


def test_gradient_tape_semantics(shim):
    import tensorflow as tf

    v = tf.Variable([1.0, 2.0])
    x = tf.constant([3.0, 4.0])
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(x)
        y = tf.reduce_sum(v * v * x)
        z = tf.reduce_sum(x * 2.0)
    gv, gx = tape.gradient(y, [v, x])
    assert gv.tolist() == [6.0, 16.0] and gx.tolist() == [1.0, 4.0]
    unused = tf.Variable([0.0])
    assert tape.gradient(z, [unused])[0] is None
    assert tape.gradient(z, [unused], unconnected_gradients="zero")[0].tolist() == [0.0]
    with tf.GradientTape() as once:
        w = tf.reduce_sum(v * 3.0)
    once.gradient(w, v)
    with pytest.raises(RuntimeError, match="non-persistent GradientTape can only be used"):
        once.gradient(w, v)


def test_tf_functions_follow_tf_arguments(shim):
    import numpy as np
    import tensorflow as tf

    x = tf.constant([[1.0, 2.0], [3.0, 4.0]])
    assert float(tf.reduce_mean(x)) == 2.5
    assert tf.reduce_sum(x, axis=1, keepdims=True).tolist() == [[3.0], [7.0]]
    assert tf.one_hot([0, 2], 3).tolist() == [[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]
    assert tf.matmul(x, x, transpose_b=True).tolist() == (np.array(x.tolist()) @ np.array(x.tolist()).T).tolist()
    assert tf.cast(x, tf.int32).dtype == torch_int32()
    assert tf.function(lambda a: a + 1)(1) == 2
    assert tf.config.list_physical_devices("CPU")[0].device_type == "CPU"


def torch_int32():
    import torch

    return torch.int32


def test_tf_data_pipeline_trains(shim):
    import numpy as np
    import tensorflow as tf
    from tensorflow import keras

    x = np.arange(20, dtype="float32").reshape(10, 2) / 20
    y = (x.sum(1, keepdims=True) > 0.5).astype("float32")
    ds = tf.data.Dataset.from_tensor_slices((x, y)).shuffle(10, seed=1).batch(4).prefetch(
        tf.data.AUTOTUNE)
    assert len(ds) == 3
    epoch_a = [b[1].tolist() for b in ds]
    epoch_b = [b[1].tolist() for b in ds]
    assert sorted(sum(epoch_a, [])) == sorted(y.tolist())
    assert epoch_a != epoch_b  # reshuffled on each pass
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="sgd", loss="binary_crossentropy")
    history = model.fit(ds, epochs=2, verbose=0)
    assert history.params["steps"] == 3 and len(history.history["loss"]) == 2
    mapped = tf.data.Dataset.from_tensor_slices(x).map(lambda t: t * 2).batch(5).take(1)
    assert list(mapped)[0].shape == (5, 2)
    assert model.predict(tf.data.Dataset.from_tensor_slices(x).batch(4), verbose=0).shape == (10, 1)
    with pytest.raises(ValueError, match="When providing `x` as a tf.data.Dataset, `y` should not be passed"):
        model.fit(ds, y, verbose=0)


def test_check_lists_missing_and_different_names(tmp_path):
    from torchkeras.compat import check

    source = textwrap.dedent("""
        import tensorflow as tf
        from tensorflow import keras
        from keras.layers import Dense, NoSuchLayer
        model = keras.Sequential([Dense(2)])
        tf.quantization.quantize(1)
        f = tf.function(lambda x: x)
    """)
    lines = check.check_source(source, "s.py")
    assert "s.py:4: keras.layers.NoSuchLayer: missing (not provided by torchkeras)" in lines
    assert any(l.startswith("s.py:6: tensorflow.quantization.quantize: missing (tf.quantization is not provided") for l in lines)
    assert "s.py:7: tensorflow.function: implemented differently (runs eagerly (torch has no graph to trace into))" in lines
    assert not any("Sequential" in l or "Dense:" in l for l in lines)
    script = tmp_path / "s.py"
    script.write_text(source)
    env = dict(os.environ, PYTHONPATH=ROOT)
    result = subprocess.run([sys.executable, "-m", "torchkeras", "check", str(script)],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 1 and "NoSuchLayer" in result.stdout


def test_extensionless_save_and_saved_model_round_trip(shim, tmp_path):
    import numpy as np
    import tensorflow as tf
    from tensorflow import keras

    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
    x = np.ones((2, 3), "float32")
    model.save(str(tmp_path / "my_model"))  # tf.keras 2 style: a directory
    restored = keras.models.load_model(str(tmp_path / "my_model"))
    np.testing.assert_allclose(restored.predict(x, verbose=0), model.predict(x, verbose=0))
    tf.saved_model.save(model, str(tmp_path / "exported"))
    again = tf.saved_model.load(str(tmp_path / "exported"))
    np.testing.assert_allclose(again.predict(x, verbose=0), model.predict(x, verbose=0))
    fake = tmp_path / "tf_saved"
    fake.mkdir()
    (fake / "saved_model.pb").write_bytes(b"")
    with pytest.raises(NotImplementedError, match="is a TensorFlow SavedModel"):
        tf.saved_model.load(str(fake))


def test_tensorflow_gradient_rule_under_the_shim():
    # TensorFlow records gradients only under a GradientTape: `model(x).numpy()` works outside one.
    import torch

    assert torch.is_grad_enabled()
    compat.install()
    try:
        import numpy as np
        import tensorflow as tf

        model = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(1)])
        model.set_weights([np.array([[1.0], [2.0]], "float32"), np.array([0.5], "float32")])
        x = np.array([[1.0, 1.0]], "float32")
        np.testing.assert_allclose(model(x).numpy(), [[3.5]])
        np.testing.assert_allclose(np.asarray(model(x)), [[3.5]])
        with tf.GradientTape() as tape:
            y = model(x)
        grads = tape.gradient(y, model.trainable_weights)
        np.testing.assert_allclose(grads[0].numpy(), [[1.0], [1.0]])
        np.testing.assert_allclose(grads[1].numpy(), [1.0])
        # fit and train_on_batch record on their own: y = 3.5, target 0, SGD(0.1) on MSE.
        model.compile(optimizer=tf.keras.optimizers.SGD(0.1), loss="mse")
        model.train_on_batch(x, np.zeros((1, 1), "float32"))
        # d(mse)/dw = 2 * 3.5 * x = 7 -> w - 0.7; d/db = 7 -> b - 0.7
        np.testing.assert_allclose(model.get_weights()[0], [[0.3], [1.3]], rtol=1e-6)
        model.fit(x, np.zeros((1, 1), "float32"), epochs=1, verbose=0)
        assert not torch.is_grad_enabled()
    finally:
        compat.uninstall()
    assert torch.is_grad_enabled()


def test_torch_backend_script_keeps_torch_autograd(tmp_path):
    # A Keras 3 script written for the torch backend calls loss.backward() on eager calls.
    result = _run(tmp_path, """
        import os
        os.environ["KERAS_BACKEND"] = "torch"
        import torch
        import keras
        model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, kernel_initializer="ones")])
        loss = model(torch.ones(1, 2)).sum()
        loss.backward()
        print(model.trainable_weights[0].value.grad.flatten().tolist())
    """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[1.0, 1.0]"


def test_tensorflow_script_gets_tensorflow_autograd(tmp_path):
    result = _run(tmp_path, """
        import os
        os.environ.pop("KERAS_BACKEND", None)
        os.environ["KERAS_HOME"] = os.getcwd()  # no keras.json: Keras's default backend
        import numpy as np
        import keras
        model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, kernel_initializer="ones")])
        print(model(np.ones((1, 2), "float32")).numpy().tolist())
    """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[[2.0]]"


def test_check_flags_single_process_strategies_and_devices():
    from torchkeras.compat import check

    source = textwrap.dedent("""
        import tensorflow as tf
        strategy = tf.distribute.MirroredStrategy()
        with tf.device("/GPU:0"):
            pass
    """)
    lines = check.check_source(source, "s.py")
    assert lines == [
        "s.py:3: tensorflow.distribute.MirroredStrategy: implemented differently (one process, "
        "1 replica (use torchrun for more))",
        "s.py:4: tensorflow.device: implemented differently (no-op: torchkeras places tensors on "
        "keras.config's device)",
    ]


def test_from_keras_utils_import_np_utils():
    # Keras 2 scripts: `from keras.utils import np_utils; np_utils.to_categorical(...)`.
    import numpy as np

    compat.install()
    try:
        from keras.utils import np_utils

        np.testing.assert_array_equal(np_utils.to_categorical([1, 0], 2), [[0.0, 1.0], [1.0, 0.0]])
    finally:
        compat.uninstall()
    assert not hasattr(torchkeras.utils, "np_utils")
