"""`tf.image.*`: resizing, flips, colour, crops, patches, NMS, SSIM, dtype conversion.

Expected values were recorded by evaluating each expression under real TensorFlow 2.21 (the
refenv) and pasted here as `(dtype, values)` literals (floats rounded to 6 decimals).
"""

import pytest

# from tensorflow 2.21
CASES = {
    'tf.image.resize(tf.reshape(tf.range(16.0), [4, 4, 1]), [2, 2])':
        ('float32', [[[2.5], [4.5]], [[10.5], [12.5]]]),
    'tf.image.resize(tf.reshape(tf.range(16.0), [4, 4, 1]), [3, 5])':
        ('float32',
         [[[0.666667], [1.366667], [2.166667], [2.966667], [3.666667]],
          [[6.0], [6.7], [7.5], [8.3], [9.0]],
          [[11.333334], [12.033334], [12.833334], [13.633334], [14.333334]]]),
    'tf.image.resize(tf.reshape(tf.range(16.0), [4, 4, 1]), [2, 3], antialias=True)':
        ('float32', [[[3.157143], [4.357143], [5.557143]], [[9.442859], [10.642859], [11.842858]]]),
    'tf.image.resize(tf.reshape(tf.range(16), [1, 4, 4, 1]), [2, 2], method="nearest")':
        ('int32', [[[[5], [7]], [[13], [15]]]]),
    ('tf.image.resize(tf.reshape(tf.range(16), [4, 4, 1]), [3, 3], method=tf.image.ResizeMethod.B'
     'ICUBIC)'):
        ('float32',
         [[[0.515409], [1.912327], [3.309245]], [[6.103082], [7.5], [8.896918]],
          [[11.690754], [13.087671], [14.484591]]]),
    'tf.image.resize(tf.reshape(tf.range(16.0), [4, 4, 1]), [2, 2], method="area")':
        ('float32', [[[2.5], [4.5]], [[10.5], [12.5]]]),
    'tf.image.resize(tf.reshape(tf.range(24.0), [4, 6, 1]), [3, 3], preserve_aspect_ratio=True)':
        ('float32', [[[3.5], [5.5], [7.5]], [[15.5], [17.5], [19.5]]]),
    'tf.image.resize(tf.cast(tf.reshape(tf.range(16), [4, 4, 1]), tf.uint8), [2, 2])':
        ('float32', [[[2.5], [4.5]], [[10.5], [12.5]]]),
    'tf.image.resize_with_pad(tf.reshape(tf.range(24.0), [4, 6, 1]), 4, 4)':
        ('float32',
         [[[3.25], [4.75], [6.25], [7.75]], [[15.25], [16.75], [18.25], [19.75]],
          [[0.0], [0.0], [0.0], [0.0]], [[0.0], [0.0], [0.0], [0.0]]]),
    'tf.image.resize_with_crop_or_pad(tf.reshape(tf.range(25), [5, 5, 1]), 3, 4)':
        ('int32', [[[5], [6], [7], [8]], [[10], [11], [12], [13]], [[15], [16], [17], [18]]]),
    'tf.image.resize_with_crop_or_pad(tf.reshape(tf.range(4), [2, 2, 1]), 4, 3)':
        ('int32', [[[0], [0], [0]], [[0], [1], [0]], [[2], [3], [0]], [[0], [0], [0]]]),
    'tf.image.flip_left_right(tf.reshape(tf.range(4), [2, 2, 1]))':
        ('int32', [[[1], [0]], [[3], [2]]]),
    'tf.image.flip_up_down(tf.reshape(tf.range(8), [2, 2, 2, 1]))':
        ('int32', [[[[2], [3]], [[0], [1]]], [[[6], [7]], [[4], [5]]]]),
    'tf.image.rot90(tf.reshape(tf.range(4), [2, 2, 1]))':
        ('int32', [[[1], [3]], [[0], [2]]]),
    'tf.image.transpose(tf.reshape(tf.range(6), [2, 3, 1]))':
        ('int32', [[[0], [3]], [[1], [4]], [[2], [5]]]),
    'tf.image.adjust_brightness(tf.constant([[[0.2, 0.5, 0.9]]]), 0.2)':
        ('float32', [[[0.4, 0.7, 1.1]]]),
    'tf.image.adjust_brightness(tf.constant([[[10, 128, 250]]], tf.uint8), 0.1)':
        ('uint8', [[[35, 153, 255]]]),
    'tf.image.adjust_contrast(tf.reshape(tf.range(12.0), [2, 2, 3]) / 12, 2.0)':
        ('float32',
         [[[-0.375, -0.291667, -0.208333], [0.125, 0.208333, 0.291667]],
          [[0.625, 0.708333, 0.791667], [1.125, 1.208333, 1.291667]]]),
    'tf.image.adjust_contrast(tf.constant([[[10], [200]]], tf.uint8), 1.5)':
        ('uint8', [[[0], [247]]]),
    'tf.image.adjust_gamma(tf.constant([[[0.25, 0.5]]]), 2.0)':
        ('float32', [[[0.0625, 0.25]]]),
    'tf.image.adjust_saturation(tf.constant([[[0.2, 0.5, 0.8]]]), 0.5)':
        ('float32', [[[0.5, 0.65, 0.8]]]),
    'tf.image.rgb_to_grayscale(tf.constant([[[0.2, 0.5, 0.8]]]))':
        ('float32', [[[0.44448]]]),
    'tf.image.rgb_to_grayscale(tf.constant([[[10, 200, 30]]], tf.uint8))':
        ('uint8', [[[124]]]),
    'tf.image.grayscale_to_rgb(tf.constant([[[0.5]]]))':
        ('float32', [[[0.5, 0.5, 0.5]]]),
    'tf.image.rgb_to_hsv(tf.constant([[[0.2, 0.5, 0.8]]]))':
        ('float32', [[[0.583333, 0.75, 0.8]]]),
    'tf.image.hsv_to_rgb(tf.constant([[[0.6, 0.75, 0.8]]]))':
        ('float32', [[[0.2, 0.44, 0.8]]]),
    'tf.image.convert_image_dtype(tf.constant([0, 128, 255], tf.uint8), tf.float32)':
        ('float32', [0.0, 0.501961, 1.0]),
    'tf.image.convert_image_dtype(tf.constant([0.0, 0.5, 1.0]), tf.uint8)':
        ('uint8', [0, 127, 255]),
    'tf.image.convert_image_dtype(tf.constant([-0.5, 1.5]), tf.uint8, saturate=True)':
        ('uint8', [0, 255]),
    'tf.image.convert_image_dtype(tf.constant([0, 255], tf.uint8), tf.int32)':
        ('int32', [0, 2139095040]),
    'tf.image.convert_image_dtype(tf.constant([0, 2**31 - 1], tf.int32), tf.uint8)':
        ('uint8', [0, 255]),
    'tf.image.convert_image_dtype(tf.constant([0.5], tf.float32), tf.float64)':
        ('float64', [0.5]),
    'tf.image.per_image_standardization(tf.reshape(tf.range(12.0), [2, 2, 3]))':
        ('float32',
         [[[-1.593255, -1.303572, -1.01389], [-0.724207, -0.434524, -0.144841]],
          [[0.144841, 0.434524, 0.724207], [1.01389, 1.303572, 1.593255]]]),
    'tf.image.per_image_standardization(tf.ones([2, 2, 1], tf.uint8))':
        ('float32', [[[0.0], [0.0]], [[0.0], [0.0]]]),
    'tf.image.central_crop(tf.reshape(tf.range(25), [5, 5, 1]), 0.5)':
        ('int32', [[[6], [7], [8]], [[11], [12], [13]], [[16], [17], [18]]]),
    'tf.image.central_crop(tf.reshape(tf.range(32), [2, 4, 4, 1]), 0.6)':
        ('int32',
         [[[[0], [1], [2], [3]], [[4], [5], [6], [7]], [[8], [9], [10], [11]],
           [[12], [13], [14], [15]]],
          [[[16], [17], [18], [19]], [[20], [21], [22], [23]], [[24], [25], [26], [27]],
           [[28], [29], [30], [31]]]]),
    'tf.image.crop_to_bounding_box(tf.reshape(tf.range(16), [4, 4, 1]), 1, 2, 2, 2)':
        ('int32', [[[6], [7]], [[10], [11]]]),
    'tf.image.pad_to_bounding_box(tf.reshape(tf.range(4), [2, 2, 1]), 1, 0, 3, 3)':
        ('int32', [[[0], [0], [0]], [[0], [1], [0]], [[2], [3], [0]]]),
    'tf.image.image_gradients(tf.reshape(tf.range(9.0), [1, 3, 3, 1]))':
        [('float32', [[[[3.0], [3.0], [3.0]], [[3.0], [3.0], [3.0]], [[0.0], [0.0], [0.0]]]]),
         ('float32', [[[[1.0], [1.0], [0.0]], [[1.0], [1.0], [0.0]], [[1.0], [1.0], [0.0]]]])],
    'tf.image.total_variation(tf.reshape(tf.range(9.0), [3, 3, 1]))':
        ('float32', 24.0),
    'tf.image.psnr(tf.zeros([2, 2, 1]), tf.fill([2, 2, 1], 0.1), 1.0)':
        ('float32', 20.0),
    'list(tf.image.random_flip_left_right(tf.zeros([2, 3, 3, 1]), seed=1).shape)':
        [2, 3, 3, 1],
    'list(tf.image.random_crop(tf.zeros([4, 4, 3]), [2, 3, 3]).shape)':
        [2, 3, 3],
    'list(tf.image.random_brightness(tf.zeros([2, 2, 1]), 0.2).shape)':
        [2, 2, 1],
    'list(tf.image.random_contrast(tf.zeros([2, 2, 1]), 0.5, 1.5).shape)':
        [2, 2, 1],
    'tf.image.central_crop(tf.zeros([4, 4, 1]), 0.0)':
        ('raises', 'ValueError', 'central_fraction must be within (0, 1]'),
    'tf.image.crop_to_bounding_box(tf.zeros([4, 4, 1]), 3, 0, 2, 2)':
        ('raises', 'ValueError', 'height must be >= target + offset.'),
    'tf.image.pad_to_bounding_box(tf.zeros([4, 4, 1]), 1, 0, 4, 4)':
        ('raises', 'ValueError', 'height must be <= target - offset'),
    'tf.image.random_contrast(tf.zeros([2, 2, 1]), 1.5, 0.5)':
        ('raises', 'ValueError', 'upper must be > lower.'),
    'tf.image.resize(tf.zeros([4, 4]), [2, 2])':
        ('raises', 'ValueError', "'images' must have either 3 or 4 dimensions."),
    ('tf.image.extract_patches(tf.reshape(tf.range(32.0), [1, 4, 4, 2]), [1, 2, 2, 1], [1, 2, 2, '
     '1], [1, 1, 1, 1], "VALID")'):
        ('float32',
         [[[[0.0, 1.0, 2.0, 3.0, 8.0, 9.0, 10.0, 11.0],
            [4.0, 5.0, 6.0, 7.0, 12.0, 13.0, 14.0, 15.0]],
           [[16.0, 17.0, 18.0, 19.0, 24.0, 25.0, 26.0, 27.0],
            [20.0, 21.0, 22.0, 23.0, 28.0, 29.0, 30.0, 31.0]]]]),
    ('tf.image.extract_patches(tf.reshape(tf.range(25), [1, 5, 5, 1]), [1, 3, 3, 1], [1, 2, 2, 1]'
     ', [1, 1, 1, 1], "SAME")'):
        ('int32',
         [[[[0, 0, 0, 0, 0, 1, 0, 5, 6], [0, 0, 0, 1, 2, 3, 6, 7, 8], [0, 0, 0, 3, 4, 0, 8, 9, 0]],
           [[0, 5, 6, 0, 10, 11, 0, 15, 16], [6, 7, 8, 11, 12, 13, 16, 17, 18],
            [8, 9, 0, 13, 14, 0, 18, 19, 0]],
           [[0, 15, 16, 0, 20, 21, 0, 0, 0], [16, 17, 18, 21, 22, 23, 0, 0, 0],
            [18, 19, 0, 23, 24, 0, 0, 0, 0]]]]),
    ('tf.image.extract_patches(tf.reshape(tf.range(36.0), [1, 6, 6, 1]), [1, 2, 2, 1], [1, 3, 3, '
     '1], [1, 2, 2, 1], "VALID")'):
        ('float32',
         [[[[0.0, 2.0, 12.0, 14.0], [3.0, 5.0, 15.0, 17.0]],
           [[18.0, 20.0, 30.0, 32.0], [21.0, 23.0, 33.0, 35.0]]]]),
    ('tf.image.non_max_suppression([[0, 0, 1, 1], [0, 0.1, 1, 1.1], [0, -0.1, 1, 0.9], [0, 10, 1,'
     ' 11], [0, 10.1, 1, 11.1], [0, 100, 1, 101]], [0.9, 0.75, 0.6, 0.95, 0.5, 0.3], 3, iou_thres'
     'hold=0.5)'):
        ('int32', [3, 0, 5]),
    ('tf.image.non_max_suppression([[0, 0, 1, 1], [1, 1, 0, 0], [0, 0, 2, 2]], [0.5, 0.9, 0.4], 1'
     '0, iou_threshold=0.3, score_threshold=0.45)'):
        ('int32', [1]),
    'list(tf.image.stateless_random_crop(tf.zeros([4, 4, 3]), [2, 2, 3], seed=(1, 2)).shape)':
        [2, 2, 3],
    'tf.image.rgb_to_yiq([[[0.2, 0.5, 0.8]]])':
        ('float32', [[[0.4445, -0.275173, 0.029892]]]),
    'tf.image.yiq_to_rgb([[[0.5, 0.1, -0.1]]])':
        ('float32', [[[0.533516, 0.537519, 0.218903]]]),
    'tf.image.rgb_to_yuv([[[0.2, 0.5, 0.8]]])':
        ('float32', [[[0.4445, 0.174945, -0.214496]]]),
    'tf.image.yuv_to_rgb([[[0.5, 0.1, -0.1]]])':
        ('float32', [[[0.386012, 0.518598, 0.703206]]]),
    'tf.image.adjust_hue(tf.constant([[[0.2, 0.5, 0.8], [0.9, 0.1, 0.3]]]), 0.2)':
        ('float32', [[[0.62, 0.2, 0.8], [0.9, 0.86, 0.1]]]),
    'tf.image.adjust_hue(tf.constant([[[0.2, 0.5, 0.8]]]), -0.4)':
        ('float32', [[[0.74, 0.8, 0.2]]]),
    'tf.image.sobel_edges(tf.reshape(tf.range(18.0), [1, 3, 3, 2]))':
        ('float32',
         [[[[[0.0, 0.0], [0.0, 0.0]], [[0.0, 16.0], [0.0, 16.0]], [[0.0, 0.0], [0.0, 0.0]]],
           [[[48.0, 0.0], [48.0, 0.0]], [[48.0, 16.0], [48.0, 16.0]], [[48.0, 0.0], [48.0, 0.0]]],
           [[[0.0, 0.0], [0.0, 0.0]], [[0.0, 16.0], [0.0, 16.0]], [[0.0, 0.0], [0.0, 0.0]]]]]),
    ('tf.image.ssim(tf.reshape(tf.range(144.0), [1, 12, 12, 1]) / 144, tf.reshape(tf.range(144.0)'
     ', [1, 12, 12, 1]) / 150, 1.0)'):
        ('float32', [0.99836]),
    ('tf.image.ssim(tf.reshape(tf.range(288.0), [12, 12, 2]) / 288, tf.reverse(tf.reshape(tf.rang'
     'e(288.0), [12, 12, 2]), [0]) / 288, 1.0, filter_size=5)'):
        ('float32', -0.688503),
    ('tf.image.ssim(tf.cast(tf.reshape(tf.range(144), [12, 12, 1]), tf.uint8), tf.cast(tf.reshape'
     '(tf.range(144), [12, 12, 1]) + 3, tf.uint8), 255)'):
        ('float32', 0.999136),
    ('tf.image.crop_and_resize(tf.reshape(tf.range(32.0), [2, 4, 4, 1]), [[0.0, 0.0, 1.0, 1.0], ['
     '0.25, 0.1, 0.8, 0.9]], [0, 1], [3, 2])'):
        ('float32',
         [[[[0.0], [3.0]], [[6.0], [9.0]], [[12.0], [15.0]]],
          [[[19.299999], [21.700001]], [[22.599998], [25.0]], [[25.9], [28.300001]]]]),
    ('tf.image.crop_and_resize(tf.reshape(tf.range(16.0), [1, 4, 4, 1]), [[-0.5, 0.0, 0.5, 1.5]],'
     ' [0], [3, 3], extrapolation_value=-1.0)'):
        ('float32', [[[[-1.0], [-1.0], [-1.0]], [[0.0], [2.25], [-1.0]], [[6.0], [8.25], [-1.0]]]]),
    ('tf.image.crop_and_resize(tf.reshape(tf.range(16.0), [1, 4, 4, 1]), [[0.1, 0.2, 0.9, 0.7]], '
     '[0], [3, 3], method="nearest")'):
        ('float32', [[[[1.0], [1.0], [2.0]], [[9.0], [9.0], [10.0]], [[13.0], [13.0], [14.0]]]]),
}


@pytest.mark.parametrize("expression", list(CASES))
def test_matches_tensorflow(check, expression):
    check(expression, CASES[expression])
