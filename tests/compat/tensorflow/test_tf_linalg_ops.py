"""`tf.linalg.*`: matrix functions.

Expected values were recorded by evaluating each expression under real TensorFlow 2.21 (the
refenv) and pasted here as `(dtype, values)` literals (floats rounded to 6 decimals).
"""

import pytest

# from tensorflow 2.21
CASES = {
    'tf.linalg.matmul([[1.0, 2.0]], [[3.0], [4.0]])':
        ('float32', [[11.0]]),
    'tf.matmul(tf.ones([2, 2, 3]), tf.ones([2, 3, 1]))':
        ('float32', [[[3.0], [3.0]], [[3.0], [3.0]]]),
    'tf.matmul([[1.0, 2.0], [3.0, 4.0]], [[1.0, 0.0], [1.0, 1.0]], transpose_a=True)':
        ('float32', [[4.0, 3.0], [6.0, 4.0]]),
    'tf.linalg.inv([[2.0, 1.0], [1.0, 3.0]])':
        ('float32', [[0.6, -0.2], [-0.2, 0.4]]),
    'tf.linalg.det([[2.0, 1.0], [1.0, 3.0]])':
        ('float32', 5.0),
    'tf.linalg.slogdet([[2.0, 1.0], [1.0, 3.0]])':
        [('float32', 1.0), ('float32', 1.609438)],
    'tf.linalg.logdet([[2.0, 1.0], [1.0, 3.0]])':
        ('float32', 1.609438),
    'tf.linalg.eye(2)':
        ('float32', [[1.0, 0.0], [0.0, 1.0]]),
    'tf.linalg.norm([[3.0, 4.0]], axis=-1)':
        ('float32', [5.0]),
    'tf.linalg.diag_part([[1, 2], [3, 4]])':
        ('int32', [1, 4]),
    'tf.linalg.diag([1, 2])':
        ('int32', [[1, 0], [0, 2]]),
    'tf.linalg.set_diag([[1, 2], [3, 4]], [9, 9])':
        ('int32', [[9, 2], [3, 9]]),
    'tf.linalg.band_part(tf.reshape(tf.range(16), [4, 4]), 1, -1)':
        ('int32', [[0, 1, 2, 3], [4, 5, 6, 7], [0, 9, 10, 11], [0, 0, 14, 15]]),
    'tf.linalg.band_part(tf.reshape(tf.range(16.0), [4, 4]), 0, 0)':
        ('float32',
         [[0.0, 0.0, 0.0, 0.0], [0.0, 5.0, 0.0, 0.0], [0.0, 0.0, 10.0, 0.0],
          [0.0, 0.0, 0.0, 15.0]]),
    'tf.linalg.band_part(tf.reshape(tf.range(9), [3, 3]), -1, 0)':
        ('int32', [[0, 0, 0], [3, 4, 0], [6, 7, 8]]),
    'tf.linalg.einsum("ii->", tf.constant([[1.0, 2.0], [3.0, 4.0]]))':
        ('float32', 5.0),
    'tf.linalg.trace([[1, 2], [3, 4]])':
        ('int32', 5),
    'tf.linalg.matrix_transpose([[1, 2, 3]])':
        ('int32', [[1], [2], [3]]),
    'tf.linalg.matvec([[1.0, 2.0], [3.0, 4.0]], [1.0, 1.0])':
        ('float32', [3.0, 7.0]),
    'tf.linalg.solve([[2.0, 1.0], [1.0, 3.0]], [[1.0], [2.0]])':
        ('float32', [[0.2], [0.6]]),
    'tf.linalg.triangular_solve([[2.0, 0.0], [1.0, 1.0]], [[2.0], [3.0]])':
        ('float32', [[1.0], [2.0]]),
    'tf.linalg.cholesky([[4.0, 2.0], [2.0, 3.0]])':
        ('float32', [[2.0, 0.0], [1.0, 1.414214]]),
    'tf.linalg.global_norm([tf.constant([3.0]), tf.constant([4.0])])':
        ('float32', 5.0),
    'tf.linalg.svd([[3.0, 0.0], [0.0, 2.0]], compute_uv=False)':
        ('float32', [3.0, 2.0]),
    'tf.linalg.eigvalsh([[2.0, 1.0], [1.0, 2.0]])':
        ('float32', [1.0, 3.0]),
    'tf.linalg.tensordot(tf.constant([1.0, 2.0]), tf.constant([3.0, 4.0]), 1)':
        ('float32', 11.0),
    'tf.linalg.l2_normalize([0.0, 2.0])':
        ('float32', [0.0, 1.0]),
    'tf.linalg.pinv([[1.0, 2.0], [2.0, 4.0]])':
        ('float32', [[0.04, 0.08], [0.08, 0.16]]),
    'tf.linalg.lstsq([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]], [[1.0], [2.0], [2.0]])':
        ('float32', [[1.166667], [0.5]]),
    ('tf.linalg.lstsq([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]], [[1.0], [2.0], [2.0]], l2_regularizer'
     '=0.5)'):
        ('float32', [[0.926829], [0.585366]]),
    'tf.linalg.matrix_rank([[1.0, 2.0], [2.0, 4.0]])':
        ('int32', 1),
    'tf.linalg.expm([[0.0, 1.0], [0.0, 0.0]])':
        ('float32', [[1.0, 1.0], [0.0, 1.0]]),
    'tf.math.real(tf.linalg.eigvals(tf.constant([[2.0, 0.0], [0.0, 3.0]])))':
        ('float32', [2.0, 3.0]),
    'tf.linalg.cholesky_solve(tf.linalg.cholesky([[4.0, 2.0], [2.0, 3.0]]), [[1.0], [2.0]])':
        ('float32', [[-0.125], [0.75]]),
    'tf.linalg.normalize([3.0, 4.0])':
        [('float32', [0.6, 0.8]), ('float32', [5.0])],
}


@pytest.mark.parametrize("expression", list(CASES))
def test_matches_tensorflow(check, expression):
    check(expression, CASES[expression])
