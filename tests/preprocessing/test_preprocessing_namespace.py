"""The `keras.preprocessing` namespace: Keras 3.15.1's names plus tf.keras 2's."""

import torchkeras.preprocessing as preprocessing
from torchkeras.utils import image_dataset_utils
from torchkeras.utils import image_utils

# keras.preprocessing / keras.preprocessing.image in Keras 3.15.1.
KERAS3_NAMES = [
    "image", "image_dataset_from_directory", "sequence", "text_dataset_from_directory",
    "timeseries_dataset_from_array",
]
KERAS3_IMAGE = ["array_to_img", "img_to_array", "load_img", "save_img", "smart_resize"]
# tf_keras 2.21's keras.preprocessing.image, .text, .sequence.
TF_KERAS_IMAGE = [
    "DirectoryIterator", "ImageDataGenerator", "Iterator", "NumpyArrayIterator",
    "apply_affine_transform", "apply_brightness_shift", "apply_channel_shift",
    "random_brightness", "random_channel_shift", "random_rotation", "random_shear",
    "random_shift", "random_zoom",
]
TF_KERAS_TEXT = ["Tokenizer", "hashing_trick", "one_hot", "text_to_word_sequence",
                 "tokenizer_from_json"]
TF_KERAS_SEQUENCE = ["TimeseriesGenerator", "make_sampling_table", "pad_sequences", "skipgrams"]


def test_names_exist():
    for name in KERAS3_NAMES:
        assert name in preprocessing.__all__
    for name in KERAS3_IMAGE + TF_KERAS_IMAGE:
        assert hasattr(preprocessing.image, name), name
        assert name in preprocessing.image.__all__
    for name in TF_KERAS_TEXT:
        assert hasattr(preprocessing.text, name), name
    for name in TF_KERAS_SEQUENCE:
        assert hasattr(preprocessing.sequence, name), name


def test_image_helpers_are_the_utils_ones():
    for name in KERAS3_IMAGE:
        assert getattr(preprocessing.image, name) is getattr(image_utils, name)


def test_dataset_builders_resolve_lazily():
    assert preprocessing.image_dataset_from_directory is (
        image_dataset_utils.image_dataset_from_directory
    )
    assert "timeseries_dataset_from_array" in dir(preprocessing)
    try:
        preprocessing.no_such_name
    except AttributeError as e:
        assert "has no attribute 'no_such_name'" in str(e)
    else:
        raise AssertionError("expected AttributeError")
