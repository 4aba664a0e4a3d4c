"""`keras.applications.imagenet_utils`: ImageNet preprocessing, decoding and input-shape checks.

`preprocess_input` accepts NumPy arrays (processed in place when the dtype allows it, as Keras
does), torch tensors (out of place: a user tensor is never mutated) and symbolic `KerasTensor`s
(recorded as ops of the functional graph, so preprocessing can live inside a model).
"""

import json
import os
import warnings

import numpy as np

from torchkeras import backend

CLASS_INDEX = None
CLASS_INDEX_PATH = (
    "https://storage.googleapis.com/download.tensorflow.org/data/imagenet_class_index.json"
)
_CLASS_INDEX_HASH = "c2c37ea517e94d9795004a39431a14cb"

# ImageNet channel statistics: BGR means on the 0-255 scale ("caffe"), RGB mean/std on 0-1
# ("torch").
_CAFFE_MEAN = [103.939, 116.779, 123.68]
_TORCH_MEAN = [0.485, 0.456, 0.406]
_TORCH_STD = [0.229, 0.224, 0.225]

PREPROCESS_INPUT_DOC = """Preprocesses a tensor or NumPy array encoding a batch of images.

    Args:
        x: A floating point `numpy.array` or a tensor, 3D or 4D with 3 color channels, with
            values in the range [0, 255]. A NumPy array is processed in place when its dtype
            allows it (use `numpy.copy(x)` to keep the original).
        data_format: Optional data format of the image tensor/array. `None` means the global
            setting `keras.backend.image_data_format()` is used.{mode} Defaults to `None`.

    Returns:
        Preprocessed array or tensor.{ret}
    """

_MODE_DOC = """
        mode: One of `"caffe"`, `"tf"` or `"torch"`. `"caffe"`: RGB to BGR, then zero-center each
            channel with respect to ImageNet, without scaling. `"tf"`: scale pixels between -1
            and 1, sample-wise. `"torch"`: scale pixels between 0 and 1, then normalize each
            channel with respect to ImageNet. Defaults to `"caffe"`."""

RET_DOC_CAFFE = """ The images are converted from RGB to BGR, then each color channel is
        zero-centered with respect to the ImageNet dataset, without scaling."""
RET_DOC_TF = " The input pixel values are scaled between -1 and 1, sample-wise."
RET_DOC_TORCH = """ The input pixel values are scaled between 0 and 1 and each channel is
        normalized with respect to the ImageNet dataset."""


def preprocess_input(x, data_format=None, mode="caffe"):
    if mode not in {"caffe", "tf", "torch"}:
        raise ValueError(
            "Expected mode to be one of `caffe`, `tf` or `torch`. "
            f"Received: mode={mode}"
        )
    if data_format is None:
        data_format = backend.image_data_format()
    elif data_format not in {"channels_first", "channels_last"}:
        raise ValueError(
            "Expected data_format to be one of `channels_first` or "
            f"`channels_last`. Received: data_format={data_format}"
        )
    if isinstance(x, np.ndarray):
        return _preprocess_numpy_input(x, data_format=data_format, mode=mode)
    return _preprocess_tensor_input(x, data_format=data_format, mode=mode)


preprocess_input.__doc__ = PREPROCESS_INPUT_DOC.format(mode=_MODE_DOC, ret="")


def _channel_index(x, data_format, channel):
    """An index selecting one channel of a 3D (one image) or 4D (batch) array."""
    if data_format == "channels_last":
        return (Ellipsis, channel)
    return (channel,) if x.ndim == 3 else (slice(None), channel)


def _preprocess_numpy_input(x, data_format, mode):
    # Keras converts only non-float arrays; float arrays (float64 included) keep their dtype and
    # are modified in place. Scalars stay as they are.
    if not issubclass(x.dtype.type, np.floating):
        x = x.astype(backend.floatx(), copy=False)
    if mode == "tf":
        x /= 127.5
        x -= 1.0
        return x
    if mode == "torch":
        x /= 255.0
        mean, std = _TORCH_MEAN, _TORCH_STD
    else:
        # RGB -> BGR as a reversed view of the channel axis.
        if data_format == "channels_first":
            x = x[::-1, ...] if x.ndim == 3 else x[:, ::-1, ...]
        else:
            x = x[..., ::-1]
        mean, std = _CAFFE_MEAN, None
    for channel in range(3):
        index = _channel_index(x, data_format, channel)
        x[index] -= mean[channel]
        if std is not None:
            x[index] /= std[channel]
    return x


