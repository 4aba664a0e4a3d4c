"""tf.Variable, tf.Module, TensorShape/TensorSpec, tf.print, py_function, nest, initializers,
dtypes and the eager no-op contexts. Expected values are from tensorflow 2.21 (the refenv)."""

import io
import logging

import numpy as np
import pytest
import torch

from torchkeras.compat import tensorflow as tf


def test_tensor_shape():
    # from tensorflow 2.21
    s = tf.TensorShape([None, 3])
    assert str(s) == "(None, 3)" and repr(s) == "TensorShape([None, 3])"
    assert s.as_list() == [None, 3] and s.rank == 2 and len(s) == 2
    assert s[1] == 3 and s[0] is None and repr(s[1:]) == "TensorShape([3])"
    unknown = tf.TensorShape(None)
    assert str(unknown) == "<unknown>" and unknown.rank is None
    with pytest.raises(ValueError,
                       match=r"^as_list\(\) is not defined on an unknown TensorShape\.$"):
        unknown.as_list()
    assert s.is_compatible_with([2, 3]) and not s.is_compatible_with([2, 4])
    assert not s.is_fully_defined() and tf.TensorShape([2, 3]).num_elements() == 6
    assert repr(s.merge_with([2, None])) == "TensorShape([2, 3])"
    assert repr(s.concatenate([4])) == "TensorShape([None, 3, 4])"
    assert tf.TensorShape([2, 3]) == [2, 3] and str(tf.TensorShape([5])) == "(5,)"
    assert tf.TensorShape(torch.zeros(2, 3).shape).as_list() == [2, 3]


def test_tensor_spec():
    spec = tf.TensorSpec([None, 2], tf.float32, name="x")
    assert repr(spec) == "TensorSpec(shape=(None, 2), dtype=tf.float32, name='x')"  # from TF 2.21
    assert tf.TensorSpec([None, 2]).is_compatible_with(tf.zeros([5, 2]))
    assert not tf.TensorSpec([None, 2]).is_compatible_with(tf.zeros([5, 3]))


def test_variable_follows_tensorflow():
    # from tensorflow 2.21
    v = tf.Variable(1)
    assert v.dtype == tf.int32 and v.trainable and v.name == "Variable:0"
    assert tf.Variable(np.array([1.0])).dtype == tf.float64
    w = tf.Variable([1.0, 2.0], name="w")
    w.assign([3.0, 4.0])
    w.assign_add([1.0, 1.0])
    w.assign_sub([0.5, 0.5])
    assert w.numpy().tolist() == [3.5, 4.5] and w.read_value().tolist() == [3.5, 4.5]
    assert w.name == "w:0"
    with pytest.raises(ValueError) as info:
        w.assign([1.0])
    assert str(info.value) == (
        "Cannot assign value to variable ' w:0': Shape mismatch.The variable shape (2,), and "
        "the assigned value shape (1,) are incompatible."
    )
    assert tf.Variable(lambda: tf.ones([2])).numpy().tolist() == [1.0, 1.0]
    assert tf.Variable(1.0, trainable=False).trainable is False
    with pytest.raises(ValueError, match="^The `initial_value` arg to `tf.Variable` must be "):
        tf.Variable()
    # A tf.Variable is a Keras variable and a torch Parameter: gradients reach it.
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(w.read_value() * 2.0)
    assert tape.gradient(loss, w).tolist() == [2.0, 2.0]
    assert isinstance(w, torch.nn.Parameter)


def test_module_tracks_variables():
    class M(tf.Module):
        def __init__(self):
            super().__init__()
            self.b = tf.Variable([0.0], name="b")
            self.a = tf.Variable([1.0], name="a")
            self.frozen = tf.Variable([2.0], trainable=False, name="frozen")
            self.sub = [tf.Module(name="child")]
            self.sub[0].w = tf.Variable([3.0], name="w")

    m = M()
    # from tensorflow 2.21: attributes in name order, nested containers searched
    assert m.name == "m"
    assert [v.name for v in m.trainable_variables] == ["a:0", "b:0", "w:0"]
    assert [v.name for v in m.variables] == ["a:0", "b:0", "frozen:0", "w:0"]
    assert len(m.submodules) == 1 and tf.Module(name="enc").name == "enc"
    import torchkeras as keras

    holder = tf.Module()
    holder.dense = keras.layers.Dense(2)
    holder.dense.build((None, 3))
    assert len(holder.trainable_variables) == 2


