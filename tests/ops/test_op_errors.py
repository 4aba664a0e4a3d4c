"""Every error `keras.ops` raises, with its type and message.

Messages that real Keras also raises are checked against Keras in `test_op_goldens.py` too
(cases marked `error=True`); this table pins every raise in torchkeras/ops, Keras's text where
Keras has one.
"""

import re

import numpy as np
import pytest

from torchkeras import ops
from torchkeras.backend.keras_tensor import KerasTensor

A = np.ones((3, 4), "float32")
IMG = np.ones((2, 6, 8, 3), "float32")
SPD = np.array([[4.0, 1.0], [1.0, 3.0]], "float32")

ERRORS = [
    # core
    (
        lambda: ops.convert_to_tensor(A, sparse=True),
        ValueError,
        "`sparse=True` is not supported with torch backend",
    ),
    (
        lambda: ops.convert_to_tensor(A, ragged=True),
        ValueError,
        "`ragged=True` is not supported with torch backend",
    ),
    (
        lambda: ops.convert_to_numpy(KerasTensor((None, 2))),
        ValueError,
        "A KerasTensor is symbolic: it's a placeholder for a shape and a dtype. It doesn't have any "
        "actual numerical value. You cannot convert it to a NumPy array.",
    ),
    (
        lambda: ops.convert_to_tensor(np.array(["a"])),
        TypeError,
        "Cannot convert a value of dtype <U1 to a tensor. Received: x=array(['a']",
    ),
    (
        lambda: ops.scatter_update(A, [[0, 0]], [1.0], reduction="avg"),
        ValueError,
        "Unsupported reduction: avg",
    ),
    (
        lambda: ops.cond(KerasTensor((), dtype="bool"), lambda: 1, lambda: 2),
        NotImplementedError,
        "`keras.ops.cond` on a symbolic tensor is not supported by torchkeras: put the condition "
        "inside a layer's `call`. See compat/DIFFERENCES.md.",
    ),
    (
        lambda: ops.scan(lambda c, x: (c, x), 0.0, [1.0], unroll=0),
        ValueError,
        "`unroll` must be an positive integer or boolean. Received: unroll=0 of type <class 'int'>",
    ),
    (
        lambda: ops.scan(lambda c, x: (c, x), 0.0),
        ValueError,
        "`length` must be specified when `xs` is None.",
    ),
    (
        lambda: ops.unstack(KerasTensor((2, None)), axis=1),
        ValueError,
        "Cannot infer argument `num` from shape (2, None). Either provide a tensor with a concrete "
        "shape in the `axis` dimension or explicitly pass the `num` argument.",
    ),
    # numpy: element-wise
    (
        lambda: ops.fabs(np.array([1j], "complex64")),
        TypeError,
        "fabs does not support complex inputs. Received: x.dtype=torch.complex64",
    ),
    (
        lambda: ops.ldexp(A, A),
        TypeError,
        "ldexp exponent must be an integer type. Received: x2 dtype=float32",
    ),
    (lambda: ops.gcd(A, A), TypeError, "Arguments to gcd must be integers."),
    (
        lambda: ops.lcm(A, A),
        TypeError,
        "Arguments to lcm must be integers. Received: x1.dtype=float32, x2.dtype=float32",
    ),
    # numpy: reductions, products, selection
    (
        lambda: ops.max(np.zeros((0,), "float32")),
        ValueError,
        "Cannot compute the max of an empty tensor.",
    ),
    (
        lambda: ops.min(np.zeros((0,), "float32")),
        ValueError,
        "Cannot compute the min of an empty tensor.",
    ),
    (
        lambda: ops.quantile(A, 0.5, method="cubic"),
        ValueError,
        "`method` must be one of 'linear', 'lower', 'higher', 'midpoint' or 'nearest'. "
        "Received: method=cubic",
    ),
    (
        lambda: ops.cross(np.ones((2, 4)), np.ones((2, 3))),
        ValueError,
        "`x1`'s dim on `axis=axisa` must be either 2 or 3, but received: 4",
    ),
    (
        lambda: ops.correlate(np.ones(4), np.ones(2), mode="bad"),
        ValueError,
        "Invalid mode: 'bad'. Mode must be one of: 'full', 'same', 'valid'.",
    ),
    (
        lambda: ops.where(A > 0, A),
        ValueError,
        "`x1` and `x2` either both should be `None` or both should have non-None value.",
    ),
    (
        lambda: ops.select(A > 0, [A]),
        ValueError,
        "condlist and choicelist must be lists. Received: type(condlist) = <class 'numpy.ndarray'>, "
        "type(choicelist) = <class 'list'>",
    ),
    (
        lambda: ops.select([], []),
        ValueError,
        "condlist and choicelist must not be empty. Received: condlist = [], choicelist = []",
    ),
    (lambda: ops.argpartition(A, 1.5), ValueError, "kth must be an integer. Received:kth = 1.5"),
    (
        lambda: ops.searchsorted(A, A),
        ValueError,
        "`searchsorted` only supports 1-D sorted sequences. You can use `keras.ops.vectorized_map` "
        "to extend it to N-D sequences. Received: sorted_sequence.shape=(3, 4)",
    ),
    (lambda: ops.digitize(A, A), ValueError, "`bins` must be a 1D array."),
    (
        lambda: ops.unravel_index([1], (None, 2)),
        ValueError,
        "`shape` argument cannot contain `None`. Received: shape=(None, 2)",
    ),
    # numpy: shapes
    (
        lambda: ops.transpose(A, (0, 0)),
        ValueError,
        "`axes` must be a valid permutation of the input dimensions (no duplicates). "
        "Received: axes=[0, 0] for input of rank 2.",
    ),
    (
        lambda: ops.squeeze(A, axis=0),
        ValueError,
        "Cannot squeeze axis=0, because the dimension is not 1.",
    ),
    (
        lambda: ops.moveaxis(A, (0, 1), (1,)),
        ValueError,
        "Inconsistent number of `source` and `destination`. Received: source=(0, 1), destination=(1,)",
    ),
    (
        lambda: ops.split(np.ones(5), 2),
        ValueError,
        "`x` size on given `axis` must be dividible by `indices_or_sections` when "
        "`indices_or_sections` is an int. But received 5 and 2.",
    ),
    (
        lambda: ops.array_split(A, [1]),
        TypeError,
        "Argument `indices_or_sections` must be of type `int`. Received: indices_or_sections=[1]",
    ),
    (
        lambda: ops.array_split(A, 0),
        ValueError,
        "Argument `indices_or_sections` must be a positive integer. Received: indices_or_sections=0",
    ),
    (
        lambda: ops.fliplr(np.ones(3)),
        ValueError,
        "Input tensor must be at least 2-D. Received: x.shape=(3,)",
    ),
    (
        lambda: ops.rot90(np.ones(3)),
        ValueError,
        "Input array must have at least 2 dimensions. Received: array.ndim=1",
    ),
    (
        lambda: ops.rot90(A, axes=(0, 0)),
        ValueError,
        "Invalid axes: (0, 0). Axes must be a tuple of two different dimensions.",
    ),
    (
        lambda: ops.pad(A, ((1, 1), (1, 1), (1, 1))),
        ValueError,
        "`pad_width` must have the same length as `x.shape`. Received: "
        "pad_width=[(1, 1), (1, 1), (1, 1)] (of length 3) and x.shape=(3, 4) (of length 2)",
    ),
    (
        lambda: ops.pad(A, 1, mode="reflect", constant_values=0),
        ValueError,
        "Argument `constant_values` can only be provided when `mode == 'constant'`. "
        "Received: mode=reflect",
    ),
    (
        lambda: ops.pad(A, 1, mode="linear_ramp"),
        ValueError,
        "`mode` must be one of 'constant', 'edge', 'reflect', 'symmetric', 'wrap' or 'circular'. "
        "Received: mode=linear_ramp",
    ),
    (
        lambda: ops.diag(np.ones((2, 2, 2))),
        ValueError,
        "`x` must be 1d or 2d. Received: x.shape=(2, 2, 2)",
    ),
    (
        lambda: ops.take_along_axis(A, np.zeros((2, 2), "int32")),
        ValueError,
        "`indices` must be 1D if axis=None. Received: indices.shape=(2, 2)",
    ),
    (
        lambda: ops.view(np.ones((3,), "int8"), "int16"),
        ValueError,
        "Cannot view array of shape (3,) and dtype int8 as dtype int16 because the total number of "
        "bytes is not divisible by the new itemsize.",
    ),
    (
        lambda: ops.meshgrid(np.ones(2), indexing="ji"),
        ValueError,
        "Valid values for `indexing` are 'xy' and 'ij', but received ji.",
    ),
    (
        lambda: ops.expand_dims(A, (0, 5)),
        ValueError,
        "axis 5 is out of bounds for an array of dimension 4",
    ),
    # numpy: creation and statistics
    (
        lambda: ops.linspace(0, 1, -1),
        ValueError,
        "`num` must be a non-negative integer. Received: num=-1",
    ),
    (lambda: ops.eye(2.0), TypeError, "Argument `N` must be an integer or an integer tensor."),
    (
        lambda: ops.eye(2, 2.0),
        TypeError,
        "Argument `M` must be an integer, an integer tensor, or `None`.",
    ),
    (
        lambda: ops.vander(A),
        ValueError,
        "Input tensor must be 1-dimensional. Received: input.shape=(3, 4)",
    ),
    (
        lambda: ops.vander(np.ones(3), N=2.0),
        TypeError,
        "Argument `N` must be of type `int`. Received: N=2.0 of type <class 'float'>",
    ),
    (
        lambda: ops.vander(np.ones(3), N=-1),
        ValueError,
        "Argument 'N' must be nonnegative. Received: N=-1",
    ),
    (
        lambda: ops.vander(np.ones(3), increasing=1),
        TypeError,
        "Argument `increasing` must be of type `bool`. Received: increasing=1 of type <class 'int'>",
    ),
    (
        lambda: ops.bincount(np.array([0, 1]), sparse=True),
        NotImplementedError,
        "bincount: `sparse=True` is not supported by torchkeras",
    ),
    (
        lambda: ops.histogram(np.ones(3), bins=2.0),
        TypeError,
        "Argument `bins` must be of type `int`. Received: bins=2.0",
    ),
    (
        lambda: ops.histogram(np.ones(3), bins=-1),
        ValueError,
        "Argument `bins` should be a non-negative integer. Received: bins=-1",
    ),
    (
        lambda: ops.histogram(np.ones(3), range=[0, 1]),
        ValueError,
        "Argument `range` must be a tuple of two elements. Received: range=[0, 1]",
    ),
    (
        lambda: ops.histogram(np.ones(3), range=(1, 0)),
        ValueError,
        "The second element of `range` must be greater than the first. Received: range=(1, 0)",
    ),
    (
        lambda: ops.histogram(A),
        ValueError,
        "Input tensor must be 1-dimensional. Received: input.shape=(3, 4)",
    ),
    (lambda: ops.diff(A, n=-1), ValueError, "Order `n` must be non-negative. Received n=-1"),
    (
        lambda: ops.diff(np.float32(1.0)),
        ValueError,
        "`diff` requires input that is at least one dimensional. Received: a=1.0",
    ),
    # math
    (
        lambda: ops.segment_sum(A, np.zeros((3, 1), "int32")),
        ValueError,
        "Argument `segment_ids` should be an 1-D vector, got shape: 2.",
    ),
    (
        lambda: ops.segment_sum(A, np.zeros(2, "int32")),
        ValueError,
        "Argument `segment_ids` and `data` should have same leading dimension. Got (2,) v.s. (3, 4).",
    ),
    (
        lambda: ops.segment_max(A, np.zeros(3, "int32"), num_segments=2, sorted=True),
        ValueError,
        "Argument `num_segments` cannot be set when sorted is True when using the tensorflow "
        "backend.Received: num_segments=2, sorted=True.",
    ),
    (lambda: ops.cdist(np.ones(3), A), ValueError, "`cdist` inputs must have rank >= 2"),
    (
        lambda: ops.cdist(A, np.ones((2, 3))),
        ValueError,
        "Last dimension of inputs to `cdist` must match",
    ),
    (
        lambda: ops.extract_sequences(np.float32(1.0), 2, 1),
        ValueError,
        "Input should have rank >= 1. Received: input.shape = ()",
    ),
    (
        lambda: ops.fft(A),
        ValueError,
        "Input `x` should be a tuple of two tensors - real and imaginary.",
    ),
    (
        lambda: ops.fft((A, np.ones((2, 2), "float32"))),
        ValueError,
        "Both the real and imaginary parts should have the same shape. Received: x[0].shape = (3, 4), "
        "x[1].shape = (2, 2)",
    ),
    (
        lambda: ops.fft((A.astype("int32"), A.astype("int32"))),
        ValueError,
        "At least one tensor in input `x` is not of type float.",
    ),
    (
        lambda: ops.stft(A, 2, 0, 4),
        ValueError,
        "`sequence_stride` must be a positive integer. Received: sequence_stride=0",
    ),
    (
        lambda: ops.stft(A.astype("float16"), 2, 1, 4),
        TypeError,
        "Invalid input type. Expected `float32` or `float64`. Received: input type=float16",
    ),
    (
        lambda: ops.stft(A, 4, 1, 2),
        ValueError,
        "`fft_length` must equal or larger than `sequence_length`. Received: sequence_length=4, "
        "fft_length=2",
    ),
    (
        lambda: ops.stft(A, 2, 1, 2, window="blackman"),
        ValueError,
        'If a string is passed to `window`, it must be one of `"hann"`, `"hamming"`. '
        "Received: window=blackman",
    ),
    (
        lambda: ops.stft(A, 2, 1, 2, window=np.ones(3, "float32")),
        ValueError,
        "The shape of `window` must be equal to [sequence_length].Received: window shape=(3,)",
    ),
    (
        lambda: ops.view_as_complex(A),
        ValueError,
        "Last dimension of input must be size 2 (real and imaginary). Received shape: (3, 4)",
    ),
    # nn
    (
        lambda: ops.conv(IMG, np.ones((3, 3, 3, 2)), padding="causal"),
        ValueError,
        "The `padding` argument must be one of 'valid', 'same'. Received: padding=causal",
    ),
    (
        lambda: ops.conv(A, np.ones((3, 4))),
        ValueError,
        "Inputs to conv operation should have ndim=3, 4, or 5, corresponding to 1D, 2D and 3D "
        "inputs. Received input shape: (3, 4).",
    ),
    (
        lambda: ops.conv(IMG, np.ones((3, 3, 2, 2))),
        ValueError,
        "The number of input channels must match the kernel's input channels. Received: input "
        "channels=3, kernel input channels=2, data_format='channels_last'.",
    ),
    (
        lambda: ops.conv(np.ones((1, 2, 2, 1)), np.ones((3, 3, 1, 1))),
        ValueError,
        "The convolution operation resulted in an empty output. Output shape: (1, 0, 0, 1).",
    ),
    (
        lambda: ops.depthwise_conv(np.ones((1, 2, 2, 2, 3)), np.ones((1, 1, 1, 3, 1))),
        ValueError,
        "`inputs` rank must be 3 (1D conv) or 4 (2D conv). Received: 5.",
    ),
    (
        lambda: ops.depthwise_conv(IMG, np.ones((3, 3, 1, 1))),
        ValueError,
        "The number of input channels must match the kernel's input channels. Received: input "
        "channels=3, kernel input channels=1, data_format='channels_last'.",
    ),
    (
        lambda: ops.separable_conv(
            np.ones((1, 2, 2, 2, 3)), np.ones((1, 1, 1, 3, 1)), np.ones((1, 1, 1, 3, 2))
        ),
        ValueError,
        "`num_spatial_dims` must be 1 or 2. Received: num_spatial_dims=3.",
    ),
    (
        lambda: ops.conv_transpose(IMG, np.ones((3, 3, 2, 2))),
        ValueError,
        "The number of input channels must match the kernel's input channels. Received: input "
        "channels=3, kernel input channels=2, data_format='channels_last'.",
    ),
    (
        lambda: ops.max_pool(A, 2),
        ValueError,
        "Pooling inputs's shape must be 3, 4 or 5, corresponding to 1D, 2D and 3D inputs. But "
        "received shape: (3, 4).",
    ),
    (
        lambda: ops.adaptive_max_pool(A, 2),
        ValueError,
        "Adaptive pooling inputs must be 3D, 4D or 5D (1D, 2D or 3D spatial pooling). Received "
        "input shape: (3, 4).",
    ),
    (
        lambda: ops.unfold(A, 2),
        ValueError,
        "Input must be a 4D tensor. Received: input.shape=(3, 4)",
    ),
    (
        lambda: ops.fold(A, 2, 2),
        ValueError,
        "Input must be a 3D tensor. Received: input.shape=(3, 4)",
    ),
    (
        lambda: ops.depth_to_space(IMG, 1),
        ValueError,
        "`block_size` must be at least 2. Received: block_size=1",
    ),
    (
        lambda: ops.one_hot([1], 3, sparse=True),
        NotImplementedError,
        "one_hot: `sparse=True` is not supported by torchkeras.",
    ),
    (lambda: ops.multi_hot([1]), ValueError, "Argument `num_classes` must be specified."),
    (
        lambda: ops.normalize(A, order=0),
        ValueError,
        "Argument `order` must be an int >= 1. Received: order=0",
    ),
    (
        lambda: ops.dot_product_attention(A, A, A, attn_logits_soft_cap=1.0),
        ValueError,
        "attn_logits_soft_cap is only supported for JAX on TPU. Set attn_logits_soft_cap=None when "
        "not using JAX on TPU.",
    ),
    (
        lambda: ops.dot_product_attention(A, A, A),
        ValueError,
        "`dot_product_attention` only supports 4D inputs. Received: query.shape=(3, 4), "
        "key.shape=(3, 4), value.shape=(3, 4).",
    ),
    (
        lambda: ops.ctc_decode(np.ones((1, 3, 2)), [3], strategy="beam_search"),
        NotImplementedError,
        "ctc_decode: `strategy='beam_search'` is not supported by torchkeras yet.",
    ),
    (
        lambda: ops.ctc_decode(np.ones((1, 3, 2)), [3], strategy="best"),
        ValueError,
        "Invalid strategy best. Supported values are 'greedy' and 'beam_search'.",
    ),
    (
        lambda: ops.psnr(A, np.ones((2, 2), "float32"), 1.0),
        ValueError,
        "Input shapes (3, 4) and (2, 2) must match for PSNR calculation. ",
    ),
    # linalg
    (
        lambda: ops.linalg.solve(SPD, np.float32(1.0)),
        ValueError,
        "Expected input to have rank >= 1. Received scalar input",
    ),
    (
        lambda: ops.linalg.det(np.ones(3)),
        ValueError,
        "Expected input to have rank >= 2. Received input with shape (3,).",
    ),
    (
        lambda: ops.linalg.inv(np.ones((2, 3))),
        ValueError,
        "Expected a square matrix. Received non-square input with shape (2, 3)",
    ),
    (
        lambda: ops.linalg.solve(SPD, np.ones((3, 1))),
        ValueError,
        "Incompatible shapes between `a` and `b`. Expected `a.shape[-2] == b.shape[-2]`. "
        "Received: a.shape=(2, 2), b.shape=(3, 1)",
    ),
    (
        lambda: ops.linalg.solve(SPD, np.ones((1, 2, 3))),
        ValueError,
        "Incompatible shapes between `a` and `b`. Expected `a.shape[-1] == b.shape[-1]`. "
        "Received: a.shape=(2, 2), b.shape=(1, 2, 3)",
    ),
    (
        lambda: ops.linalg.cholesky(np.array([[1.0, 2.0], [2.0, 1.0]], "float32")),
        ValueError,
        "Cholesky decomposition failed: the input is not positive definite",
    ),
    (
        lambda: ops.linalg.lu_factor(np.ones((2, 3))),
        ValueError,
        "LU decomposition failed: Expected a square matrix. Received non-square input with shape "
        "(2, 3). LU decomposition is only supported for square matrices in Tensorflow.",
    ),
    (
        lambda: ops.linalg.norm(A, axis=2),
        ValueError,
        "All `axis` values must be in the range [-ndim, ndim). Received inputs with ndim=2, while "
        "axis=(2,)",
    ),
    (
        lambda: ops.linalg.norm(A, ord="fro", axis=0),
        ValueError,
        "Invalid `ord` argument for vector norm. Received: ord=fro",
    ),
    (
        lambda: ops.linalg.norm(A, ord=3),
        ValueError,
        "Invalid `ord` argument for matrix norm. Received: ord=3",
    ),
    (
        lambda: ops.linalg.norm(np.ones((2, 2, 2)), ord=2),
        ValueError,
        "Invalid axis values. Received: axis=None",
    ),
    (
        lambda: ops.linalg.qr(A, mode="raw"),
        ValueError,
        "`mode` argument value not supported. Expected one of {'reduced', 'complete'}. "
        "Received: mode=raw",
    ),
    (
        lambda: ops.linalg.qr(np.ones(3)),
        ValueError,
        "Input should have rank >= 2. Received: input.shape = (3,)",
    ),
    (
        lambda: ops.linalg.lstsq(A, np.ones(2)),
        ValueError,
        "Leading dimensions of input arrays must match",
    ),
    (
        lambda: ops.linalg.lstsq(np.ones(3), np.ones(3)),
        TypeError,
        "1-dimensional array given. Array must be two-dimensional",
    ),
    (
        lambda: ops.linalg.lstsq(A, np.ones((3, 1, 1))),
        TypeError,
        "3-dimensional array given. Array must be one or two-dimensional",
    ),
    # image
    (
        lambda: ops.image.rgb_to_grayscale(A),
        ValueError,
        "Invalid images rank: expected rank 3 (single image) or rank 4 (batch of images). Received "
        "input with shape: images.shape=(3, 4)",
    ),
    (
        lambda: ops.image.rgb_to_grayscale(np.ones((2, 2, 2))),
        ValueError,
        "Invalid channel size: expected 3 (RGB) or 1 (Grayscale). Received input with shape: "
        "images.shape=(2, 2, 2)",
    ),
    (
        lambda: ops.image.rgb_to_hsv(np.ones((2, 2, 3), "int32")),
        ValueError,
        "Invalid images dtype: expected float dtype. Received: images.dtype=int32",
    ),
    (
        lambda: ops.image.resize(IMG, (2,)),
        ValueError,
        "Expected `size` to be a tuple of 2 integers. Received: size=(2,)",
    ),
    (
        lambda: ops.image.resize(IMG, (0, 2)),
        ValueError,
        "`size` must have positive height and width. Received: size=(0, 2)",
    ),
    (
        lambda: ops.image.resize(IMG, (2, 2), crop_to_aspect_ratio=True, pad_to_aspect_ratio=True),
        ValueError,
        "Only one of `pad_to_aspect_ratio` & `crop_to_aspect_ratio` can be `True`.",
    ),
    (
        lambda: ops.image.resize(IMG, (2, 2), interpolation="cubic"),
        ValueError,
        "Invalid value for argument `interpolation`. Expected of one ('bilinear', 'nearest', "
        "'lanczos3', 'lanczos5', 'bicubic', 'area'). Received: interpolation=cubic",
    ),
    (
        lambda: ops.image.resize(IMG, (2, 2), fill_mode="reflect"),
        ValueError,
        "Invalid value for argument `fill_mode`. Only `'constant'` is supported. Received: "
        "fill_mode=reflect",
    ),
    (
        lambda: ops.image.scale_and_translate(IMG, (2, 3, 4, 3), [1, 1], [0, 0], (1, 2), "area"),
        ValueError,
        "Invalid value for argument `method`. Expected of one",
    ),
    (
        lambda: ops.image.affine_transform(IMG, np.ones(8), interpolation="bicubic"),
        ValueError,
        "Invalid value for argument `interpolation`. Expected of one ('nearest', 'bilinear'). "
        "Received: interpolation=bicubic",
    ),
    (
        lambda: ops.image.affine_transform(IMG, np.ones(8), fill_mode="mirror"),
        ValueError,
        "Invalid value for argument `fill_mode`. Expected of one ('constant', 'nearest', 'wrap', "
        "'reflect'). Received: fill_mode=mirror",
    ),
    (
        lambda: ops.image.affine_transform(IMG, np.ones((1, 1, 8))),
        ValueError,
        "Invalid transform rank: expected rank 1 (single transform) or rank 2 (batch of "
        "transforms). Received input with shape: transform.shape=(1, 1, 8)",
    ),
    (
        lambda: ops.image.perspective_transform(IMG, np.ones((3, 2)), np.ones((3, 2))),
        ValueError,
        "Invalid start_points shape: expected (4,2) for a single image or (N,4,2) for a batch. "
        "Received shape: (3, 2)",
    ),
    (
        lambda: ops.image.perspective_transform(IMG, np.ones((4, 2)), np.ones((1, 4, 2))),
        ValueError,
        "start_points and end_points must have the same shape. Received start_points.shape=(4, 2), "
        "end_points.shape=(1, 4, 2)",
    ),
    (
        lambda: ops.image.map_coordinates(A, np.ones((3, 2)), 1),
        ValueError,
        "First dim of `coordinates` must be the same as the rank of `inputs`. Received inputs with "
        "shape: (3, 4) and coordinate leading dim of 3",
    ),
    (
        lambda: ops.image.map_coordinates(np.ones(3), np.ones(1), 1),
        ValueError,
        "Invalid coordinates rank: expected at least rank 2. Received input with shape: (1,)",
    ),
    (
        lambda: ops.image.map_coordinates(A, np.ones((2, 2)), 1, fill_mode="edge"),
        ValueError,
        "Invalid value for argument `fill_mode`. Expected one of",
    ),
    (
        lambda: ops.image.map_coordinates(A, np.ones((2, 2)), 3),
        NotImplementedError,
        "map_coordinates currently requires order<=1",
    ),
    (
        lambda: ops.image.pad_images(IMG, 1, 1),
        ValueError,
        "Must specify exactly two of top_padding, bottom_padding, target_height. Received: "
        "top_padding=1, bottom_padding=None, target_height=None",
    ),
    (
        lambda: ops.image.pad_images(IMG, -1, 1, target_height=9, target_width=10),
        ValueError,
        "top_padding must be >= 0. Received: top_padding=-1",
    ),
    (
        lambda: ops.image.pad_images(IMG, 4, 1, target_height=9, target_width=10),
        ValueError,
        "bottom_padding must be >= 0. Received: bottom_padding=-1",
    ),
    (
        lambda: ops.image.pad_images(A, 1, 1, target_height=9, target_width=10),
        ValueError,
        "Invalid images rank: expected rank 3 (single image) or rank 4 (batch of images). "
        "Received: images.shape=(3, 4)",
    ),
    (
        lambda: ops.image.crop_images(
            IMG, None, 1, bottom_cropping=1, target_height=9, target_width=2
        ),
        ValueError,
        "top_cropping must be >= 0. Received: top_cropping=-4",
    ),
    (
        lambda: ops.image.crop_images(A, 1, 1, target_height=1, target_width=1),
        ValueError,
        "Invalid images rank: expected rank 3 (single image) or rank 4 (batch of images). "
        "Received: images.shape=(3, 4)",
    ),
    (
        lambda: ops.image.extract_patches(IMG, (1, 2, 3, 4)),
        TypeError,
        "Invalid `size` argument. Expected an int or a tuple of length 2. Received: size=(1, 2, 3, 4)",
    ),
    (
        lambda: ops.image.extract_patches_3d(np.ones((1, 4, 4, 4, 1)), (2, 2)),
        TypeError,
        "Invalid `size` argument. Expected an int or a tuple of length 3. Received: size=(2, 2)",
    ),
    (
        lambda: ops.image.extract_patches_3d(np.ones((1, 4, 4, 4, 1)), 2, strides=(1, 1)),
        ValueError,
        "Invalid `strides` argument. Got: (1, 1)",
    ),
    (
        lambda: ops.image.ssim(A, A),
        ValueError,
        "Invalid image1 rank: expected rank 3 (single image) or rank 4 (batch of images). Received "
        "input with shape: image1.shape=(3, 4)",
    ),
]


def _case_id(entry):
    return str(entry[2])[:60]


@pytest.mark.parametrize("call, error, message", ERRORS, ids=[_case_id(e) for e in ERRORS])
def test_op_error(call, error, message):
    with pytest.raises(error, match=re.escape(message)):
        call()
