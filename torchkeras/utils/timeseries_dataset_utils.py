"""`keras.utils.timeseries_dataset_from_array`: sliding windows over an array, gathered a batch
at a time."""

import numpy as np
import torch


def timeseries_dataset_from_array(
    data,
    targets,
    sequence_length,
    sequence_stride=1,
    sampling_rate=1,
    batch_size=128,
    shuffle=False,
    seed=None,
    start_index=None,
    end_index=None,
    format="tf",
):
    """Creates a dataset of sliding windows over a timeseries provided as array.

    This function takes in a sequence of data-points gathered at equal intervals, along with
    time series parameters such as length of the sequences/windows, spacing between two
    sequence/windows, etc., to produce batches of timeseries inputs and targets.

    Args:
        data: NumPy array or tensor containing consecutive data points (timesteps). Axis 0 is
            expected to be the time dimension.
        targets: Targets corresponding to timesteps in `data`. `targets[i]` should be the
            target corresponding to the window that starts at index `i`. Pass `None` if you
            don't have target data (in this case the dataset will only yield the input data).
        sequence_length: Length of the output sequences (in number of timesteps).
        sequence_stride: Period between successive output sequences. For stride `s`, output
            samples would start at index `data[i]`, `data[i + s]`, `data[i + 2 * s]`, etc.
        sampling_rate: Period between successive individual timesteps within sequences. For
            rate `r`, timesteps `data[i], data[i + r], ... data[i + sequence_length]` are used
            for creating a sample sequence.
        batch_size: Number of timeseries samples in each batch (except maybe the last one). If
            `None`, the data will not be batched (the dataset will yield individual samples).
            Defaults to 128.
        shuffle: Whether to shuffle output samples, or instead draw them in chronological
            order. Defaults to `False`.
        seed: Optional int; random seed for shuffling.
        start_index: Optional int; data points earlier (exclusive) than `start_index` will not
            be used in the output sequences. This is useful to reserve part of the data for
            test or validation.
        end_index: Optional int; data points later (exclusive) than `end_index` will not be
            used in the output sequences. This is useful to reserve part of the data for test
            or validation.
        format: `"tf"` (`"grain"` is not available). Defaults to `"tf"`.

    Returns:
        A `tf.data`-style `Dataset` yielding `(batch_of_sequences, batch_of_targets)`, or
        `batch_of_sequences` when `targets` is `None`, in the dtype of `data` and `targets`.

    Example: with `data = np.arange(100)`, `targets = data[10:]`, `sequence_length=10`,
    `sampling_rate=2`, `sequence_stride=3`, `shuffle=False`, the first sequence is
    `[0, 2, 4, 6, 8, 10, 12, 14, 16, 18]` with target `10`.
    """
    if start_index:
        if start_index < 0:
            raise ValueError(
                f"`start_index` must be 0 or greater. Received: start_index={start_index}"
            )
        if start_index >= len(data):
            raise ValueError(
                "`start_index` must be lower than the length of the "
                f"data. Received: start_index={start_index}, for data "
                f"of length {len(data)}"
            )
    if end_index:
        if start_index and end_index <= start_index:
            raise ValueError(
                "`end_index` must be higher than `start_index`. "
                f"Received: start_index={start_index}, and "
                f"end_index={end_index} "
            )
        if end_index >= len(data):
            raise ValueError(
                "`end_index` must be lower than the length of the "
                f"data. Received: end_index={end_index}, for data of "
                f"length {len(data)}"
            )
        if end_index <= 0:
            raise ValueError(f"`end_index` must be higher than 0. Received: end_index={end_index}")
    if sampling_rate <= 0:
        raise ValueError(
            f"`sampling_rate` must be higher than 0. Received: sampling_rate={sampling_rate}"
        )
    if sampling_rate >= len(data):
        raise ValueError(
            "`sampling_rate` must be lower than the length of the "
            f"data. Received: sampling_rate={sampling_rate}, for data "
            f"of length {len(data)}"
        )
    if sequence_stride <= 0:
        raise ValueError(
            f"`sequence_stride` must be higher than 0. Received: sequence_stride={sequence_stride}"
        )
    if sequence_stride >= len(data):
        raise ValueError(
            "`sequence_stride` must be lower than the length of the "
            f"data. Received: sequence_stride={sequence_stride}, for "
            f"data of length {len(data)}"
        )
    if format not in ("tf", "grain"):
        raise ValueError(f'`format` should be either "tf" or "grain". Received: format={format}')
    if format == "grain":
        raise NotImplementedError(
            'timeseries_dataset_from_array: format="grain" is not available in torchkeras (see '
            'compat/DIFFERENCES.md). Use the default format="tf", a torch-backed Dataset.'
        )
    from torchkeras.compat.tensorflow import data as tf_data

    start_index = 0 if start_index is None else start_index
    end_index = len(data) if end_index is None else end_index
    num_seqs = end_index - start_index - (sequence_length - 1) * sampling_rate
    if targets is not None:
        num_seqs = min(num_seqs, len(targets))
    index_dtype = "int32" if num_seqs < 2147483647 else "int64"
    start_positions = np.arange(0, num_seqs, sequence_stride, dtype=index_dtype)
    if shuffle:
        if seed is None:
            seed = np.random.randint(1e6)
        np.random.RandomState(seed).shuffle(start_positions)  # Keras's global shuffle
    start_positions = start_positions.astype(np.int64)

    series = _as_tensor(data)[start_index:end_index]
    target_series = None if targets is None else _as_tensor(targets)[start_index:end_index]
    offsets = torch.arange(sequence_length, dtype=torch.int64) * sampling_rate
    count = len(start_positions)
    state = {"pass": 0}
    shuffle_seed = tf_data._draw_seed(seed) if shuffle else 0

    def order():
        if not shuffle:
            return start_positions
        # Then, as Keras's tf.data pipeline does, a buffered shuffle anew on each pass.
        rng = np.random.default_rng(shuffle_seed + state["pass"])
        state["pass"] += 1
        buffer_size = batch_size * 8 if batch_size is not None else 1024
        return np.fromiter(tf_data.buffer_shuffle(start_positions, buffer_size, rng),
                           dtype=np.int64, count=count)

    def gather(positions):
        positions = torch.from_numpy(positions).to(series.device)
        windows = series[positions[:, None] + offsets.to(series.device)]  # (n, length, ...)
        if target_series is None:
            return windows
        return windows, target_series[positions]

    step = batch_size or 1

    def make():
        positions = order()
        for begin in range(0, count, step):
            batch = gather(positions[begin : begin + step])
            if batch_size is None:
                batch = batch[0] if target_series is None else (batch[0][0], batch[1][0])
            yield batch

    if batch_size is None:
        return tf_data.Dataset(make, count)
    dataset = tf_data.Dataset(make, -(-count // batch_size))
    dataset._batch_size = batch_size
    dataset._drop_remainder = False
    return dataset


def _as_tensor(x):
    if isinstance(x, torch.Tensor):
        return x
    array = np.asarray(x)
    if not isinstance(x, np.ndarray):
        # TensorFlow reads Python lists as float32 / int32.
        if array.dtype == np.float64:
            array = array.astype(np.float32)
        elif array.dtype == np.int64:
            array = array.astype(np.int32)
    return torch.from_numpy(np.ascontiguousarray(array))
