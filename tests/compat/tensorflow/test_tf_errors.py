"""The errors the `tensorflow` subset raises: same type and text as TensorFlow 2.21.

Expected `(\"raises\", type, first line of the message)` recorded under real TensorFlow 2.21 (the
refenv); a message that starts with TF's `{{function_node ...}}` kernel prefix is checked by type
(and the rest of the text below).
"""

import numpy as np
import pytest

from torchkeras.compat import tensorflow as tf

# from tensorflow 2.21
CASES = {
    'tf.pad([[1, 2], [3, 4]], [[3, 0], [0, 0]], "SYMMETRIC")':
        ('raises', 'InvalidArgumentError',
         '{{function_node '
         '__wrapped__MirrorPad_device_/job:localhost/replica:0/task:0/device:CPU:0}} paddings '
         'must be no greater than the dimension size: 3, 0 greater than 2 [Op:MirrorPad]'),
    'tf.pad([[1, 2], [3, 4]], [[0, 0], [0, 0]], "WRAP")':
        ('raises', 'ValueError',
         'Value of argument `mode` expected to be one of "CONSTANT", "REFLECT", or "SYMMETRIC". '
         'Received `mode` = WRAP'),
    'tf.sort([3, 1], direction="UP")':
        ('raises', 'ValueError',
         'Argument `direction` should be one of ASCENDING, DESCENDING. Received: direction=UP'),
    'tf.image.resize(tf.zeros([4, 4, 1]), [2, 2, 2])':
        ('raises', 'ValueError',
         "'size' must be a 1-D Tensor of 2 elements: new_height, new_width"),
    'tf.image.resize(tf.zeros([4, 4, 1]), [2, 2], method="bogus")':
        ('raises', 'ValueError', 'Resize method is not implemented: bogus'),
    'tf.image.crop_to_bounding_box(tf.zeros([4, 4, 1]), 0, 3, 2, 2)':
        ('raises', 'ValueError', 'width must be >= target + offset.'),
    'tf.image.pad_to_bounding_box(tf.zeros([4, 4, 1]), 0, 1, 4, 4)':
        ('raises', 'ValueError', 'width must be <= target - offset'),
    'tf.image.central_crop(tf.zeros([4, 4, 1]), 1.5)':
        ('raises', 'ValueError', 'central_fraction must be within (0, 1]'),
    'tf.image.random_crop(tf.zeros([4, 4, 3]), [5, 4, 3])':
        ('raises', 'InvalidArgumentError',
         "Expected 'tf.Tensor(False, shape=(), dtype=bool)' to be true. Summarized data: b'Need "
         "value.shape >= size, got '"),
    'tf.image.random_brightness(tf.zeros([2, 2, 1]), -0.1)':
        ('raises', 'ValueError', 'max_delta must be non-negative.'),
    'tf.image.random_contrast(tf.zeros([2, 2, 1]), -0.5, 1.5)':
        ('raises', 'ValueError', 'lower must be non-negative.'),
    'tf.image.random_saturation(tf.zeros([2, 2, 3]), 1.5, 0.5)':
        ('raises', 'ValueError', 'upper must be > lower.'),
    'tf.image.random_saturation(tf.zeros([2, 2, 3]), -1.5, 0.5)':
        ('raises', 'ValueError', 'lower must be non-negative.'),
    'tf.image.random_hue(tf.zeros([2, 2, 3]), 0.7)':
        ('raises', 'ValueError', 'max_delta must be <= 0.5.'),
    'tf.image.random_hue(tf.zeros([2, 2, 3]), -0.1)':
        ('raises', 'ValueError', 'max_delta must be non-negative.'),
    'tf.image.resize_with_pad(tf.zeros([2, 4]), 3, 3)':
        ('raises', 'ValueError', "'image' (shape (2, 4)) must have either 3 or 4 dimensions."),
    'tf.image.image_gradients(tf.zeros([3, 3, 1]))':
        ('raises', 'ValueError',
         'image_gradients expects a 4D tensor [batch_size, h, w, d], not (3, 3, 1).'),
    'tf.norm([[1.0, 2.0], [3.0, 4.0]], ord=3, axis=[0, 1])':
        ('raises', 'ValueError',
         "'ord' must be a supported matrix norm in ['euclidean', 'fro', 1, 2, inf], got 3"),
    'tf.norm([1.0, 2.0], ord=-1)':
        ('raises', 'ValueError', "'ord' must be a supported vector norm, got -1"),
    'tf.nn.conv2d(tf.zeros([1, 4, 4, 1]), tf.zeros([3, 3, 1, 1]), [1, 1, 1], "SAME")':
        ('raises', 'ValueError',
         'strides should be of length 1, 2 or 4. Received: strides=[1, 1, 1] of length 3'),
    'tf.nn.conv2d(tf.zeros([1, 4, 4, 1]), tf.zeros([3, 3, 1, 1]), 1, "FULL")':
        ('raises', 'InvalidArgumentError',
         'Value for attr \'padding\' of "FULL" is not in the list of allowed values: "SAME", '
         '"VALID", "EXPLICIT"'),
    'tf.random.uniform([2], dtype=tf.int64)':
        ('raises', 'ValueError', 'Must specify maxval for integer dtype tf.int64'),
    'tf.signal.hann_window(4, dtype=tf.int32)':
        ('raises', 'ValueError', "dtype must be a floating point type. Found <dtype: 'int32'>"),
    'tf.signal.linear_to_mel_weight_matrix(lower_edge_hertz=-1.0)':
        ('raises', 'ValueError', 'lower_edge_hertz must be non-negative. Got: -1.0'),
    'tf.signal.linear_to_mel_weight_matrix(lower_edge_hertz=500.0, upper_edge_hertz=400.0)':
        ('raises', 'ValueError', 'lower_edge_hertz 500.0 >= upper_edge_hertz 400.0'),
    'tf.signal.linear_to_mel_weight_matrix(upper_edge_hertz=5000.0)':
        ('raises', 'ValueError',
         'upper_edge_hertz must not be larger than the Nyquist frequency (sample_rate / 2). Got '
         '5000.0 for sample_rate: 8000'),
    'tf.TensorShape(None).__len__()':
        ('raises', 'ValueError', 'Cannot take the length of shape with unknown rank.'),
    'tf.TensorShape([1, 2]).assert_is_compatible_with([1, 3])':
        ('raises', 'ValueError', 'Shapes (1, 2) and [1, 3] are incompatible'),
    'tf.TensorShape([1, 2]).with_rank(3)':
        ('raises', 'ValueError', 'Shape (1, 2) must have rank 3'),
    'tf.Variable(None)':
        ('raises', 'ValueError',
         'The `initial_value` arg to `tf.Variable` must be specified except when you are not '
         'providing a `variable_def`. You provided neither.'),
    'tf.debugging.assert_rank_at_least(tf.zeros([2]), 2)':
        ('raises', 'ValueError', 'Tensor  must have rank at least 2.  Received rank 1, shape (2,)'),
    'tf.debugging.assert_type(tf.constant([1]), tf.float32)':
        ('raises', 'TypeError', 'tensor must be of type tf.float32; got tf.int32'),
    'tf.debugging.Assert(False, ["oops", 3])':
        ('raises', 'InvalidArgumentError', "Expected 'False' to be true. Summarized data: b'oops'"),
    'tf.TensorShape(None).__iter__()':
        ('raises', 'ValueError', 'Cannot iterate over a shape with unknown rank.'),
    'tf.nn.dropout(tf.ones([2]), -0.5)':
        ('raises', 'ValueError',
         '`rate` must be a scalar tensor or a float in the range [0, 1). Received: rate=-0.5'),
    'tf.ensure_shape(tf.zeros([2, 3]), [None, 4])':
        ('raises', 'InvalidArgumentError',
         '{{function_node '
         '__wrapped__EnsureShape_device_/job:localhost/replica:0/task:0/device:CPU:0}} Shape of '
         'tensor input [2,3] is not compatible with expected shape [?,4]. [Op:EnsureShape] name: '),
    'tf.math.logical_and([1.0], [True])':
        ('raises', 'TypeError', 'Cannot convert [1.0] to EagerTensor of dtype bool'),
}