def _printed(*args, **kwargs):
    stream = io.StringIO()
    tf.print(*args, output_stream=stream, **kwargs)
    return stream.getvalue()


def test_print_formats_like_tensorflow():
    # from tensorflow 2.21
    assert _printed(tf.constant([1, 2, 3]), tf.constant([1.5, 2.0]), "hi", tf.constant(3.25)) == (
        "[1 2 3] [1.5 2] hi 3.25\n")
    assert _printed(tf.range(10)) == "[0 1 2 ... 7 8 9]\n"
    assert _printed(tf.reshape(tf.range(12.0), [3, 4])) == (
        "[[0 1 2 3]\n [4 5 6 7]\n [8 9 10 11]]\n")
    assert _printed({"a": tf.constant(1)}, [tf.constant(True)]) == "{'a': 1} [1]\n"
    assert _printed(tf.constant([True, False])) == "[1 0]\n"
    assert _printed(tf.constant(1 / 3)) == "0.333333343\n"
    assert _printed(tf.reshape(tf.range(8), [2, 2, 2])) == (
        "[[[0 1]\n  [2 3]]\n\n [[4 5]\n  [6 7]]]\n")
    assert _printed(tf.range(10), summarize=-1) == "[0 1 2 3 4 5 6 7 8 9]\n"
    assert _printed("a", "b", sep=",", end="!\n") == "a,b!\n"


def test_python_functions_run_eagerly():
    out = tf.py_function(lambda a, b: a + b, [tf.constant(1.0), tf.constant(2.0)], tf.float32)
    assert out.dtype == tf.float32 and float(out) == 3.0
    out = tf.numpy_function(lambda a: (a * 2).astype(np.int64), [tf.constant([1, 2])], tf.int64)
    assert out.dtype == tf.int64 and out.tolist() == [2, 4]
    assert tf.executing_eagerly() is True
    assert (tf.is_tensor(tf.constant(1)), tf.is_tensor(1), tf.is_tensor(np.ones(1))) == (
        True, False, False)
    with tf.control_dependencies([tf.constant(1)]), tf.device("/GPU:0"), tf.init_scope():
        assert tf.add(1, 2).tolist() == 3
    with tf.name_scope("block") as scope:
        assert scope == "block/"
    assert tf.autograph.experimental.do_not_convert(len) is len
    assert tf.function(jit_compile=True)(len) is len


def test_custom_gradient():
    @tf.custom_gradient
    def clip_grad(x):
        def grad(dy):
            return tf.clip_by_value(dy, -0.5, 0.5)
        return tf.identity(x * 3.0), grad

    x = tf.Variable([1.0, 2.0])
    with tf.GradientTape() as tape:
        y = tf.reduce_sum(clip_grad(x) * 2.0)
    assert tape.gradient(y, x).tolist() == [0.5, 0.5]


def test_nest():
    # from tensorflow 2.21
    assert tf.nest.flatten({"b": [1, 2], "a": (3,)}) == [3, 1, 2]
    assert tf.nest.map_structure(lambda x, y: x + y, [1, (2, 3)], [10, (20, 30)]) == [11, (22, 33)]
    assert tf.nest.pack_sequence_as({"b": [0, 0], "a": 0}, [1, 2, 3]) == {"b": [2, 3], "a": 1}
    with pytest.raises(ValueError,
                       match="^The two structures don't have the same nested structure"):
        tf.nest.assert_same_structure([1, [2]], [1, 2])
    assert tf.nest.is_nested([1]) and not tf.nest.is_nested(1)


