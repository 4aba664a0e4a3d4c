"""tf.distribute, tf.config, tf.test, tf.compat.v1, tf.debugging, tf.errors, tf.io and the
NotImplementedError for names not provided. Messages are from tensorflow 2.21 unless noted."""

import logging

import numpy as np
import pytest
import torch

from torchkeras import compat
from torchkeras.compat import tensorflow as tf


@pytest.fixture
def shim():
    compat.install()
    yield
    compat.uninstall()


def test_distribute_single_replica_strategies():
    import torchkeras as keras

    strategy = tf.distribute.MirroredStrategy()
    assert strategy.num_replicas_in_sync == 1 and not tf.distribute.has_strategy()
    with strategy.scope():
        assert tf.distribute.get_strategy() is strategy and tf.distribute.has_strategy()
        model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
        model.compile(optimizer="sgd", loss="mse")
    model.fit(np.ones((4, 2), "float32"), np.ones((4, 1), "float32"), epochs=1, verbose=0)
    assert tf.distribute.get_strategy().num_replicas_in_sync == 1
    total = strategy.reduce(tf.distribute.ReduceOp.SUM, tf.constant([1.0, 2.0]), axis=0)
    assert float(total) == 3.0  # from tensorflow 2.21
    assert strategy.run(lambda x: x * 2, args=(tf.constant(2),)).tolist() == 4
    assert tf.distribute.OneDeviceStrategy("/gpu:0").experimental_distribute_dataset([1]) == [1]
    with pytest.raises(ValueError, match="^Please provide a TPU Name to connect to.$"):
        tf.distribute.cluster_resolver.TPUClusterResolver()
    with pytest.raises(NotImplementedError, match="TPUStrategy is not provided"):
        tf.distribute.TPUStrategy()


def test_config_and_test_answer_from_torch():
    gpus = tf.config.list_physical_devices("GPU")
    assert len(gpus) == torch.cuda.device_count()
    assert tf.config.list_physical_devices("CPU")[0].name == "/physical_device:CPU:0"
    for gpu in gpus:
        tf.config.experimental.set_memory_growth(gpu, True)
    tf.config.set_visible_devices([], "GPU")
    assert tf.config.get_visible_devices("GPU") == []
    tf.config.set_visible_devices(gpus, "GPU")
    assert tf.config.get_visible_devices("GPU") == gpus
    assert tf.config.list_logical_devices("CPU")[0].name == "/device:CPU:0"
    tf.config.run_functions_eagerly(True)
    assert tf.test.is_gpu_available() == torch.cuda.is_available()
    assert tf.test.gpu_device_name() == ("/device:GPU:0" if torch.cuda.is_available() else "")
    assert tf.test.is_built_with_cuda() == (torch.version.cuda is not None)


def test_tf_test_case_helpers():
    case = tf.test.TestCase()
    case.assertAllClose(tf.constant([1.0]), [1.0 + 1e-8])
    case.assertAllEqual(tf.constant([1, 2]), np.array([1, 2]))
    with pytest.raises(AssertionError):
        case.assertAllEqual(tf.constant([1, 2]), [1, 3])


def test_compat_v1_first_lines(shim):
    import tensorflow.compat.v1 as tf1

    tf1.logging.set_verbosity(tf1.logging.ERROR)
    assert logging.getLogger("tensorflow").level == logging.ERROR
    logging.getLogger("tensorflow").setLevel(logging.NOTSET)
    # from tensorflow 2.21
    assert (tf1.logging.ERROR, tf1.logging.INFO, tf1.logging.WARN, tf1.logging.DEBUG) == (
        40, 20, 30, 10)
    tf1.enable_eager_execution()
    tf1.set_random_seed(1)
    config = tf1.ConfigProto()
    config.gpu_options.allow_growth = True
    assert tf1.reduce_sum([1, 2]).tolist() == 3
    for name in ("disable_eager_execution", "Session", "placeholder"):
        with pytest.raises(NotImplementedError, match=f"^tf.compat.v1.{name}: torchkeras.compat "
                                                      "runs eagerly on torch"):
            getattr(tf1, name)()
    with pytest.raises(NotImplementedError, match="^tf.compat.v1.quantization is not provided"):
        tf1.quantization
    import tensorflow as tf2

    assert tf2.compat.v2.reduce_sum is tf2.reduce_sum


