"""String tensors (`tf.data` text batches) through tf.strings, the shape functions and
TextVectorization, as in Keras's text classification examples."""

import re
import string

import numpy as np

import torchkeras as keras
from torchkeras.compat import tensorflow as tf
from torchkeras.compat.tensorflow.string_tensor import StringTensor
from torchkeras.compat.tensorflow.string_tensor import string_tensor


def test_shape_functions_keep_string_tensors():
    texts = string_tensor(["a b", "C d"])
    expanded = tf.expand_dims(texts, -1)
    assert isinstance(expanded, StringTensor) and expanded.shape == (2, 1)
    assert expanded.numpy().tolist() == [[b"a b"], [b"C d"]]
    assert tf.squeeze(expanded, axis=-1).numpy().tolist() == [b"a b", b"C d"]
    assert tf.reshape(texts, [2, 1]).shape == (2, 1)
    assert tf.concat([texts, texts], axis=0).numpy().tolist() == [b"a b", b"C d"] * 2
    assert tf.stack([texts, texts]).shape == (2, 2)
    assert tf.shape(texts).tolist() == [2]


def test_strings_functions_on_string_tensors():
    texts = string_tensor(["Great <br />Movie!", "BAD."])
    lowered = tf.strings.lower(texts)
    assert isinstance(lowered, StringTensor)
    assert lowered.numpy().tolist() == [b"great <br />movie!", b"bad."]
    stripped = tf.strings.regex_replace(lowered, "<br />", " ")
    cleaned = tf.strings.regex_replace(stripped, f"[{re.escape(string.punctuation)}]", "")
    assert cleaned.numpy().tolist() == [b"great  movie", b"bad"]
    assert tf.strings.length(texts).tolist() == [18, 4]


def test_text_vectorization_with_a_tf_strings_standardizer():
    def custom_standardization(input_data):
        lowercase = tf.strings.lower(input_data)
        return tf.strings.regex_replace(lowercase, f"[{re.escape(string.punctuation)}]", "")

    layer = keras.layers.TextVectorization(standardize=custom_standardization,
                                           vocabulary=["great", "movie"], output_mode="int",
                                           output_sequence_length=3)
    out = layer(tf.expand_dims(string_tensor(["Great movie!", "Bad."]), -1))
    # 0 = padding, 1 = OOV, then the vocabulary.
    np.testing.assert_array_equal(keras.ops.convert_to_numpy(out), [[2, 3, 0], [1, 0, 0]])


def test_constant_of_strings_is_a_string_tensor():
    value = tf.constant([["Great movie!"], ["Bad."]])
    assert isinstance(value, StringTensor) and value.shape == (2, 1)
    assert value.numpy().tolist() == [[b"Great movie!"], [b"Bad."]]
    assert tf.convert_to_tensor("a").numpy() == b"a"
