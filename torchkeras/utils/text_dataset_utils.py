"""`keras.utils.text_dataset_from_directory`: a lazily read dataset of text files."""

import numpy as np

from torchkeras.utils import dataset_utils


def text_dataset_from_directory(
    directory,
    labels="inferred",
    label_mode="int",
    class_names=None,
    batch_size=32,
    max_length=None,
    shuffle=True,
    seed=None,
    validation_split=None,
    subset=None,
    follow_links=False,
    format="tf",
    verbose=True,
):
    """Generates a dataset from text files in a directory.

    If your directory structure is:

    ```
    main_directory/
    ...class_a/
    ......a_text_1.txt
    ......a_text_2.txt
    ...class_b/
    ......b_text_1.txt
    ......b_text_2.txt
    ```

    Then calling `text_dataset_from_directory(main_directory, labels='inferred')` will return a
    dataset that yields batches of texts from the subdirectories `class_a` and `class_b`,
    together with labels 0 and 1. Only `.txt` files are supported at this time.

    Args:
        directory: Directory where the data is located. If `labels` is `"inferred"`, it should
            contain subdirectories, each containing text files for a class. Otherwise, the
            directory structure is ignored.
        labels: Either `"inferred"` (labels are generated from the directory structure), `None`
            (no labels), or a list/tuple of integer labels of the same size as the number of
            text files found in the directory, in the alphanumeric order of the file paths.
        label_mode: `"int"`, `"categorical"`, `"binary"` or `None`, as in
            `image_dataset_from_directory`.
        class_names: Only valid if `labels` is `"inferred"`: the explicit list of class names
            (must match names of subdirectories), to control the order of the classes.
        batch_size: Size of the batches of data. Defaults to 32. If `None`, the data will not be
            batched (the dataset will yield individual samples).
        max_length: Maximum size of a text string, in bytes. Texts longer than this will be
            truncated to `max_length`.
        shuffle: Whether to shuffle the data. Defaults to `True`. If set to `False`, sorts the
            data in alphanumeric order.
        seed: Optional random seed for shuffling and transformations.
        validation_split: Optional float between 0 and 1, fraction of data to reserve for
            validation.
        subset: `"training"`, `"validation"` or `"both"`. Only used if `validation_split` is
            set.
        follow_links: Whether to visit subdirectories pointed to by symlinks. Defaults to
            `False`.
        format: `"tf"` (`"grain"` is not available). Defaults to `"tf"`.
        verbose: Whether to display number information on classes and number of files found.
            Defaults to `True`.

    Returns:
        A `tf.data`-style `Dataset` with a `class_names` attribute, yielding `(texts, labels)`
        (or `texts`): texts are `StringTensor`s of `bytes` (`.numpy()` gives a NumPy array of
        `bytes`, as in TensorFlow), which `TextVectorization` accepts.
    """
    dataset_utils.check_labels_args(labels, label_mode, class_names, "text")
    if format not in ("tf", "grain"):
        raise ValueError(
            f'`format` should be either "tf" or "grain". Received: format={format}'
        )
    if format == "grain":
        raise NotImplementedError(
            'text_dataset_from_directory: format="grain" is not available in torchkeras (see '
            'compat/DIFFERENCES.md). Use the default format="tf", a torch-backed Dataset.'
        )
    if labels is None or label_mode is None:
        labels = None
        label_mode = None
    dataset_utils.check_validation_split_arg(validation_split, subset, shuffle, seed)

    if seed is None:
        seed = np.random.randint(1e6)
    file_paths, labels, class_names = dataset_utils.index_directory(
        directory, labels, formats=(".txt",), class_names=class_names, shuffle=shuffle,
        seed=seed, follow_links=follow_links, verbose=verbose,
    )
    dataset_utils.check_binary(label_mode, class_names)
    shuffle_buffer_size = batch_size * 8 if batch_size is not None else 1024

    def read(path):
        from torchkeras.compat.tensorflow import data as tf_data

        with open(path, "rb") as f:
            text = f.read()
        if max_length is not None:
            text = text[:max_length]  # tf.strings.substr counts bytes
        return tf_data.string_tensor(text)

    def build(paths, subset_labels, subset_shuffle):
        ds = dataset_utils.paths_and_labels_dataset(
            paths, subset_labels, label_mode, len(class_names) if class_names else 0, read,
            shuffle=subset_shuffle, shuffle_buffer_size=shuffle_buffer_size, seed=seed)
        if batch_size is not None:
            ds = ds.batch(batch_size)
        ds.class_names = class_names
        return ds

    if subset == "both":
        train_paths, train_labels = dataset_utils.get_training_or_validation_split(
            file_paths, labels, validation_split, "training")
        val_paths, val_labels = dataset_utils.get_training_or_validation_split(
            file_paths, labels, validation_split, "validation")
        if not train_paths:
            raise ValueError(
                f"No training text files found in directory {directory}. Allowed format: .txt"
            )
        if not val_paths:
            raise ValueError(
                f"No validation text files found in directory {directory}. "
                "Allowed format: .txt"
            )
        return [build(train_paths, train_labels, shuffle), build(val_paths, val_labels, False)]

    file_paths, labels = dataset_utils.get_training_or_validation_split(
        file_paths, labels, validation_split, subset)
    if not file_paths:
        raise ValueError(f"No text files found in directory {directory}. Allowed format: .txt")
    return build(file_paths, labels, shuffle)
