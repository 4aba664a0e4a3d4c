"""`keras.utils.audio_dataset_from_directory`: a lazily decoded dataset of WAV files."""

import wave

import numpy as np
import torch

from torchkeras.utils import dataset_utils

ALLOWED_FORMATS = (".wav",)


def audio_dataset_from_directory(
    directory,
    labels="inferred",
    label_mode="int",
    class_names=None,
    batch_size=32,
    sampling_rate=None,
    output_sequence_length=None,
    ragged=False,
    shuffle=True,
    seed=None,
    validation_split=None,
    subset=None,
    follow_links=False,
    verbose=True,
):
    """Generates a dataset from audio files in a directory.

    If your directory structure is:

    ```
    main_directory/
    ...class_a/
    ......a_audio_1.wav
    ......a_audio_2.wav
    ...class_b/
    ......b_audio_1.wav
    ......b_audio_2.wav
    ```

    Then calling `audio_dataset_from_directory(main_directory, labels='inferred')` will return
    a dataset that yields batches of audio files from the subdirectories `class_a` and
    `class_b`, together with labels 0 and 1. Only 16-bit PCM `.wav` files are supported (read
    with Python's `wave` module, as `tf.audio.decode_wav` reads them).

    Args:
        directory: Directory where the data is located. If `labels` is `"inferred"`, it should
            contain subdirectories, each containing audio files for a class. Otherwise, the
            directory structure is ignored.
        labels: Either `"inferred"`, `None`, or a list/tuple of integer labels of the same size
            as the number of audio files found in the directory, in the alphanumeric order of
            the file paths.
        label_mode: `"int"`, `"categorical"`, `"binary"` or `None`.
        class_names: Only valid if `labels="inferred"`: the explicit list of class names (must
            match names of subdirectories), to control the order of the classes.
        batch_size: Size of the batches of data. Default: 32. If `None`, the data will not be
            batched (the dataset will yield individual samples).
        sampling_rate: Audio sampling rate in samples per second. Resampling is not available
            in torchkeras (Keras needs `tensorflow_io` for it); leave it `None`.
        output_sequence_length: Maximum length of an audio sequence. Audio files longer than
            this will be truncated, shorter ones padded with zeros. If `None`, the sequences of
            a batch are padded to the longest one.
        ragged: Whether to return a ragged dataset (not available in torchkeras). Defaults to
            `False`.
        shuffle: Whether to shuffle the data. Defaults to `True`. If set to `False`, sorts the
            data in alphanumeric order.
        seed: Optional random seed for shuffling and transformations.
        validation_split: Optional float between 0 and 1, fraction of data to reserve for
            validation.
        subset: `"training"`, `"validation"` or `"both"`. Only used if `validation_split` is
            set.
        follow_links: Whether to visit subdirectories pointed to by symlinks. Defaults to
            `False`.
        verbose: Whether to display number information on classes and number of files found.
            Defaults to `True`.

    Returns:
        A `tf.data`-style `Dataset` with a `class_names` attribute, yielding `(audio, labels)`
        (or `audio`): float32 audio in `[-1, 1)` of shape
        `(batch_size, sequence_length, num_channels)`.
    """
    dataset_utils.check_labels_args(labels, label_mode, class_names, "audio")
    if ragged and output_sequence_length is not None:
        raise ValueError("Cannot set both `ragged` and `output_sequence_length`")
    if sampling_rate is not None:
        if not isinstance(sampling_rate, int):
            raise ValueError(
                "`sampling_rate` should have an integer value. "
                f"Received: sampling_rate={sampling_rate}"
            )
        if sampling_rate <= 0:
            raise ValueError(
                f"`sampling_rate` should be higher than 0. Received: sampling_rate={sampling_rate}"
            )
        raise NotImplementedError(
            "audio_dataset_from_directory: resampling (`sampling_rate`) is not available in "
            "torchkeras (Keras needs tensorflow-io for it; see compat/DIFFERENCES.md). Resample "
            "the files beforehand and pass sampling_rate=None. "
            f"Received: sampling_rate={sampling_rate}"
        )
    if ragged:
        raise NotImplementedError(
            "audio_dataset_from_directory: `ragged=True` is not available in torchkeras (torch "
            "has no ragged tensors; see compat/DIFFERENCES.md). Use output_sequence_length or "
            "the default padding. Received: ragged=True"
        )
    if labels is None or label_mode is None:
        labels = None
        label_mode = None
    dataset_utils.check_validation_split_arg(validation_split, subset, shuffle, seed)

    if seed is None:
        seed = np.random.randint(1e6)
    shuffle_buffer_size = batch_size * 8 if batch_size is not None else 1024
    file_paths, labels, class_names = dataset_utils.index_directory(
        directory, labels, formats=ALLOWED_FORMATS, class_names=class_names, shuffle=shuffle,
        seed=seed, follow_links=follow_links, verbose=verbose,
    )
    dataset_utils.check_binary(label_mode, class_names)

    def load(path):
        return read_wav(path, output_sequence_length)

    def build(paths, subset_labels, subset_shuffle):
        ds = dataset_utils.paths_and_labels_dataset(
            paths, subset_labels, label_mode, len(class_names) if class_names else 0, load,
            shuffle=subset_shuffle, shuffle_buffer_size=shuffle_buffer_size, seed=seed)
        if batch_size is not None:
            if output_sequence_length is None:
                ds = ds.padded_batch(batch_size)
            else:
                ds = ds.batch(batch_size)
        ds.class_names = class_names
        return ds

    if subset == "both":
        train_paths, train_labels = dataset_utils.get_training_or_validation_split(
            file_paths, labels, validation_split, "training")
        if not train_paths:
            raise ValueError(
                f"No training audio files found in directory {directory}. "
                f"Allowed format(s): {ALLOWED_FORMATS}"
            )
        val_paths, val_labels = dataset_utils.get_training_or_validation_split(
            file_paths, labels, validation_split, "validation")
        if not val_paths:
            raise ValueError(
                f"No validation audio files found in directory {directory}. "
                f"Allowed format(s): {ALLOWED_FORMATS}"
            )
        return build(train_paths, train_labels, shuffle), build(val_paths, val_labels, False)

    file_paths, labels = dataset_utils.get_training_or_validation_split(
        file_paths, labels, validation_split, subset)
    if not file_paths:
        raise ValueError(
            f"No audio files found in directory {directory}. "
            f"Allowed format(s): {ALLOWED_FORMATS}"
        )
    return build(file_paths, labels, shuffle)


def read_wav(path, output_sequence_length=None):
    """Decode a 16-bit PCM WAV file as `tf.audio.decode_wav` does: float32
    `(samples, channels)` equal to the integer samples / 32768, truncated or zero-padded to
    `output_sequence_length` when given."""
    with wave.open(path, "rb") as f:
        width = f.getsampwidth()
        channels = f.getnchannels()
        frames = f.readframes(f.getnframes())
    if width != 2:
        raise ValueError(
            f"Can only read 16-bit WAV files, but received {8 * width}. Received: path={path}"
        )
    samples = np.frombuffer(frames, dtype="<i2").reshape(-1, channels)
    audio = torch.from_numpy(samples.astype(np.float32) / 32768.0)
    if output_sequence_length is not None:
        n = int(output_sequence_length)
        if audio.shape[0] >= n:
            audio = audio[:n]
        else:
            audio = torch.cat([audio, audio.new_zeros((n - audio.shape[0], channels))])
    return audio