def test_initializers_and_dtypes():
    # from tensorflow 2.21
    assert tf.zeros_initializer()([2]).tolist() == [0.0, 0.0]
    assert tf.ones_initializer()([2], dtype=tf.float64).dtype == tf.float64
    assert tf.constant_initializer(3.0)([2]).tolist() == [3.0, 3.0]
    assert tf.random_normal_initializer(0.0, 1.0).get_config() == {
        "mean": 0.0, "stddev": 1.0, "seed": None}
    assert tf.random_uniform_initializer().get_config() == {
        "minval": -0.05, "maxval": 0.05, "seed": None}
    assert tf.random_normal_initializer(seed=1)([1000]).std().item() == pytest.approx(0.05, 0.1)
    assert tf.constant(1.0).dtype == tf.float32 and tf.as_dtype("float32") == tf.float32
    assert tf.as_dtype(np.int64) == tf.int64 and tf.dtypes.as_dtype(float) == tf.float32
    with pytest.raises(NotImplementedError, match="tf.string tensors are not provided"):
        tf.as_dtype("string")
    assert tf.initializers.GlorotUniform is not None and tf.keras.layers.Dense is not None


def test_strings_on_python_strings():
    assert tf.strings.lower("AbC") == "abc" and tf.strings.upper(["a", b"b"]) == ["A", "B"]
    assert tf.strings.regex_replace("a1b22", r"\d+", "#") == "a#b#"
    assert tf.strings.split("a b  c") == ["a", "b", "c"]
    assert tf.strings.split(["a,b", "c"], sep=",") == [["a", "b"], ["c"]]
    with pytest.raises(NotImplementedError, match="^tf.strings.to_number is not provided"):
        tf.strings.to_number("1")


def test_random():
    tf.random.set_seed(3)
    a = tf.random.uniform([3], 0, 10, dtype=tf.int32, seed=1)
    assert a.dtype == tf.int32 and bool(((a >= 0) & (a < 10)).all())
    assert tf.random.uniform([2], seed=1).dtype == tf.float32
    assert tf.random.normal([2, 2], seed=5).tolist() == tf.random.normal([2, 2], seed=5).tolist()
    t = tf.random.truncated_normal([1000], stddev=2.0, seed=1)
    assert float(t.abs().max()) <= 4.0
    assert sorted(tf.random.shuffle(tf.range(5), seed=2).tolist()) == [0, 1, 2, 3, 4]
    assert tf.random.categorical(tf.math.log([[0.0, 1.0]]), 4, seed=1).tolist() == [[1, 1, 1, 1]]
    with pytest.raises(ValueError, match="^Must specify maxval for integer dtype"):
        tf.random.uniform([1], dtype=tf.int32)


def test_logger():
    assert tf.get_logger() is logging.getLogger("tensorflow")


def test_dropout_scales_kept_entries():
    x = tf.ones([1000])
    out = tf.nn.dropout(x, rate=0.25, seed=1)
    kept = out[out != 0]
    assert torch.allclose(kept, torch.full_like(kept, 1 / 0.75))
    assert 0.65 < kept.numel() / 1000 < 0.85
    same = tf.nn.dropout(tf.ones([2, 4]), 0.5, noise_shape=[1, 4], seed=2)
    assert same[0].tolist() == same[1].tolist()
    with pytest.raises(ValueError,
                       match=r"^`rate` must be a scalar tensor or a float in the range"):
        tf.nn.dropout(x, 1.0)


def test_custom_training_loop_in_tensorflow_style():
    """A keras.io-style loop: custom layer on tf ops, tf.function step, clipping, metrics."""
    import torchkeras as keras

    class Linear(keras.layers.Layer):
        def build(self, input_shape):
            self.w = self.add_weight(shape=(input_shape[-1], 1), initializer="ones")
            self.b = self.add_weight(shape=(1,), initializer="zeros")

        def call(self, inputs):
            return tf.nn.relu(tf.matmul(inputs, self.w) + self.b)

    rng = np.random.default_rng(0)
    x = tf.constant(rng.random((16, 3)), dtype=tf.float32)
    y = tf.reduce_sum(x, axis=1, keepdims=True) * 0.5
    model = keras.Sequential([keras.Input((3,)), Linear()])
    optimizer = keras.optimizers.SGD(0.1)

    @tf.function
    def train_step(xb, yb):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(model(xb, training=True) - yb))
        grads = tape.gradient(loss, model.trainable_variables)
        grads, _ = tf.clip_by_global_norm(grads, 1.0)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        return loss

    losses = [float(train_step(x, y).detach()) for _ in range(20)]
    assert losses[-1] < losses[0] / 4