def _preprocess_tensor_input(x, data_format, mode):
    # Out of place throughout: works for torch tensors and symbolic KerasTensors alike.
    from torchkeras import ops

    if not backend.is_keras_tensor(x):
        x = ops.convert_to_tensor(x)
    if "float" not in backend.standardize_dtype(x.dtype):
        x = ops.cast(x, backend.floatx())
    ndim = len(x.shape)
    if mode == "tf":
        return x / 127.5 - 1.0
    if mode == "torch":
        x = x / 255.0
        mean, std = _TORCH_MEAN, _TORCH_STD
    else:
        if data_format == "channels_first":
            if ndim == 3:
                x = ops.stack([x[i, ...] for i in (2, 1, 0)], axis=0)
            else:
                x = ops.stack([x[:, i] for i in (2, 1, 0)], axis=1)
        else:
            x = ops.stack([x[..., i] for i in (2, 1, 0)], axis=-1)
        mean, std = _CAFFE_MEAN, None
    if data_format == "channels_first":
        stat_shape = (3, 1, 1) if ndim == 3 else (1, 3) + (1,) * (ndim - 2)
    else:
        stat_shape = (1,) * (ndim - 1) + (3,)
    dtype = backend.standardize_dtype(x.dtype)

    def constant(values):
        t = ops.convert_to_tensor(np.reshape(values, stat_shape), dtype=dtype)
        # Statistics follow a real tensor to its device (it may differ from the default one).
        return t if backend.is_keras_tensor(x) else t.to(x.device)

    x = ops.subtract(x, constant(mean))
    if std is not None:
        x = ops.divide(x, constant(std))
    return x


def decode_predictions(preds, top=5):
    """Decodes the prediction of an ImageNet model.

    Args:
        preds: NumPy array (or tensor) encoding a batch of predictions, of shape `(samples, 1000)`.
        top: Integer, how many top-guesses to return. Defaults to `5`.

    Returns:
        A list of lists of top class prediction tuples `(class_name, class_description, score)`,
        one list of tuples per sample in the batch.

    Raises:
        ValueError: In case of invalid shape of the `preds` array (must be 2D).
    """
    global CLASS_INDEX

    if len(preds.shape) != 2 or preds.shape[1] != 1000:
        raise ValueError(
            "`decode_predictions` expects "
            "a batch of predictions "
            "(i.e. a 2D array of shape (samples, 1000)). "
            f"Received array with shape: {preds.shape}"
        )
    if CLASS_INDEX is None:
        fpath = fetch_file(
            "imagenet_class_index.json", CLASS_INDEX_PATH, _CLASS_INDEX_HASH,
            context="decode_predictions()",
        )
        with open(fpath) as f:
            CLASS_INDEX = json.load(f)
    preds = backend.convert_to_numpy(preds)
    results = []
    for pred in preds:
        top_indices = pred.argsort()[-top:][::-1]
        result = [tuple(CLASS_INDEX[str(i)]) + (pred[i],) for i in top_indices]
        result.sort(key=lambda t: t[2], reverse=True)
        results.append(result)
    return results


def keras_cache_dir(cache_subdir="models"):
    """The folder Keras caches downloads in: `$KERAS_HOME/<subdir>` or `~/.keras/<subdir>`."""
    base = os.environ.get("KERAS_HOME") or os.path.join(os.path.expanduser("~"), ".keras")
    if not os.access(base, os.W_OK) and os.path.exists(base):
        base = os.path.join("/tmp", ".keras")
    return os.path.join(base, cache_subdir)


def _get_file(fname, origin, cache_subdir, file_hash):
    # Imported at call time: `keras.utils.get_file` is optional for the rest of the package.
    from torchkeras.utils import get_file

    return get_file(fname, origin, cache_subdir=cache_subdir, file_hash=file_hash)


def fetch_file(fname, origin, file_hash, context, cache_subdir="models"):
    """Returns the local path of a published Keras file, downloading it when needed.

    A file already in the Keras cache is used as is (after `get_file`'s hash check). When it is
    absent and cannot be downloaded (e.g. offline), the error names the file and where to put it.
    """
    target = os.path.join(keras_cache_dir(cache_subdir), fname)
    try:
        return _get_file(fname, origin, cache_subdir, file_hash)
    except ImportError:
        # `keras.utils.get_file` is not available: use the cache only.
        if os.path.exists(target):
            return target
        error = None
    except Exception as e:  # download failures come in many types (URLError, OSError, ...)
        if os.path.exists(target):
            raise
        error = e
    raise FileNotFoundError(
        f"{context}: the file '{fname}' is not in the Keras cache and could not be downloaded. "
        f"Download it from {origin} and place it in {os.path.dirname(target)} "
        "(~/.keras/models, or $KERAS_HOME/models when KERAS_HOME is set). "
        f"Received: error={error!r}"
    ) from error


