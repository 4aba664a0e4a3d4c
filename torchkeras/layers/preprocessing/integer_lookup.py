"""IntegerLookup: map integers to (possibly encoded) vocabulary indices."""

from torchkeras.layers.preprocessing.index_lookup import IndexLookup


class IntegerLookup(IndexLookup):
    """A preprocessing layer that maps integers to (possibly encoded) indices.

    This layer maps a set of arbitrary integer input tokens into indexed integer output via a
    vocabulary lookup, computed on the input's device. The vocabulary is either given on
    construction or learned with `adapt()`, which keeps the most frequent tokens; the others
    are out-of-vocabulary (OOV).

    In `"int"` mode the vocabulary starts with the mask token (if set), then the OOV indices,
    then the terms. In the `"multi_hot"`, `"count"` and `"tf_idf"` modes it starts with the OOV
    indices and mask tokens in the input are dropped.

    Args:
        max_tokens: Maximum size of the vocabulary, including OOV and mask tokens. Defaults to
            `None` (no cap).
        num_oov_indices: Number of OOV indices. With more than one, OOV values pick one by
            `oov_method`; with 0 they raise an error. Defaults to `1`.
        mask_token: Integer token of masked inputs: index 0 in `"int"` mode, dropped in the
            other modes. Defaults to `None` (no mask).
        oov_token: Token returned for OOV indices when `invert=True`. Defaults to `-1`.
        vocabulary: Optional list, tuple, 1D array or tensor of integers, or path to a text file
            with one term per line. Defaults to `None`.
        vocabulary_dtype: Only `"int64"` is supported. Defaults to `"int64"`.
        idf_weights: IDF weights of the vocabulary, for `output_mode="tf_idf"`.
        invert: Map indices back to integers. Only with `output_mode="int"`. Defaults to
            `False`.
        output_mode: `"int"`, `"one_hot"`, `"multi_hot"`, `"count"` or `"tf_idf"`.
            Defaults to `"int"`.
        sparse: Return sparse (COO) tensors in the encoded modes. Defaults to `False`.
        pad_to_max_tokens: Pad the encoded feature axis to `max_tokens`. Defaults to `False`.
        oov_method: `"floormod"` (`value % num_oov_indices`) or `"farmhash"` (FarmHash64 of the
            value's decimal text). Defaults to `"floormod"`.
        salt: With `oov_method="farmhash"`, one int or two ints keying SipHash64 instead.
            Defaults to `None`.

    Example:

    >>> layer = keras.layers.IntegerLookup(vocabulary=[12, 36, 1138, 42])
    >>> layer(np.array([[12, 1138, 42], [42, 1000, 36]]))
    tensor([[1, 3, 4],
            [4, 0, 2]])
    """

    def __init__(self, max_tokens=None, num_oov_indices=1, mask_token=None, oov_token=-1,
                 vocabulary=None, vocabulary_dtype="int64", idf_weights=None, invert=False,
                 output_mode="int", sparse=False, pad_to_max_tokens=False, oov_method="floormod",
                 salt=None, name=None, **kwargs):
        if max_tokens is not None and max_tokens <= 1:
            raise ValueError(
                "If `max_tokens` is set for `IntegerLookup`, it must be "
                f"greater than 1. Received: max_tokens={max_tokens}"
            )
        if num_oov_indices < 0:
            raise ValueError(
                "The value of `num_oov_indices` argument for `IntegerLookup` "
                "must >= 0. Received: num_oov_indices="
                f"{num_oov_indices}"
            )
        if vocabulary_dtype != "int64":
            raise ValueError(
                "Only `vocabulary_dtype='int64'` is supported "
                "at this time. Received: "
                f"vocabulary_dtype={vocabulary_dtype}"
            )
        super().__init__(
            max_tokens=max_tokens, num_oov_indices=num_oov_indices, mask_token=mask_token,
            oov_token=oov_token, vocabulary=vocabulary, vocabulary_dtype=vocabulary_dtype,
            idf_weights=idf_weights, invert=invert, output_mode=output_mode, sparse=sparse,
            pad_to_max_tokens=pad_to_max_tokens, oov_method=oov_method, salt=salt, name=name,
            **kwargs,
        )

    def adapt(self, data, steps=None):
        """Compute a vocabulary of integer terms from the tokens in a dataset.

        Args:
            data: A list, NumPy array or tensor of integers, or an iterable of batches of them.
            steps: Number of batches to read from an iterable. Defaults to `None` (all).
        """
        super().adapt(data, steps=steps)

    def get_config(self):
        config = super().get_config()
        if config["oov_token"] is not None:
            config["oov_token"] = int(config["oov_token"])
        if config["mask_token"] is not None:
            config["mask_token"] = int(config["mask_token"])
        if config["vocabulary"] is not None:
            config["vocabulary"] = [int(v) for v in config["vocabulary"]]
        return config
