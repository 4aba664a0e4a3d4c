"""`tf.*` core functions: TF's default dtypes, no mixed-dtype promotion, reductions, creation.

Expected values were recorded by evaluating each expression under real TensorFlow 2.21 (the
refenv) and pasted here as `(dtype, values)` literals (floats rounded to 6 decimals).
"""

import pytest

# from tensorflow 2.21
CASES = {
    'tf.constant([1, 2])':
        ('int32', [1, 2]),
    'tf.constant(np.array([1.0]))':
        ('float64', [1.0]),
    'tf.constant(np.array([1]))':
        ('int64', [1]),
    'tf.constant(2.5, shape=[2, 2])':
        ('float32', [[2.5, 2.5], [2.5, 2.5]]),
    'tf.constant(2**40)':
        ('int64', 1099511627776),
    'tf.add(tf.constant([1.0]), np.array([1.0]))':
        ('float32', [2.0]),
    'tf.add(tf.constant([1]), np.array([1.5]))':
        ('int32', [2]),
    'tf.add(tf.constant([1.0]), 2)':
        ('float32', [3.0]),
    'tf.add([1.0], [2])':
        ('float32', [3.0]),
    'tf.add(tf.constant([1.0]), tf.constant([1]))':
        ('raises', 'InvalidArgumentError',
         'cannot compute AddV2 as input #1(zero-based) was expected to be a float tensor but is a '
         'int32 tensor [Op:AddV2] name: '),
    'tf.add(tf.constant([1]), 1.5)':
        ('raises', 'InvalidArgumentError',
         'cannot compute AddV2 as input #1(zero-based) was expected to be a int32 tensor but is a '
         'float tensor [Op:AddV2] name: '),
    'tf.add(1, tf.constant([1.0]))':
        ('raises', 'InvalidArgumentError',
         'cannot compute AddV2 as input #1(zero-based) was expected to be a int32 tensor but is a '
         'float tensor [Op:AddV2] name: '),
    'tf.concat([tf.constant([1.0]), tf.constant([1])], 0)':
        ('raises', 'InvalidArgumentError',
         'cannot compute ConcatV2 as input #1(zero-based) was expected to be a float tensor but '
         'is a int32 tensor [Op:ConcatV2] name: concat'),
    'tf.matmul(tf.constant([[1.0]]), tf.constant([[1]]))':
        ('raises', 'InvalidArgumentError',
         'cannot compute _MklMatMul as input #1(zero-based) was expected to be a float tensor but '
         'is a int32 tensor [Op:MatMul] name: '),
    'tf.divide(tf.constant([3]), tf.constant([2]))':
        ('float64', [1.5]),
    'tf.truediv(tf.constant([3], tf.int16), tf.constant([2], tf.int16))':
        ('float32', [1.5]),
    'tf.divide([3.0, -3.0], 2.0)':
        ('float32', [1.5, -1.5]),
    'tf.subtract([5, 1], [2, 3])':
        ('int32', [3, -2]),
    'tf.multiply([1.5, 2.0], 2.0)':
        ('float32', [3.0, 4.0]),
    'tf.maximum([1, 5], [3, 2])':
        ('int32', [3, 5]),
    'tf.minimum([1.0, 5.0], 2.0)':
        ('float32', [1.0, 2.0]),
    'tf.reduce_mean(tf.constant([-1, -2]))':
        ('int32', -1),
    'tf.reduce_mean([[1.0, 2.0], [3.0, 5.0]], axis=0)':
        ('float32', [2.0, 3.5]),
    'tf.reduce_sum([[1, 2], [3, 4]], axis=[0, 1])':
        ('int32', 10),
    'tf.reduce_sum([[1, 2], [3, 4]], 1, keepdims=True)':
        ('int32', [[3], [7]]),
    'tf.reduce_prod([[1.0, 2.0], [3.0, 4.0]], axis=[0, 1])':
        ('float32', 24.0),
    'tf.reduce_prod([[1, 2], [3, 4]], axis=0)':
        ('int32', [3, 8]),
    'tf.reduce_max([[1, 7], [3, 4]], axis=1)':
        ('int32', [7, 4]),
    'tf.reduce_min([[1.0, 7.0], [3.0, 4.0]])':
        ('float32', 1.0),
    'tf.reduce_any([[True, False], [False, False]], axis=1)':
        ('bool', [True, False]),
    'tf.reduce_all([True, False])':
        ('bool', False),
    'tf.reduce_logsumexp([[0.0, 1.0], [2.0, 3.0]], axis=1)':
        ('float32', [1.313262, 3.313262]),
    'tf.argmax([[1, 3], [4, 2]])':
        ('int64', [1, 0]),
    'tf.argmax([[1, 3], [4, 2]], axis=1, output_type=tf.int32)':
        ('int32', [1, 0]),
    'tf.argmin([3.0, 1.0, 2.0])':
        ('int64', 1),
    'tf.shape(tf.zeros([2, 3]))':
        ('int32', [2, 3]),
    'tf.size(tf.zeros([2, 3]))':
        ('int32', 6),
    'tf.rank(tf.zeros([2, 3]))':
        ('int32', 2),
    'tf.rank(3)':
        ('int32', 0),
    'tf.fill([2, 2], 3)':
        ('int32', [[3, 3], [3, 3]]),
    'tf.fill([2], 1.5)':
        ('float32', [1.5, 1.5]),
    'tf.eye(2, 3)':
        ('float32', [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]),
    'tf.eye(2, batch_shape=[2])':
        ('float32', [[[1.0, 0.0], [0.0, 1.0]], [[1.0, 0.0], [0.0, 1.0]]]),
    'tf.linspace(0.0, 1.0, 5)':
        ('float32', [0.0, 0.25, 0.5, 0.75, 1.0]),
    'tf.linspace(0, 1, 3)':
        ('float64', [0.0, 0.5, 1.0]),
    'tf.range(5)':
        ('int32', [0, 1, 2, 3, 4]),
    'tf.range(1, 2, 0.25)':
        ('float32', [1.0, 1.25, 1.5, 1.75]),
    'tf.range(5, dtype=tf.float32)':
        ('float32', [0.0, 1.0, 2.0, 3.0, 4.0]),
    'tf.zeros([2], tf.int32)':
        ('int32', [0, 0]),
    'tf.ones((1, 2), dtype="float64")':
        ('float64', [[1.0, 1.0]]),
    'tf.zeros_like([1, 2])':
        ('int32', [0, 0]),
    'tf.ones_like([1.0, 2.0], dtype=tf.int64)':
        ('int64', [1, 1]),
    'tf.one_hot([0, 2, -1], 3)':
        ('float32', [[1.0, 0.0, 0.0], [0.0, 0.0, 1.0], [0.0, 0.0, 0.0]]),
    'tf.one_hot([1], 3, on_value=5, off_value=-1)':
        ('int32', [[-1, 5, -1]]),
    'tf.one_hot([0, 1], 2, axis=0)':
        ('float32', [[1.0, 0.0], [0.0, 1.0]]),
    'tf.cast([1.7, -1.7], tf.int32)':
        ('int32', [1, -1]),
    'tf.cast([0, 2], tf.bool)':
        ('bool', [False, True]),
    'tf.reshape(tf.range(6), [2, -1])':
        ('int32', [[0, 1, 2], [3, 4, 5]]),
    'tf.expand_dims([1, 2], 1)':
        ('int32', [[1], [2]]),
    'tf.squeeze([[1], [2]], axis=1)':
        ('int32', [1, 2]),
    'tf.transpose([[1, 2, 3], [4, 5, 6]])':
        ('int32', [[1, 4], [2, 5], [3, 6]]),
    'tf.where([True, False, True])':
        ('int64', [[0], [2]]),
    'tf.where([True, False], [1.0, 2.0], [3.0, 4.0])':
        ('float32', [1.0, 4.0]),
    'tf.clip_by_value([-1.0, 0.5, 3.0], 0.0, 1.0)':
        ('float32', [0.0, 0.5, 1.0]),
    'tf.clip_by_value([-1, 5], 0, 3)':
        ('int32', [0, 3]),
    'tf.stack([[1, 2], [3, 4]], axis=1)':
        ('int32', [[1, 3], [2, 4]]),
    'tf.concat([[1], [2]], 0)':
        ('int32', [1, 2]),
    'tf.concat([tf.zeros([0, 2]), tf.ones([1, 2])], 0)':
        ('float32', [[1.0, 1.0]]),
    'tf.concat([[[1, 2]], [[3, 4]]], -1)':
        ('int32', [[1, 2, 3, 4]]),
    'tf.equal([1, 2], [1, 3])':
        ('bool', [True, False]),
    'tf.not_equal([1.0, 2.0], 2.0)':
        ('bool', [True, False]),
    'tf.greater([1, 3], 2)':
        ('bool', [False, True]),
    'tf.greater_equal([1, 3], [1, 4])':
        ('bool', [True, False]),
    'tf.less([1.0, 3.0], 2.0)':
        ('bool', [True, False]),
    'tf.less_equal([1, 3], 1)':
        ('bool', [True, False]),
    'tf.sqrt(4)':
        ('raises', 'InvalidArgumentError',
         "Value for attr 'T' of int32 is not in the list of allowed values: bfloat16, half, "
         'float, double, complex64, complex128'),
    'tf.sqrt([4.0, 9.0])':
        ('float32', [2.0, 3.0]),
    'tf.exp([0.0, 1.0])':
        ('float32', [1.0, 2.718282]),
    'tf.square(3)':
        ('int32', 9),
    'tf.abs([-1, 2])':
        ('int32', [1, 2]),
    'tf.sign([-2, 0, 3])':
        ('int32', [-1, 0, 1]),
    'tf.sign([-2.5, 0.0, 3.0])':
        ('float32', [-1.0, 0.0, 1.0]),
    'tf.round([0.5, 1.5, 2.5, -0.5, -1.5])':
        ('float32', [0.0, 2.0, 2.0, -0.0, -2.0]),
    'tf.floor([1.5, -1.5])':
        ('float32', [1.0, -2.0]),
    'tf.negative([1, -2])':
        ('int32', [-1, 2]),
    'tf.logical_and([True, False], [True, True])':
        ('bool', [True, False]),
    'tf.logical_or([True, False], [False, False])':
        ('bool', [True, False]),
    'tf.logical_not([True, False])':
        ('bool', [False, True]),
    'tf.logical_and([1], [1])':
        ('raises', 'TypeError', 'Cannot convert [1] to EagerTensor of dtype bool'),
    'tf.pow([2, 3], 2)':
        ('int32', [4, 9]),
    'tf.pow([2.0, 4.0], 0.5)':
        ('float32', [1.414214, 2.0]),
    'tf.sin([0.0, 1.0])':
        ('float32', [0.0, 0.841471]),
    'tf.cos([0.0, 1.0])':
        ('float32', [1.0, 0.540302]),
    'tf.tanh([0.5])':
        ('float32', [0.462117]),
    'tf.sigmoid([0.0, 2.0])':
        ('float32', [0.5, 0.880797]),
    'tf.scalar_mul(2.0, tf.constant([1.0, 2.0]))':
        ('float32', [2.0, 4.0]),
    'tf.add_n([[1, 2], [3, 4], [5, 6]])':
        ('int32', [9, 12]),
    'tf.truncatemod([-7, 7], 3)':
        ('int32', [-1, 1]),
    'tf.identity_n([[1], [2.0]])':
        [('int32', [1]), ('float32', [2.0])],
    'tf.shape_n([tf.zeros([2, 3]), tf.zeros([4])])':
        [('int32', [2, 3]), ('int32', [4])],
    'tf.realdiv([3.0], [2.0])':
        ('float32', [1.5]),
    'tf.truncatediv([-7, 7], [2, 2])':
        ('int32', [-3, 3]),
    'tf.saturate_cast([-5.0, 300.0], tf.uint8)':
        ('uint8', [0, 255]),
    'tf.unique_with_counts([4, 1, 4, 2, 1, 4])':
        [('int32', [4, 1, 2]), ('int32', [0, 1, 0, 2, 1, 0]), ('int32', [3, 2, 1])],
    'tf.unravel_index([5, 7], [3, 4])':
        ('int32', [[1, 1], [1, 3]]),
    'tf.tensor_scatter_nd_sub([1, 2, 3], [[0], [2]], [5, 5])':
        ('int32', [-4, 2, -2]),
    'tf.tensor_scatter_nd_max([1, 2, 3], [[0], [2]], [5, 0])':
        ('int32', [5, 2, 3]),
    'tf.tensor_scatter_nd_min([1, 2, 3], [[0], [2]], [5, 0])':
        ('int32', [1, 2, 0]),
    'tf.histogram_fixed_width([-1.0, 0.0, 1.5, 2.0, 5.0, 15.0], [0.0, 5.0], nbins=5)':
        ('int32', [2, 1, 1, 0, 2]),
    'tf.reverse_sequence([[1, 2, 3, 4], [5, 6, 7, 8]], [2, 3], seq_axis=1, batch_axis=0)':
        ('int32', [[2, 1, 3, 4], [7, 6, 5, 8]]),
    'tf.broadcast_dynamic_shape([2, 1], [1, 3])':
        ('int32', [2, 3]),
    'tf.assert_equal(tf.constant(1), 1)':
        None,
}


@pytest.mark.parametrize("expression", list(CASES))
def test_matches_tensorflow(check, expression):
    check(expression, CASES[expression])