def obtain_input_shape(input_shape, default_size, min_size, data_format, require_flatten,
                       weights=None):
    """Computes and validates the input shape of an application model (Keras's rules).

    Args:
        input_shape: `None` (the default shape is returned) or a user shape to validate.
        default_size: Default input height/width of the model.
        min_size: Minimum input height/width accepted by the model.
        data_format: `"channels_last"` or `"channels_first"`.
        require_flatten: Whether the model ends in a classifier that needs a static shape.
        weights: `None`, `"imagenet"` (3 input channels required) or a weights path.

    Returns:
        A shape tuple of 3 entries (`None` for unknown spatial dimensions).
    """
    if weights != "imagenet" and input_shape and len(input_shape) == 3:
        if data_format == "channels_first":
            if input_shape[0] not in {1, 3}:
                warnings.warn(
                    "This model usually expects 1 or 3 input channels. "
                    "However, it was passed an input_shape "
                    f"with {input_shape[0]} input channels.",
                    stacklevel=2,
                )
            default_shape = (input_shape[0], default_size, default_size)
        else:
            if input_shape[-1] not in {1, 3}:
                warnings.warn(
                    "This model usually expects 1 or 3 input channels. "
                    "However, it was passed an input_shape "
                    f"with {input_shape[-1]} input channels.",
                    stacklevel=2,
                )
            default_shape = (default_size, default_size, input_shape[-1])
    elif data_format == "channels_first":
        default_shape = (3, default_size, default_size)
    else:
        default_shape = (default_size, default_size, 3)
    if weights == "imagenet" and require_flatten:
        if input_shape is not None and input_shape != default_shape:
            raise ValueError(
                "When setting `include_top=True` "
                "and loading `imagenet` weights, "
                f"`input_shape` should be {default_shape}.  "
                f"Received: input_shape={input_shape}"
            )
        return default_shape
    if input_shape:
        if len(input_shape) != 3:
            raise ValueError("`input_shape` must be a tuple of three integers.")
        channels, spatial = (
            (input_shape[0], input_shape[1:]) if data_format == "channels_first"
            else (input_shape[-1], input_shape[:2])
        )
        if channels != 3 and weights == "imagenet":
            raise ValueError(
                "The input must have 3 channels; Received "
                f"`input_shape={input_shape}`"
            )
        if any(d is not None and d < min_size for d in spatial):
            raise ValueError(
                f"Input size must be at least {min_size}x{min_size}; Received: "
                f"input_shape={input_shape}"
            )
    elif require_flatten:
        input_shape = default_shape
    else:
        input_shape = (3, None, None) if data_format == "channels_first" else (None, None, 3)
    if require_flatten and None in input_shape:
        raise ValueError(
            "If `include_top` is True, "
            "you should specify a static `input_shape`. "
            f"Received: input_shape={input_shape}"
        )
    return input_shape


def correct_pad(inputs, kernel_size):
    """Returns the `((top, bottom), (left, right))` zero-padding for a strided 2D convolution.

    Args:
        inputs: Input tensor (its spatial size decides the asymmetric padding).
        kernel_size: An integer or tuple/list of 2 integers.
    """
    img_dim = 2 if backend.image_data_format() == "channels_first" else 1
    input_size = inputs.shape[img_dim : img_dim + 2]
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    if input_size[0] is None:
        adjust = (1, 1)
    else:
        adjust = (1 - input_size[0] % 2, 1 - input_size[1] % 2)
    correct = (kernel_size[0] // 2, kernel_size[1] // 2)
    return ((correct[0] - adjust[0], correct[0]), (correct[1] - adjust[1], correct[1]))


def validate_activation(classifier_activation, weights):
    """Checks that `classifier_activation` is `None` or softmax when pretrained weights load."""
    if weights is None:
        return
    from torchkeras import activations

    classifier_activation = activations.get(classifier_activation)
    if classifier_activation not in {activations.get("softmax"), activations.get(None)}:
        raise ValueError(
            "Only `None` and `softmax` activations are allowed "
            "for the `classifier_activation` argument when using "
            "pretrained weights, with `include_top=True`; Received: "
            f"classifier_activation={classifier_activation}"
        )
