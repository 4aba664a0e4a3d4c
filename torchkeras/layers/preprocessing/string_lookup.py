"""StringLookup: map strings to (possibly encoded) vocabulary indices."""

from torchkeras.layers.preprocessing.index_lookup import IndexLookup


class StringLookup(IndexLookup):
    """A preprocessing layer that maps strings to (possibly encoded) indices.

    This layer translates strings into integer output via a vocabulary lookup; it does no
    splitting (see `TextVectorization`). The vocabulary is either given on construction or
    learned with `adapt()`, which counts the tokens of a dataset and keeps the most frequent
    ones; the others are out-of-vocabulary (OOV).

    In `"int"` mode the vocabulary starts with the mask token (if set), then the OOV indices,
    then the terms. In the `"multi_hot"`, `"count"` and `"tf_idf"` modes it starts with the OOV
    indices and mask tokens in the input are dropped.

    torch has no string tensors: inputs are NumPy arrays or (nested) lists of `str`/`bytes`,
    outputs are torch tensors. With `invert=True` the output is a NumPy array of `str`.

    Args:
        max_tokens: Maximum size of the vocabulary, including OOV and mask tokens. Defaults to
            `None` (no cap).
        num_oov_indices: Number of OOV indices. With more than one, OOV strings are hashed
            (FarmHash64, as in Keras) to pick one; with 0 they raise an error. Defaults to `1`.
        mask_token: Token of masked inputs: index 0 in `"int"` mode, dropped in the other modes.
            Defaults to `None` (no mask).
        oov_token: Token returned for OOV indices when `invert=True`. Defaults to `"[UNK]"`.
        vocabulary: Optional list, tuple, 1D array of strings, or path to a text file with one
            term per line. Defaults to `None`.
        idf_weights: IDF weights of the vocabulary, for `output_mode="tf_idf"`.
        invert: Map indices back to strings. Only with `output_mode="int"`. Defaults to
            `False`.
        output_mode: `"int"`, `"one_hot"`, `"multi_hot"`, `"count"` or `"tf_idf"`.
            Defaults to `"int"`.
        pad_to_max_tokens: Pad the encoded feature axis to `max_tokens`. Defaults to `False`.
        sparse: Return sparse (COO) tensors in the encoded modes. Defaults to `False`.
        encoding: Text encoding of `bytes` inputs. Defaults to `"utf-8"`.
        salt: One int or two ints keying SipHash64 for OOV hashing. Defaults to `None`.

    Example:

    >>> layer = keras.layers.StringLookup(vocabulary=["a", "b", "c", "d"])
    >>> layer(np.array([["a", "c", "d"], ["d", "z", "b"]]))
    tensor([[1, 3, 4],
            [4, 0, 2]])
    """

    def __init__(self, max_tokens=None, num_oov_indices=1, mask_token=None, oov_token="[UNK]",
                 vocabulary=None, idf_weights=None, invert=False, output_mode="int",
                 pad_to_max_tokens=False, sparse=False, encoding="utf-8", name=None, salt=None,
                 **kwargs):
        self.encoding = encoding
        super().__init__(
            max_tokens=max_tokens, num_oov_indices=num_oov_indices, mask_token=mask_token,
            oov_token=oov_token, vocabulary=vocabulary, idf_weights=idf_weights, invert=invert,
            output_mode=output_mode, pad_to_max_tokens=pad_to_max_tokens, sparse=sparse,
            name=name, salt=salt, vocabulary_dtype="string", **kwargs,
        )

    def adapt(self, data, steps=None):
        """Compute a vocabulary of string terms from the tokens in a dataset.

        Args:
            data: A list or NumPy array of strings, or an iterable of batches of them.
            steps: Number of batches to read from an iterable. Defaults to `None` (all).
        """
        super().adapt(data, steps=steps)

    def get_config(self):
        config = super().get_config()
        # There is only one valid dtype for strings, so it is not part of the config.
        del config["vocabulary_dtype"]
        config["encoding"] = self.encoding
        return config