@pytest.mark.parametrize("expression", list(CASES))
def test_raises_like_tensorflow(check, expression):
    check(expression, CASES[expression])


def test_kernel_messages_without_tf_prefix():
    # from tensorflow 2.21, minus the `{{function_node ...}}` prefix TF's kernels add
    with pytest.raises(tf.errors.InvalidArgumentError) as info:
        tf.pad([[1, 2], [3, 4]], [[3, 0], [0, 0]], "SYMMETRIC")
    assert str(info.value) == ("paddings must be no greater than the dimension size: 3, 0 "
                               "greater than 2 [Op:MirrorPad]")
    with pytest.raises(tf.errors.InvalidArgumentError) as info:
        tf.pad([[1, 2], [3, 4]], [[2, 2], [0, 0]], "REFLECT")
    assert str(info.value) == ("paddings must be less than the dimension size: 2, 2 not less "
                               "than 2 [Op:MirrorPad]")
    with pytest.raises(tf.errors.InvalidArgumentError) as info:
        tf.ensure_shape(tf.zeros([2, 3]), [None, 4])
    assert str(info.value) == ("Shape of tensor input [2,3] is not compatible with expected "
                               "shape [?,4]. [Op:EnsureShape] name: ")
    with pytest.raises(tf.errors.InvalidArgumentError) as info:
        tf.image.random_crop(tf.zeros([4, 4, 3]), [5, 4, 3])
    assert str(info.value) == (
        "Expected 'tf.Tensor(False, shape=(), dtype=bool)' to be true. Summarized data: "
        "b'Need value.shape >= size, got '\n4, 4, 3\n5, 4, 3")
    with pytest.raises(tf.errors.InvalidArgumentError) as info:
        tf.debugging.Assert(False, ["oops", 3])
    assert str(info.value) == "Expected 'False' to be true. Summarized data: b'oops'\n3"
    with pytest.raises(tf.errors.InvalidArgumentError) as info:
        tf.split(tf.range(5), 2)
    assert str(info.value).startswith("Number of ways to split should evenly divide the split "
                                      "dimension, but got split_dim 0 (size = 5) and num_split 2")


