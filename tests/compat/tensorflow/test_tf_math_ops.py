"""`tf.math.*`: element-wise, special, segment and counting functions.

Expected values were recorded by evaluating each expression under real TensorFlow 2.21 (the
refenv) and pasted here as `(dtype, values)` literals (floats rounded to 6 decimals).
"""

import pytest

# from tensorflow 2.21
CASES = {
    'tf.math.floordiv(7.5, 2.0)':
        ('float32', 3.0),
    'tf.math.floordiv([-7, 7], 2)':
        ('int32', [-4, 3]),
    'tf.math.floormod(-7, 3)':
        ('int32', 2),
    'tf.math.floormod([-7.5, 7.5], 2.0)':
        ('float32', [0.5, 1.5]),
    'tf.math.mod(-7, 3)':
        ('int32', 2),
    'tf.math.truediv(7, 2)':
        ('float64', 3.5),
    'tf.math.reciprocal(2.0)':
        ('float32', 0.5),
    'tf.math.rsqrt(4.0)':
        ('float32', 0.5),
    'tf.math.log([1.0, 10.0])':
        ('float32', [0.0, 2.302585]),
    'tf.math.log1p(1.0)':
        ('float32', 0.693147),
    'tf.math.expm1([0.5])':
        ('float32', [0.648721]),
    'tf.math.softplus([1.0, -20.0, 30.0])':
        ('float32', [1.313262, 0.0, 30.0]),
    'tf.math.erf(0.5)':
        ('float32', 0.5205),
    'tf.math.ceil([1.2, -1.2])':
        ('float32', [2.0, -1.0]),
    'tf.math.is_nan([1.0, np.nan])':
        ('bool', [False, True]),
    'tf.math.is_inf([1.0, np.inf])':
        ('bool', [False, True]),
    'tf.math.is_finite([np.inf, 1.0])':
        ('bool', [False, True]),
    'tf.math.logical_xor(True, False)':
        ('bool', True),
    'tf.math.squared_difference([1.0, 4.0], [3.0, 1.0])':
        ('float32', [4.0, 9.0]),
    'tf.math.divide_no_nan([1.0, 2.0], [0.0, 4.0])':
        ('float32', [0.0, 0.5]),
    'tf.math.multiply_no_nan([np.inf, 2.0], [0.0, 3.0])':
        ('float32', [0.0, 6.0]),
    'tf.math.xlogy([0.0, 2.0], [0.0, 3.0])':
        ('float32', [0.0, 2.197225]),
    'tf.math.log_sigmoid([0.0, -3.0])':
        ('float32', [-0.693147, -3.048587]),
    'tf.math.softsign([1.0, -3.0])':
        ('float32', [0.5, -0.75]),
    'tf.math.lgamma([0.5, 3.0])':
        ('float32', [0.572365, 0.693147]),
    'tf.math.atan2([1.0], [1.0])':
        ('float32', [0.785398]),
    'tf.math.polyval([1.0, 2.0, 3.0], 2.0)':
        ('float32', 11.0),
    'tf.math.reduce_std([1.0, 2.0, 4.0])':
        ('float32', 1.247219),
    'tf.math.reduce_variance([[1.0, 2.0], [3.0, 6.0]], axis=1)':
        ('float32', [0.25, 2.25]),
    'tf.math.reduce_euclidean_norm([[3.0, 4.0]], axis=1)':
        ('float32', [5.0]),
    'tf.math.count_nonzero([0, 1, 2])':
        ('int64', 2),
    'tf.math.count_nonzero([[0.0, 1.0], [2.0, 0.0]], axis=0)':
        ('int64', [1, 1]),
    'tf.math.unsorted_segment_sum([1, 2, 3], [0, 2, 0], 3)':
        ('int32', [4, 0, 2]),
    'tf.math.unsorted_segment_sum([[1.0, 2.0], [3.0, 4.0]], [1, 1], 2)':
        ('float32', [[0.0, 0.0], [4.0, 6.0]]),
    'tf.math.unsorted_segment_max([1, 5, 3], [0, 0, 2], 3)':
        ('int32', [5, -2147483648, 3]),
    'tf.math.unsorted_segment_mean([1.0, 2.0, 6.0], [0, 0, 1], 3)':
        ('float32', [1.5, 6.0, 0.0]),
    'tf.math.segment_sum([1, 2, 3], [0, 0, 1])':
        ('int32', [3, 3]),
    'tf.math.segment_mean([1.0, 2.0, 6.0], [0, 0, 1])':
        ('float32', [1.5, 6.0]),
    'tf.math.segment_max([1, 5, 3], [0, 0, 1])':
        ('int32', [5, 3]),
    'tf.math.bincount([1, 1, 3])':
        ('int32', [0, 2, 0, 1]),
    'tf.math.bincount([1, 1, 3], minlength=6)':
        ('int32', [0, 2, 0, 1, 0, 0]),
    'tf.math.bincount([1, 1, 3], weights=[0.5, 1.0, 2.0])':
        ('float32', [0.0, 1.5, 0.0, 2.0]),
    'tf.math.bincount([1, 1, 3], maxlength=2)':
        ('int32', [0, 2]),
    'tf.math.confusion_matrix([0, 1, 1], [0, 0, 1])':
        ('int32', [[1, 0], [1, 1]]),
    'tf.math.confusion_matrix([0, 2], [1, 2], num_classes=4)':
        ('int32', [[0, 1, 0, 0], [0, 0, 0, 0], [0, 0, 1, 0], [0, 0, 0, 0]]),
    'tf.math.confusion_matrix([0, 1], [0, 0], weights=[2, 3])':
        ('int32', [[2, 0], [3, 0]]),
    'tf.math.in_top_k([1, 0], [[0.1, 0.9], [0.8, 0.2]], 1)':
        ('bool', [True, True]),
    'tf.math.in_top_k([2, 0], [[0.5, 0.5, 0.5], [0.1, 0.8, 0.1]], 1)':
        ('bool', [True, False]),
    'tf.math.top_k([1, 3, 2], 2)':
        [('int32', [3, 2]), ('int32', [1, 2])],
    'tf.math.top_k([[1.0, 3.0, 2.0], [6.0, 5.0, 4.0]], k=2)':
        [('float32', [[3.0, 2.0], [6.0, 5.0]]), ('int32', [[1, 2], [0, 1]])],
    'tf.math.argmax([[1, 3], [4, 2]])':
        ('int64', [1, 0]),
    'tf.math.reduce_mean([1, 2])':
        ('int32', 1),
    'tf.math.reduce_logsumexp([1000.0, 1000.0])':
        ('float32', 1000.693176),
    'tf.math.sigmoid([0.0])':
        ('float32', [0.5]),
    'tf.math.pow(2.0, [1.0, 3.0])':
        ('float32', [2.0, 8.0]),
    'tf.math.add_n([tf.constant([1.0]), tf.constant([2.0])])':
        ('float32', [3.0]),
    'tf.math.abs([-1.5])':
        ('float32', [1.5]),
    'tf.math.exp(1)':
        ('raises', 'InvalidArgumentError',
         "Value for attr 'T' of int32 is not in the list of allowed values: bfloat16, half, "
         'float, double, complex64, complex128'),
    'tf.math.round([2.5, 3.5])':
        ('float32', [2.0, 4.0]),
    'tf.math.sign([-1.5])':
        ('float32', [-1.0]),
    'tf.math.negative([1.0])':
        ('float32', [-1.0]),
    'tf.math.cumsum([1, 2])':
        ('int32', [1, 3]),
    'tf.math.l2_normalize([3.0, 4.0])':
        ('float32', [0.6, 0.8]),
    'tf.math.erfinv([0.5, -0.2])':
        ('float32', [0.476936, -0.179143]),
    'tf.math.ndtri([0.2, 0.9])':
        ('float32', [-0.841621, 1.281551]),
    'tf.math.rint([0.5, 1.5, -2.5])':
        ('float32', [0.0, 2.0, -2.0]),
    'tf.math.bessel_i0([0.5, 2.0])':
        ('float32', [1.063483, 2.279585]),
    'tf.math.bessel_i0e([0.5, 2.0])':
        ('float32', [0.645035, 0.308508]),
    'tf.math.bessel_i1([0.5, 2.0])':
        ('float32', [0.257894, 1.590637]),
    'tf.math.bessel_i1e([0.5, 2.0])':
        ('float32', [0.156421, 0.215269]),
    'tf.math.reciprocal_no_nan([0.0, 4.0])':
        ('float32', [0.0, 0.25]),
    'tf.math.xdivy([0.0, 2.0], [0.0, 4.0])':
        ('float32', [0.0, 0.5]),
    'tf.math.xlog1py([0.0, 2.0], [-1.0, 3.0])':
        ('float32', [0.0, 2.772589]),
    'tf.math.igamma([1.0, 2.0], [0.5, 3.0])':
        ('float32', [0.393469, 0.800852]),
    'tf.math.igammac([1.0, 2.0], [0.5, 3.0])':
        ('float32', [0.606531, 0.199148]),
    'tf.math.polygamma([1.0, 1.0], [0.5, 3.0])':
        ('float32', [4.934802, 0.394934]),
    'tf.math.zeta([2.0, 3.0], [1.0, 2.0])':
        ('float32', [1.644934, 0.202057]),
    'tf.math.lbeta([[1.0, 2.0], [3.0, 4.0]])':
        ('float32', [-0.693147, -4.094345]),
    'tf.math.conj([1.0, 2.0])':
        ('float32', [1.0, 2.0]),
    'tf.math.real([1.0])':
        ('float32', [1.0]),
    'tf.math.imag([1.0])':
        ('float32', [0.0]),
    'tf.math.cumulative_logsumexp([0.0, 1.0, 2.0])':
        ('float32', [0.0, 1.313262, 2.407606]),
    'tf.exp(tf.math.cumulative_logsumexp([0.0, 1.0, 2.0], exclusive=True, reverse=True))':
        ('float32', [10.107339, 7.389056, 0.0]),
    'tf.math.is_non_decreasing([1, 1, 2])':
        ('bool', True),
    'tf.math.is_strictly_increasing([1, 1, 2])':
        ('bool', False),
    'tf.math.invert_permutation([2, 0, 1])':
        ('int32', [1, 2, 0]),
    'tf.math.softmax([1.0, 2.0])':
        ('float32', [0.268941, 0.731059]),
    'tf.math.log_softmax([[1.0, 2.0]])':
        ('float32', [[-1.313262, -0.313262]]),
    'tf.math.zero_fraction([0, 1, 0, 0])':
        ('float32', 0.75),
    'tf.math.segment_min([4, 2, 3], [0, 0, 1])':
        ('int32', [2, 3]),
    'tf.math.segment_prod([4.0, 2.0, 3.0], [0, 0, 1])':
        ('float32', [8.0, 3.0]),
    'tf.math.unsorted_segment_sqrt_n([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], [0, 0, 2], 3)':
        ('float32', [[2.828427, 4.242641], [0.0, 0.0], [5.0, 6.0]]),
}


@pytest.mark.parametrize("expression", list(CASES))
def test_matches_tensorflow(check, expression):
    check(expression, CASES[expression])
