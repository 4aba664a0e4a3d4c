"""`tf.signal.*`: windows, framing, STFT and mel filterbanks.

Expected values were recorded by evaluating each expression under real TensorFlow 2.21 (the
refenv) and pasted here as `(dtype, values)` literals (floats rounded to 6 decimals).
"""

import numpy as np
import pytest

from torchkeras.compat import tensorflow as tf

# from tensorflow 2.21
CASES = {
    'tf.signal.hann_window(5)':
        ('float32', [0.0, 0.5, 1.0, 0.5, 0.0]),
    'tf.signal.hann_window(4, periodic=False)':
        ('float32', [0.0, 0.75, 0.75, 0.0]),
    'tf.signal.hamming_window(6)':
        ('float32', [0.08, 0.31, 0.77, 1.0, 0.77, 0.31]),
    'tf.signal.frame(tf.range(10), 4, 3)':
        ('int32', [[0, 1, 2, 3], [3, 4, 5, 6], [6, 7, 8, 9]]),
    'tf.signal.frame(tf.range(10), 4, 3, pad_end=True)':
        ('int32', [[0, 1, 2, 3], [3, 4, 5, 6], [6, 7, 8, 9], [9, 0, 0, 0]]),
    'tf.signal.frame(tf.reshape(tf.range(12), [2, 6]), 3, 2)':
        ('int32', [[[0, 1, 2], [2, 3, 4]], [[6, 7, 8], [8, 9, 10]]]),
    'tf.math.abs(tf.signal.stft(tf.sin(tf.range(32.0) / 3), frame_length=8, frame_step=4))':
        ('float32',
         [[3.457456, 1.991524, 0.220675, 0.030252, 0.014087],
          [1.626647, 1.405743, 0.294317, 0.045635, 0.006628],
          [2.692159, 1.720455, 0.260524, 0.0388, 0.010969],
          [2.893241, 1.788879, 0.251588, 0.03694, 0.011788],
          [1.330961, 1.337587, 0.300309, 0.046822, 0.005423],
          [3.519425, 2.014598, 0.216647, 0.029342, 0.01434],
          [0.324841, 1.197064, 0.311406, 0.049001, 0.001324]]),
    ('tf.math.abs(tf.signal.stft(tf.sin(tf.range(40.0) / 3), frame_length=7, frame_step=5, pad_en'
     'd=True))'):
        ('float32',
         [[2.364852, 1.721762, 0.575548, 0.020544, 0.020609],
          [1.285109, 1.085767, 0.517268, 0.033684, 0.011199],
          [2.610883, 1.875929, 0.592486, 0.014168, 0.022753],
          [0.785264, 0.842625, 0.500842, 0.036355, 0.006843],
          [2.761219, 1.971046, 0.6034, 0.007397, 0.024063],
          [0.256636, 0.678583, 0.491875, 0.0377, 0.002236],
          [2.810351, 2.002261, 0.607055, 0.002284, 0.024492],
          [0.10791, 0.519671, 0.541614, 0.211155, 0.17594]]),
    'tf.math.abs(tf.signal.stft(tf.cos(tf.range(20.0)), 6, 3, fft_length=16, window_fn=None))':
        ('float32',
         [[0.235818, 1.567554, 2.701969, 2.905951, 1.967702, 0.419682, 0.778903, 0.856566,
           0.096238],
          [0.208599, 1.750456, 2.846808, 2.867122, 1.834483, 0.371285, 0.706556, 0.758104,
           0.113455],
          [0.177204, 1.916177, 2.984797, 2.82771, 1.690611, 0.315475, 0.625793, 0.644621,
           0.128401],
          [0.142262, 2.057118, 3.106544, 2.790895, 1.546209, 0.253378, 0.540786, 0.518489,
           0.140777],
          [0.104473, 2.16783, 3.204694, 2.759768, 1.414339, 0.186267, 0.457839, 0.382481,
           0.150336]]),
    'tf.signal.linear_to_mel_weight_matrix(4, 9, 8000, 100.0, 3000.0)':
        ('float32',
         [[0.0, 0.0, 0.0, 0.0], [0.676228, 0.323772, 0.0, 0.0], [0.0, 0.539068, 0.460932, 0.0],
          [0.0, 0.0, 0.697302, 0.302698], [0.0, 0.0, 0.028684, 0.971316],
          [0.0, 0.0, 0.0, 0.473994], [0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0],
          [0.0, 0.0, 0.0, 0.0]]),
}


@pytest.mark.parametrize("expression", list(CASES))
def test_matches_tensorflow(check, expression):
    check(expression, CASES[expression])


def test_default_mel_matrix():
    weights = tf.signal.linear_to_mel_weight_matrix().numpy()
    assert weights.shape == (129, 20)
    # from tensorflow 2.21 (column sums and one row; TF's float32 log differs by ~1e-6)
    np.testing.assert_allclose(weights.sum(0), [
        2.285472, 2.485196, 2.709531, 2.977632, 3.2053, 3.420204, 3.77645, 4.096006, 4.393706,
        4.78977, 5.187716, 5.616916, 6.122586, 6.594092, 7.170046, 7.769452, 8.434293, 9.121259,
        9.916669, 10.728545], rtol=1e-5)
    np.testing.assert_allclose(weights[91], [0.0] * 17 + [0.957195, 0.042805, 0.0], atol=1e-5)
