"""`tf.*` array functions (gather, pad, split, sort, scans, clipping, norms, control flow).

Expected values were recorded by evaluating each expression under real TensorFlow 2.21 (the
refenv) and pasted here as `(dtype, values)` literals (floats rounded to 6 decimals).
"""

import pytest

# from tensorflow 2.21
CASES = {
    'tf.gather([[1, 2], [3, 4], [5, 6]], [2, 0])':
        ('int32', [[5, 6], [1, 2]]),
    'tf.gather([[1, 2], [3, 4]], [[1], [0]], axis=1)':
        ('int32', [[[2], [1]], [[4], [3]]]),
    'tf.gather([[1, 2], [3, 4]], [[1], [0]], axis=1, batch_dims=1)':
        ('int32', [[2], [3]]),
    'tf.gather_nd([[1, 2], [3, 4]], [[0, 1], [1, 0]])':
        ('int32', [2, 3]),
    'tf.gather_nd([[1, 2], [3, 4]], [[1]])':
        ('int32', [[3, 4]]),
    'tf.gather_nd([[[1, 2]], [[3, 4]]], [[0], [0]], batch_dims=1)':
        ('int32', [[1, 2], [3, 4]]),
    'tf.tile([[1, 2]], [2, 2])':
        ('int32', [[1, 2, 1, 2], [1, 2, 1, 2]]),
    'tf.pad([[1, 2], [3, 4]], [[1, 1], [2, 2]], "SYMMETRIC")':
        ('int32', [[2, 1, 1, 2, 2, 1], [2, 1, 1, 2, 2, 1], [4, 3, 3, 4, 4, 3], [4, 3, 3, 4, 4, 3]]),
    'tf.pad([[1, 2, 3], [4, 5, 6]], [[1, 1], [2, 2]], "REFLECT")':
        ('int32',
         [[6, 5, 4, 5, 6, 5, 4], [3, 2, 1, 2, 3, 2, 1], [6, 5, 4, 5, 6, 5, 4],
          [3, 2, 1, 2, 3, 2, 1]]),
    'tf.pad([[1, 2]], [[0, 0], [1, 1]], constant_values=9)':
        ('int32', [[9, 1, 2, 9]]),
    'tf.pad([[1.0, 2.0]], [[1, 0], [0, 2]])':
        ('float32', [[0.0, 0.0, 0.0, 0.0], [1.0, 2.0, 0.0, 0.0]]),
    'tf.pad([[1, 2], [3, 4]], [[2, 2], [0, 0]], "REFLECT")':
        ('raises', 'InvalidArgumentError',
         '{{function_node '
         '__wrapped__MirrorPad_device_/job:localhost/replica:0/task:0/device:CPU:0}} paddings '
         'must be less than the dimension size: 2, 2 not less than 2 [Op:MirrorPad]'),
    'tf.split(tf.range(6), 3)':
        [('int32', [0, 1]), ('int32', [2, 3]), ('int32', [4, 5])],
    'tf.split(tf.range(6), [1, -1, 2])':
        [('int32', [0]), ('int32', [1, 2, 3]), ('int32', [4, 5])],
    'tf.split(tf.reshape(tf.range(8), [2, 4]), 2, axis=1)':
        [('int32', [[0, 1], [4, 5]]), ('int32', [[2, 3], [6, 7]])],
    'tf.split(tf.range(5), 2)':
        ('raises', 'InvalidArgumentError',
         '{{function_node '
         '__wrapped__Split_num_split_2_device_/job:localhost/replica:0/task:0/device:CPU:0}} '
         'Number of ways to split should evenly divide the split dimension, but got split_dim 0 '
         '(size = 5) and '),
    'tf.unstack(tf.constant([[1, 2], [3, 4]]), axis=1)':
        [('int32', [1, 3]), ('int32', [2, 4])],
    'tf.tensordot(tf.reshape(tf.range(6.0), [2, 3]), tf.reshape(tf.range(12.0), [3, 4]), 1)':
        ('float32', [[20.0, 23.0, 26.0, 29.0], [56.0, 68.0, 80.0, 92.0]]),
    ('tf.tensordot(tf.reshape(tf.range(6.0), [2, 3]), tf.reshape(tf.range(6.0), [2, 3]), [[0, 1],'
     ' [0, 1]])'):
        ('float32', 55.0),
    'tf.tensordot([1.0, 2.0], [3.0, 4.0], 0)':
        ('float32', [[3.0, 4.0], [6.0, 8.0]]),
    'tf.einsum("ij,jk->ik", tf.constant([[1.0, 2.0]]), tf.constant([[3.0], [4.0]]))':
        ('float32', [[11.0]]),
    ('tf.einsum("bi,bi->b", tf.constant([[1.0, 2.0], [3.0, 4.0]]), tf.constant([[1.0, 1.0], [2.0,'
     ' 2.0]]))'):
        ('float32', [3.0, 14.0]),
    'tf.boolean_mask([[1, 2], [3, 4], [5, 6]], [True, False, True])':
        ('int32', [[1, 2], [5, 6]]),
    'tf.boolean_mask([[1, 2], [3, 4]], [[True, False], [False, True]])':
        ('int32', [1, 4]),
    'tf.boolean_mask([[1, 2], [3, 4]], [False, True], axis=1)':
        ('int32', [[2], [4]]),
    'tf.sort([3, 1, 2])':
        ('int32', [1, 2, 3]),
    'tf.sort([[3.0, 1.0], [0.0, 2.0]], axis=0, direction="DESCENDING")':
        ('float32', [[3.0, 2.0], [0.0, 1.0]]),
    'tf.argsort([3, 1, 2])':
        ('int32', [1, 2, 0]),
    'tf.argsort([3, 1, 2], direction="DESCENDING")':
        ('int32', [0, 2, 1]),
    'tf.cumsum([1, 2, 3])':
        ('int32', [1, 3, 6]),
    'tf.cumsum([1, 2, 3], exclusive=True, reverse=True)':
        ('int32', [5, 3, 0]),
    'tf.cumsum([[1.0, 2.0], [3.0, 4.0]], axis=1, exclusive=True)':
        ('float32', [[0.0, 1.0], [0.0, 3.0]]),
    'tf.math.cumprod([1.0, 2.0, 3.0])':
        ('float32', [1.0, 2.0, 6.0]),
    'tf.math.cumprod([1, 2, 3], exclusive=True)':
        ('int32', [1, 1, 2]),
    'tf.meshgrid([1, 2], [3, 4, 5])':
        [('int32', [[1, 2], [1, 2], [1, 2]]), ('int32', [[3, 3], [4, 4], [5, 5]])],
    'tf.meshgrid([1, 2], [3, 4, 5], indexing="ij")':
        [('int32', [[1, 1, 1], [2, 2, 2]]), ('int32', [[3, 4, 5], [3, 4, 5]])],
    'tf.broadcast_to([1, 2], [2, 2])':
        ('int32', [[1, 2], [1, 2]]),
    'tf.repeat([1, 2], 2)':
        ('int32', [1, 1, 2, 2]),
    'tf.repeat([[1, 2], [3, 4]], [1, 2], axis=0)':
        ('int32', [[1, 2], [3, 4], [3, 4]]),
    'tf.repeat([[1, 2], [3, 4]], 2)':
        ('int32', [1, 1, 2, 2, 3, 3, 4, 4]),
    'tf.roll([1, 2, 3, 4], 1, 0)':
        ('int32', [4, 1, 2, 3]),
    'tf.roll([[1, 2], [3, 4]], [1, -1], [0, 1])':
        ('int32', [[4, 3], [2, 1]]),
    'tf.reverse([[1, 2], [3, 4]], [1])':
        ('int32', [[2, 1], [4, 3]]),
    'tf.reverse([[1, 2], [3, 4]], [0, 1])':
        ('int32', [[4, 3], [2, 1]]),
    'tf.unique([4, 1, 4, 2, 1])':
        [('int32', [4, 1, 2]), ('int32', [0, 1, 0, 2, 1])],
    'tf.scatter_nd([[1], [3]], [9, 10], [5])':
        ('int32', [0, 9, 0, 10, 0]),
    'tf.tensor_scatter_nd_update([1, 2, 3, 4], [[0], [2]], [7, 8])':
        ('int32', [7, 2, 8, 4]),
    'tf.tensor_scatter_nd_add([[1, 2], [3, 4]], [[1]], [[10, 10]])':
        ('int32', [[1, 2], [13, 14]]),
    'tf.searchsorted([1.0, 2.0, 3.0], [2.5, 0.0])':
        ('int32', [2, 0]),
    'tf.searchsorted([1, 2, 3], [2], side="right")':
        ('int32', [2]),
    'tf.clip_by_norm([3.0, 4.0], 1.0)':
        ('float32', [0.6, 0.8]),
    'tf.clip_by_norm([[3.0, 4.0], [0.3, 0.4]], 1.0, axes=[1])':
        ('float32', [[0.6, 0.8], [0.3, 0.4]]),
    'tf.clip_by_norm([0.0, 0.0], 1.0)':
        ('float32', [0.0, 0.0]),
    'tf.clip_by_global_norm([[3.0], [4.0]], 1.0)':
        [[('float32', [0.6]), ('float32', [0.8])], ('float32', 5.0)],
    'tf.clip_by_global_norm([tf.constant([3.0]), tf.constant([4.0])], 10.0)':
        [[('float32', [3.0]), ('float32', [4.0])], ('float32', 5.0)],
    'tf.norm([3.0, 4.0])':
        ('float32', 5.0),
    'tf.norm([[3.0, 4.0]], ord=1, axis=1)':
        ('float32', [7.0]),
    'tf.norm([[1.0, 2.0], [3.0, 4.0]], ord="fro", axis=[0, 1])':
        ('float32', 5.477226),
    'tf.norm([[1.0, -2.0], [3.0, 4.0]], ord=np.inf, axis=1, keepdims=True)':
        ('float32', [[2.0], [4.0]]),
    'tf.norm([[1.0, 2.0], [3.0, 4.0]], ord=1, axis=[-2, -1])':
        ('float32', 6.0),
    'tf.norm([[1.0, 2.0], [3.0, 4.0]])':
        ('float32', 5.477226),
    'tf.sequence_mask([1, 3], 4)':
        ('bool', [[True, False, False, False], [True, True, True, False]]),
    'tf.sequence_mask([[1], [2]])':
        ('bool', [[[True, False]], [[True, True]]]),
    'tf.slice([[1, 2, 3], [4, 5, 6]], [0, 1], [2, -1])':
        ('int32', [[2, 3], [5, 6]]),
    'tf.map_fn(lambda x: x * 2, tf.constant([1, 2, 3]))':
        ('int32', [2, 4, 6]),
    ('tf.map_fn(lambda x: x[0] + x[1], (tf.constant([1, 2]), tf.constant([10, 20])), fn_output_si'
     'gnature=tf.int32)'):
        ('int32', [11, 22]),
    'tf.scan(lambda a, x: a + x, tf.constant([1, 2, 3]))':
        ('int32', [1, 3, 6]),
    'tf.scan(lambda a, x: a + x, tf.constant([1, 2, 3]), initializer=tf.constant(10))':
        ('int32', [11, 13, 16]),
    'tf.foldl(lambda a, x: a * x, tf.constant([1, 2, 3, 4]))':
        ('int32', 24),
    ('tf.while_loop(lambda i, s: i < 4, lambda i, s: (i + 1, s + i), (tf.constant(0), tf.constant'
     '(0)))'):
        [('int32', 4), ('int32', 6)],
    'tf.cond(tf.constant(True), lambda: tf.constant(1), lambda: tf.constant(2))':
        ('int32', 1),
    'tf.ensure_shape(tf.zeros([2, 3]), [None, 3])':
        ('float32', [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]),
}


@pytest.mark.parametrize("expression", list(CASES))
def test_matches_tensorflow(check, expression):
    check(expression, CASES[expression])
