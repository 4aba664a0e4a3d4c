"""text_dataset_from_directory against Keras 3.15.1 on TensorFlow 2.21."""

import pytest
import torch

from torchkeras.utils.text_dataset_utils import text_dataset_from_directory


@pytest.fixture(scope="module")
def text_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("txt")
    (root / "pos").mkdir()
    (root / "neg").mkdir()
    for i, t in enumerate(["good movie", "great fun!", "héllo wörld"]):
        (root / "pos" / f"p{i}.txt").write_text(t, encoding="utf-8")
    for i, t in enumerate(["bad", "awful film"]):
        (root / "neg" / f"n{i}.txt").write_text(t)
    return str(root)


def test_batches_equal_keras(text_dir, capsys):
    ds = text_dataset_from_directory(text_dir, shuffle=False, batch_size=2, max_length=6)
    assert capsys.readouterr().out == "Found 5 files belonging to 2 classes.\n"
    batches = [(x.numpy().tolist(), y.tolist(), y.dtype) for x, y in ds]
    # from keras 3.15.1: max_length counts bytes ("h\xc3\xa9llo")
    assert batches == [
        ([b"bad", b"awful "], [0, 0], torch.int32),
        ([b"good m", b"great "], [1, 1], torch.int32),
        ([b"h\xc3\xa9llo"], [1], torch.int32),
    ]
    assert ds.class_names == ["neg", "pos"]


def test_seeded_validation_subset_equals_keras(text_dir, capsys):
    ds = text_dataset_from_directory(text_dir, seed=5, validation_split=0.4, subset="validation",
                                     label_mode="binary", batch_size=None)
    assert capsys.readouterr().out == ("Found 5 files belonging to 2 classes.\n"
                                       "Using 2 files for validation.\n")
    # from keras 3.15.1: these two files, labels float32 of shape (1,)
    assert [(x.numpy(), y.tolist()) for x, y in ds] == [(b"great fun!", [1.0]),
                                                        (b"good movie", [1.0])]
    train, val = text_dataset_from_directory(text_dir, seed=5, validation_split=0.4,
                                             subset="both", verbose=False)
    assert sorted(t for x, _ in train for t in x.numpy().tolist()) == [
        b"awful film", b"bad", "héllo wörld".encode()]


def test_text_vectorization_reads_the_batches(text_dir):
    import torchkeras as keras

    ds = text_dataset_from_directory(text_dir, shuffle=False, labels=None, verbose=False)
    layer = keras.layers.TextVectorization(max_tokens=20, output_sequence_length=3)
    layer.adapt(ds)
    out = layer(next(iter(ds)))
    assert tuple(out.shape) == (5, 3)


def test_errors(text_dir, tmp_path):
    with pytest.raises(ValueError, match="of the same size as the number of text files in the "
                                         "target directory.*only contains text samples"):
        text_dataset_from_directory(text_dir, labels="abc")
    with pytest.raises(ValueError, match='`format` should be either "tf" or "grain"'):
        text_dataset_from_directory(text_dir, format="x")
    with pytest.raises(NotImplementedError, match='format="grain" is not available'):
        text_dataset_from_directory(text_dir, format="grain")
    with pytest.raises(ValueError, match="No text files found in directory .*Allowed format: .txt"):
        text_dataset_from_directory(str(tmp_path), verbose=False)
    with pytest.raises(ValueError, match="No training text files found in directory"):
        text_dataset_from_directory(text_dir, validation_split=0.1, subset="both", seed=1,
                                    verbose=False)
