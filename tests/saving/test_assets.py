"""`.keras` assets: vocabularies of adapted lookup layers survive save/load, both ways with Keras."""

import os
import zipfile

import numpy as np

import torchkeras as keras
from torchkeras.backend import convert_to_numpy

FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures")
# From keras 3.15.1 (tests/saving/fixtures/make_fixtures.py, section 6): the model's outputs on
# these strings and its vocabulary.
TEXTS = np.array([["the cat"], ["far away dog zebra"]])
KERAS_OUTPUTS = [[2, 7, 0, 0], [5, 8, 6, 1]]
KERAS_VOCABULARY = ["", "[UNK]", "the", "sat", "ran", "far", "dog", "cat", "away"]


def _text_model():
    vectorizer = keras.layers.TextVectorization(
        max_tokens=20, output_mode="int", output_sequence_length=4
    )
    vectorizer.adapt(["the cat sat", "the dog ran far away"])
    inputs = keras.Input(shape=(1,), dtype="string")
    return keras.Model(inputs, vectorizer(inputs))


def test_keras_text_model_loads_with_its_vocabulary():
    model = keras.saving.load_model(os.path.join(FIXTURES, "keras_text_vectorization.keras"))
    assert model.layers[1].get_vocabulary() == KERAS_VOCABULARY
    np.testing.assert_array_equal(convert_to_numpy(model(TEXTS)), KERAS_OUTPUTS)


def test_vocabulary_round_trip_writes_keras_asset_members(tmp_path):
    model = _text_model()
    np.testing.assert_array_equal(convert_to_numpy(model(TEXTS)), KERAS_OUTPUTS)
    path = str(tmp_path / "text.keras")
    model.save(path)
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        # The members Keras writes for this model.
        assert {"assets/layers/text_vectorization/vocabulary.txt",
                "assets/layers/text_vectorization/_lookup_layer/vocabulary.txt"} <= names
    restored = keras.saving.load_model(path)
    assert restored.layers[1].get_vocabulary() == KERAS_VOCABULARY
    np.testing.assert_array_equal(convert_to_numpy(restored(TEXTS)), KERAS_OUTPUTS)


def test_vocabulary_round_trip_unzipped_directory(tmp_path):
    model = keras.Sequential([keras.Input((1,), dtype="string"), keras.layers.StringLookup()])
    model.layers[0].adapt(["a", "b", "b"])
    path = str(tmp_path / "saved")
    model.save(path, zipped=False)
    assert os.path.isfile(os.path.join(path, "assets", "layers", "string_lookup",
                                       "vocabulary.txt"))
    restored = keras.saving.load_model(path)
    # Vocabulary by frequency: "b" then "a", after the OOV token.
    assert restored.layers[0].get_vocabulary() == ["[UNK]", "b", "a"]
    np.testing.assert_array_equal(
        convert_to_numpy(restored(np.array([["a"], ["b"], ["c"]]))), [[2], [1], [0]]
    )