def test_random_generators_and_stateless_draws():
    rng = tf.random.Generator.from_seed(1337)
    again = tf.random.Generator.from_seed(1337)
    assert rng.normal([3]).tolist() == again.normal([3]).tolist()
    seeds = rng.make_seeds(2)
    assert tuple(seeds.shape) == (2, 2) and seeds.dtype == tf.int64
    seed = seeds[:, 0]
    a = tf.random.stateless_uniform([4], seed=seed)
    assert a.tolist() == tf.random.stateless_uniform([4], seed=seed).tolist()
    image = tf.reshape(tf.range(12.0), [2, 2, 3])
    flipped = tf.image.stateless_random_flip_left_right(image, seed=(1, 2))
    assert flipped.tolist() == tf.image.stateless_random_flip_left_right(image, (1, 2)).tolist()
    assert rng.uniform([2], 0, 5, dtype=tf.int32).dtype == tf.int32
    assert isinstance(tf.random.get_global_generator(), tf.random.Generator)


def test_dynamic_batch_shape_in_functional_layers():
    """keras.io's ViT `Patches` layer: `tf.shape(x)[0]` while Keras infers shapes symbolically."""
    import torchkeras as keras

    class Patches(keras.layers.Layer):
        def call(self, images):
            batch_size = tf.shape(images)[0]
            patches = tf.image.extract_patches(images, sizes=[1, 2, 2, 1], strides=[1, 2, 2, 1],
                                               rates=[1, 1, 1, 1], padding="VALID")
            return tf.reshape(patches, [batch_size, -1, patches.shape[-1]])

    inputs = keras.Input((4, 4, 3))
    outputs = Patches()(inputs)
    assert tuple(outputs.shape) == (None, 4, 12)
    model = keras.Model(inputs, outputs)
    result = model(np.ones((5, 4, 4, 3), "float32"))
    assert tuple(result.shape) == (5, 4, 12)
    assert tf.shape(result).tolist() == [5, 4, 12] and tf.shape(result).dtype == tf.int32


def test_tensor_array():
    ta = tf.TensorArray(tf.float32, size=0, dynamic_size=True)
    for i in range(3):
        ta = ta.write(i, [float(i), float(i) * 2])
    assert ta.stack().tolist() == [[0.0, 0.0], [1.0, 2.0], [2.0, 4.0]]
    assert ta.read(1).tolist() == [1.0, 2.0] and int(ta.size()) == 3
    fixed = tf.TensorArray(tf.int32, size=1)
    # from tensorflow 2.21
    with pytest.raises(tf.errors.OutOfRangeError, match="^Tried to write to index 1 but array is "
                                                       "not resizeable and size is: 1$"):
        fixed.write(1, 5)
    unstacked = tf.TensorArray(tf.int32, size=2).unstack([[1], [2]])
    assert unstacked.gather([1, 0]).tolist() == [[2], [1]]


def test_enums_and_recompute_grad():
    unused = tf.Variable([0.0])
    with tf.GradientTape() as tape:
        z = tf.reduce_sum(tf.constant([1.0]) * 2.0)
    grads = tape.gradient(z, [unused], unconnected_gradients=tf.UnconnectedGradients.ZERO)
    assert grads[0].tolist() == [0.0]
    import torchkeras as keras

    layer = keras.layers.Layer()
    w = layer.add_weight(shape=(1,), aggregation=tf.VariableAggregation.MEAN,
                         synchronization=tf.VariableSynchronization.AUTO)
    assert w.aggregation == "mean"
    double = tf.recompute_grad(lambda t: tf.square(t) * 2.0)
    x = tf.Variable([3.0])
    with tf.GradientTape() as tape:
        y = tf.reduce_sum(double(x))
    assert tape.gradient(y, x).tolist() == [12.0]