def test_debugging_asserts():
    assert tf.debugging.assert_equal(tf.constant([1, 2]), tf.constant([1, 2])) is None
    with pytest.raises(tf.errors.InvalidArgumentError) as info:
        tf.debugging.assert_equal(tf.constant([1, 2]), tf.constant([1, 3]))
    # from tensorflow 2.21
    assert str(info.value) == (
        "Condition x == y did not hold.\nIndices of first 1 different values:\n[[1]]\n"
        "Corresponding x values:\n[2]\nCorresponding y values:\n[3]\n"
        "First 2 elements of x:\n[1 2]\nFirst 2 elements of y:\n[1 3]")
    with pytest.raises(tf.errors.InvalidArgumentError, match="^boom\nCondition x == y did not"):
        tf.debugging.assert_equal(1, 2, message="boom")
    with pytest.raises(tf.errors.InvalidArgumentError, match="^Condition x < y did not hold."):
        tf.debugging.assert_less(tf.constant([1, 5]), tf.constant([2, 3]))
    tf.debugging.assert_shapes([(tf.zeros([2, 3]), ("N", "D")), (tf.zeros([2]), ("N",))])
    with pytest.raises(ValueError) as info:
        tf.debugging.assert_shapes([(tf.zeros([2, 3]), ("N", "D")), (tf.zeros([3]), ("N",))])
    assert str(info.value) == (
        "Specified by tensor shape=(2, 3) dtype=float32 dimension 0.  Tensor shape=(3,) "
        "dtype=float32 dimension 0 must have size 2.  Received size 3, shape (3,)")
    with pytest.raises(ValueError) as info:
        tf.debugging.assert_shapes([(tf.zeros([2, 3]), (2, 4))])
    assert str(info.value) == (
        "Specified explicitly.  Tensor shape=(2, 3) dtype=float32 dimension 1 must have size "
        "4.  Received size 3, shape (2, 3)")
    with pytest.raises(ValueError) as info:
        tf.debugging.assert_shapes([(tf.zeros([2, 3]), ("N",))])
    assert str(info.value) == "Tensor  must have rank in (0, 1).  Received rank 2, shape (2, 3)"
    with pytest.raises(ValueError) as info:
        tf.debugging.assert_rank(tf.zeros([2]), 2)
    assert str(info.value) == "Tensor  must have rank 2.  Received rank 1, shape (2,)"
    with pytest.raises(tf.errors.InvalidArgumentError, match="^bad : Tensor had NaN values"):
        tf.debugging.check_numerics(tf.constant([float("nan")]), "bad")
    with pytest.raises(tf.errors.InvalidArgumentError, match="^bad : Tensor had Inf values"):
        tf.debugging.assert_all_finite(tf.constant([float("inf")]), "bad")
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.debugging.assert_near(tf.constant([1.0]), tf.constant([1.1]))
    tf.debugging.set_log_device_placement(True)
    assert tf.debugging.get_log_device_placement() is True
    tf.debugging.set_log_device_placement(False)
    assert issubclass(tf.errors.InvalidArgumentError, tf.errors.OpError)


def test_mixed_dtypes_raise_like_tensorflow():
    with pytest.raises(tf.errors.InvalidArgumentError) as info:
        tf.matmul(tf.constant([[1.0]]), tf.constant([[1]]))
    assert str(info.value) == (
        "cannot compute MatMul as input #1(zero-based) was expected to be a float tensor but "
        "is a int32 tensor [Op:MatMul] name: ")


def test_io_read_file_and_decode(tmp_path):
    from PIL import Image

    pixels = np.arange(2 * 3 * 3, dtype="uint8").reshape(2, 3, 3) * 10
    Image.fromarray(pixels).save(tmp_path / "a.png")
    data = tf.io.read_file(str(tmp_path / "a.png"))
    image = tf.image.decode_png(data, channels=3)
    assert image.dtype == tf.uint8 and image.numpy().tolist() == pixels.tolist()
    gray = tf.io.decode_image(data, channels=1, dtype=tf.float32)
    assert tuple(gray.shape) == (2, 3, 1) and gray.dtype == tf.float32
    Image.fromarray(pixels).save(tmp_path / "a.jpg", quality=95)
    jpeg = tf.image.decode_jpeg(tf.io.read_file(str(tmp_path / "a.jpg")))
    assert tuple(jpeg.shape) == (2, 3, 3) and jpeg.dtype == tf.uint8
    with pytest.raises(tf.errors.InvalidArgumentError, match="Expected image"):
        tf.image.decode_jpeg(data)
    assert tf.image.decode_png(tf.image.encode_png(image)).numpy().tolist() == pixels.tolist()
    assert tf.io.gfile.exists(str(tmp_path / "a.png"))
    assert tf.io.gfile.glob(str(tmp_path / "*.png")) == [str(tmp_path / "a.png")]


def test_missing_names_raise_naming_them(shim):
    import tensorflow as tf_shim

    for namespace, module in [("tf", tf_shim), ("tf.math", tf_shim.math), ("tf.nn", tf_shim.nn),
                              ("tf.image", tf_shim.image), ("tf.linalg", tf_shim.linalg),
                              ("tf.io", tf_shim.io), ("tf.random", tf_shim.random),
                              ("tf.distribute", tf_shim.distribute)]:
        with pytest.raises(NotImplementedError, match=f"^{namespace}.no_such_name is not provided"):
            module.no_such_name
    from tensorflow import image
    from tensorflow.math import reduce_sum

    assert image.flip_left_right is tf.image.flip_left_right and reduce_sum is tf.reduce_sum


def test_symbolic_input_to_a_tf_function_raises_keras_text():
    import torchkeras as keras

    with pytest.raises(ValueError) as info:
        tf.reduce_sum(keras.Input((3,)))
    # from keras 3.15.1 (KerasTensor.__tf_tensor__)
    assert str(info.value).startswith(
        "A KerasTensor cannot be used as input to a TensorFlow function. A KerasTensor is a "
        "symbolic placeholder for a shape and dtype")
    assert str(info.value).endswith("x = MyLayer()(x)\n```\n")