def test_errors_of_names_tf_lacks_or_words_differently():
    # torchkeras's own texts (TF names its EagerTensor class, or has no such check).
    with pytest.raises(TypeError, match=r"^`t_list` should be a sequence of tensors. Received "
                                        r"<class 'torch.Tensor'>.$"):
        tf.clip_by_global_norm(tf.constant([1.0]), 1.0)
    with pytest.raises(TypeError, match="^torchkeras.compat: string and object tensors are not "
                                        "supported on torch. Received: value="):
        tf.reduce_sum(np.array(["a"]))
    with pytest.raises(ValueError, match=r"^`size` must have one entry per dimension of `value`"):
        tf.image.random_crop(tf.zeros([4, 4, 3]), [2, 2])
    with pytest.raises(ValueError, match=r"^`images` must be 4-D \(batch, height, width, "
                                         r"channels\). Received: shape=\(4, 4\)"):
        tf.image.extract_patches(tf.zeros([4, 4]), [1, 2, 2, 1], [1, 2, 2, 1], [1, 1, 1, 1],
                                 "VALID")
    with pytest.raises(ValueError, match="^as_list\\(\\) is not defined"):
        tf.TensorShape(None).as_list()
    with pytest.raises(tf.errors.AlreadyExistsError, match="^file already exists: "):
        tf.io.gfile.copy(__file__, __file__)
    with pytest.raises(tf.errors.AlreadyExistsError, match="^file already exists: "):
        tf.io.gfile.rename(__file__, __file__)
    with pytest.raises(tf.errors.InvalidArgumentError, match="^x and y not equal to tolerance"):
        tf.debugging.assert_near(1.0, 2.0)
    with pytest.raises(ImportError, match="requires Pillow: pip install pillow"):
        import sys

        saved = sys.modules.get("PIL")
        sys.modules["PIL"] = None
        try:
            tf.image.decode_png(b"")
        finally:
            if saved is not None:
                sys.modules["PIL"] = saved
            else:
                del sys.modules["PIL"]
    with pytest.raises(NotImplementedError, match="^tf.saved_model.load: .* is a TensorFlow"):
        import os
        import tempfile

        with tempfile.TemporaryDirectory() as directory:
            open(os.path.join(directory, "saved_model.pb"), "wb").close()
            tf.saved_model.load(directory)
