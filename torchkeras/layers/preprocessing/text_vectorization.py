"""TextVectorization: standardize, split, n-gram and look up text, in one layer."""

import re

import numpy as np
import torch

from torchkeras import backend
from torchkeras.backend.keras_tensor import KerasTensor
from torchkeras.layers.layer import Layer
from torchkeras.layers.preprocessing import preprocessing_utils as utils
from torchkeras.layers.preprocessing.index_lookup import RaggedRows
from torchkeras.layers.preprocessing.string_lookup import StringLookup

# The punctuation Keras strips (TensorFlow's regex, `,-.` being a range of three characters).
_PUNCTUATION = re.compile(r'[!"#$%&()\*\+,-\./:;<=>?@\[\\\]^_`{|}~\']')
# `tf.strings.split` splits on ASCII whitespace only.
_WHITESPACE = re.compile(r"[ \t\n\v\f\r]+")
# `tf.strings.lower` (without an encoding) lowercases ASCII letters only.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _ngrams(tokens, widths):
    """All n-grams of a token list for each width, joined by spaces (width order, then
    position), as `tf.strings.ngrams(..., separator=" ")` returns them."""
    out = []
    for width in widths:
        out.extend(" ".join(tokens[i:i + width]) for i in range(len(tokens) - width + 1))
    return out


class TextVectorization(Layer):
    """A preprocessing layer which maps text features to integer sequences.

    Each example is processed in this order: standardize (lowercase, strip punctuation), split
    into tokens, optionally form n-grams, then index the tokens with a vocabulary, learned with
    `adapt()` or given. The output is a sequence of indices (`"int"`) or a vector over the
    vocabulary (`"multi_hot"`, `"count"`, `"tf_idf"`).

    Index 0 is the padding (mask) token `""` and index 1 the OOV token `"[UNK]"` in `"int"`
    mode. torch has no string tensors: inputs are NumPy arrays or lists of `str`/`bytes` of
    shape `(batch,)` or `(batch, 1)`; outputs are torch tensors.

    Args:
        max_tokens: Maximum size of the vocabulary, including the padding and OOV tokens.
            Defaults to `None` (no cap).
        standardize: `None`, `"lower_and_strip_punctuation"`, `"lower"`, `"strip_punctuation"`,
            or a callable taking and returning a NumPy array of strings.
            Defaults to `"lower_and_strip_punctuation"`.
        split: `None`, `"whitespace"`, `"character"`, or a callable taking a NumPy array of
            strings and returning a list of token lists. Defaults to `"whitespace"`.
        ngrams: `None`, an integer (all n-grams up to it) or a tuple of widths.
            Defaults to `None`.
        output_mode: `"int"`, `"multi_hot"`, `"count"` or `"tf_idf"`. Defaults to `"int"`.
        output_sequence_length: `"int"` mode only: pad or truncate the output to this length.
            Defaults to `None` (pad to the longest example of the batch).
        pad_to_max_tokens: Pad the encoded feature axis to `max_tokens`. Defaults to `False`.
        vocabulary: Optional list or 1D array of terms, or path to a text file with one term per
            line. Defaults to `None`.
        idf_weights: IDF weights of the vocabulary, for `output_mode="tf_idf"`.
        sparse: Return sparse (COO) tensors in the encoded modes. Defaults to `False`.
        ragged: Not supported (torch has no ragged tensors). Defaults to `False`.
        encoding: Text encoding of `bytes` inputs. Defaults to `"utf-8"`.
        name: Name of the layer.

    Example:

    >>> layer = keras.layers.TextVectorization(output_sequence_length=4)
    >>> layer.adapt(["The cat sat.", "A dog, a cat!"])
    >>> layer(["the dog"])
    tensor([[4, 6, 0, 0]])
    """

    def __init__(self, max_tokens=None, standardize="lower_and_strip_punctuation",
                 split="whitespace", ngrams=None, output_mode="int", output_sequence_length=None,
                 pad_to_max_tokens=False, vocabulary=None, idf_weights=None, sparse=False,
                 ragged=False, encoding="utf-8", name=None, **kwargs):
        utils.validate_string_arg(
            standardize,
            allowable_strings=("lower_and_strip_punctuation", "lower", "strip_punctuation"),
            caller_name=self.__class__.__name__, arg_name="standardize", allow_none=True,
            allow_callables=True,
        )
        utils.validate_string_arg(
            split, allowable_strings=("whitespace", "character"),
            caller_name=self.__class__.__name__, arg_name="split", allow_none=True,
            allow_callables=True,
        )
        if output_mode == "binary":
            output_mode = "multi_hot"
        if output_mode == "tf-idf":
            output_mode = "tf_idf"
        utils.validate_string_arg(
            output_mode, allowable_strings=("int", "one_hot", "multi_hot", "count", "tf_idf"),
            caller_name=self.__class__.__name__, arg_name="output_mode",
        )
        if not (
            ngrams is None or isinstance(ngrams, int)
            or isinstance(ngrams, tuple) and all(isinstance(item, int) for item in ngrams)
        ):
            raise ValueError(
                "`ngrams` must be None, an integer, or a tuple of "
                f"integers. Received: ngrams={ngrams}"
            )
        if output_mode == "int" and not (
            isinstance(output_sequence_length, int) or output_sequence_length is None
        ):
            raise ValueError(
                "`output_sequence_length` must be either None or an "
                "integer when `output_mode` is 'int'. Received: "
                f"output_sequence_length={output_sequence_length}"
            )
        if output_mode != "int" and output_sequence_length is not None:
            raise ValueError(
                "`output_sequence_length` must not be set if `output_mode` is "
                "not 'int'. "
                f"Received output_sequence_length={output_sequence_length}."
            )
        if ragged and output_mode != "int":
            raise ValueError(
                "`ragged` must not be true if `output_mode` is "
                f"`'int'`. Received: ragged={ragged} and "
                f"output_mode={output_mode}"
            )
        if ragged:
            raise NotImplementedError(
                "TextVectorization: `ragged=True` is not supported: torch has no ragged "
                "tensors. Use `output_sequence_length` or the default padding instead. "
                "See compat/DIFFERENCES.md."
            )
        self._max_tokens = max_tokens
        self._standardize = standardize
        self._split = split
        self._ngrams_arg = ngrams
        self._ngrams = tuple(range(1, ngrams + 1)) if isinstance(ngrams, int) else ngrams
        self._ragged = ragged
        self._output_mode = output_mode
        self._output_sequence_length = output_sequence_length
        self._encoding = encoding
        self._has_input_vocabulary = kwargs.pop("has_input_vocabulary", vocabulary is not None)
        vocabulary_size = kwargs.pop("vocabulary_size", None)
        super().__init__(name=name, **kwargs)
        self._lookup_layer = StringLookup(
            max_tokens=max_tokens, vocabulary=vocabulary, idf_weights=idf_weights,
            pad_to_max_tokens=pad_to_max_tokens, mask_token="", output_mode=output_mode,
            sparse=sparse, has_input_vocabulary=self._has_input_vocabulary, encoding=encoding,
            vocabulary_size=vocabulary_size,
        )
        self.built = True

    def build(self, input_shape=None):
        self.built = True

    # -- vocabulary ---------------------------------------------------------------------------
    def adapt(self, data, batch_size=None, steps=None):
        """Compute a vocabulary of string terms from the tokens in a dataset.

        The vocabulary is sorted by occurrence count, ties broken by the sort order of the
        tokens (high to low), and truncated to `max_tokens`.

        Args:
            data: A list or NumPy array of strings, or an iterable of batches of them.
            batch_size: Unused; kept for Keras compatibility.
            steps: Number of batches to read from an iterable. Defaults to `None` (all).
        """
        self.reset_state()
        if utils.is_batch_iterable(data):
            for batch in utils.iterate_batches(data, steps):
                self.update_state(batch)
        else:
            data = utils.to_string_array(data, self._encoding)
            if data.ndim == 1:
                data = data[:, None]
            self.update_state(data)
        self.finalize_state()

    def update_state(self, data):
        self._lookup_layer.update_state(self._preprocess(data))

    def finalize_state(self):
        self._lookup_layer.finalize_state()

    def reset_state(self):
        self._lookup_layer.reset_state()

    def get_vocabulary(self, include_special_tokens=True):
        """The current vocabulary (with the padding and OOV tokens unless told otherwise)."""
        return self._lookup_layer.get_vocabulary(include_special_tokens)

    def vocabulary_size(self):
        """The current size of the vocabulary, including the padding and OOV tokens."""
        return self._lookup_layer.vocabulary_size()

    def set_vocabulary(self, vocabulary, idf_weights=None):
        """Set the vocabulary (and IDF weights in `"tf_idf"` mode) directly."""
        self._lookup_layer.set_vocabulary(vocabulary, idf_weights=idf_weights)

    # -- text processing ----------------------------------------------------------------------
    def _standardize_strings(self, strings):
        if self._standardize in ("lower", "lower_and_strip_punctuation"):
            strings = np.char.translate(strings, _ASCII_LOWER) if strings.size else strings
        if self._standardize in ("strip_punctuation", "lower_and_strip_punctuation"):
            flat = [_PUNCTUATION.sub("", s) for s in strings.reshape(-1).tolist()]
            strings = np.asarray(flat, dtype=str).reshape(strings.shape) if flat else strings
        if callable(self._standardize):
            strings = utils.to_string_array(self._standardize(strings), self._encoding)
        return strings

    def _split_strings(self, strings):
        if strings.ndim > 1:
            if strings.shape[-1] != 1:
                raise ValueError(
                    "When using `TextVectorization` to tokenize "
                    "strings, the input rank must be 1 or the last "
                    f"shape dimension must be 1. Received: "
                    f"inputs.shape={strings.shape} with "
                    f"rank={strings.ndim}"
                )
            strings = strings.squeeze(-1)
        flat = strings.reshape(-1).tolist()
        if self._split == "whitespace":
            return [[t for t in _WHITESPACE.split(s) if t] for s in flat]
        if self._split == "character":
            return [list(s) for s in flat]
        return [list(utils.to_string_array(row, self._encoding).reshape(-1))
                for row in self._split(strings)]

    def _preprocess(self, inputs):
        """Standardized, split and n-grammed text: `RaggedRows` when split, else an array."""
        strings = utils.to_string_array(inputs, self._encoding)
        strings = self._standardize_strings(strings)
        if self._split is None:
            if self._ngrams is not None:
                rows = [_ngrams(list(r), self._ngrams)
                        for r in strings.reshape(-1, strings.shape[-1]).tolist()]
                return np.asarray(rows, dtype=str).reshape(strings.shape[:-1] + (-1,))
            return strings
        rows = self._split_strings(strings)
        if self._ngrams is not None:
            rows = [_ngrams(r, self._ngrams) for r in rows]
        return RaggedRows([np.asarray(r, dtype=str) for r in rows])

    # -- call ---------------------------------------------------------------------------------
    def _convert_inputs(self, args, kwargs):
        return args, kwargs

    def call(self, inputs):
        scalar = np.ndim(inputs) == 0 if not isinstance(inputs, (list, tuple)) else False
        if scalar:
            inputs = np.asarray([inputs])
        lookup = self._lookup_layer
        lookup._ensure_known_vocab_size()
        data = self._preprocess(inputs)
        device = backend.get_device()
        if not isinstance(data, RaggedRows):
            lookups = lookup._lookup(data, device)
            if self._output_mode != "int":
                return lookup._encode(lookups)
            if self._output_sequence_length is not None:
                length = self._output_sequence_length
                lookups = lookups[..., :length]
                pad = length - lookups.shape[-1]
                if pad > 0:
                    lookups = torch.nn.functional.pad(lookups, (0, pad))
            return lookups[0] if scalar else lookups
        lengths = torch.as_tensor(data.row_lengths, dtype=torch.int64, device=device)
        flat = lookup._lookup(data.values, device)
        num_rows = len(data)
        row_ids = torch.repeat_interleave(torch.arange(num_rows, device=device), lengths)
        if self._output_mode not in ("int", "one_hot"):
            return lookup._encode(flat, row_ids, num_rows)
        # Pad the rows into a dense (batch, length) tensor, as a ragged tensor's `to_tensor()`.
        max_length = int(max(data.row_lengths, default=0))
        length = self._output_sequence_length if self._output_sequence_length is not None \
            else max_length
        starts = torch.cumsum(lengths, 0) - lengths
        positions = torch.arange(flat.numel(), device=device) - starts[row_ids]
        keep = positions < length
        outputs = torch.zeros(num_rows, length, dtype=torch.int64, device=device)
        outputs[row_ids[keep], positions[keep]] = flat[keep]
        if self._output_mode == "one_hot":
            depth = lookup._depth()
            valid = torch.arange(length, device=device) < lengths.unsqueeze(1)
            encoded = utils.encode_categorical_inputs(outputs, "one_hot", depth, torch.int64)
            outputs = encoded * valid.unsqueeze(-1)
        return outputs[0] if scalar else outputs

    def compute_output_shape(self, input_shape):
        if self._output_mode == "int":
            return (input_shape[0], self._output_sequence_length)
        if self._split is None:
            if len(input_shape) <= 1:
                input_shape = tuple(input_shape) + (1,)
        else:
            input_shape = tuple(input_shape) + (None,)
        return self._lookup_layer.compute_output_shape(input_shape)

    def compute_output_spec(self, inputs):
        dtype = "int64" if self._output_mode == "int" else backend.floatx()
        return KerasTensor(self.compute_output_shape(inputs.shape), dtype=dtype)

    # -- config and saving --------------------------------------------------------------------
    def get_config(self):
        from torchkeras.saving import serialization

        def serialize(value):
            # Custom standardize/split callables are written as registered functions.
            return value if value is None or isinstance(value, str) else (
                serialization.serialize_keras_object(value))

        config = super().get_config()
        config.update({
            "max_tokens": self._lookup_layer.max_tokens,
            "standardize": serialize(self._standardize),
            "split": serialize(self._split),
            "ngrams": self._ngrams_arg,
            "output_mode": self._output_mode,
            "output_sequence_length": self._output_sequence_length,
            "pad_to_max_tokens": self._lookup_layer.pad_to_max_tokens,
            "sparse": self._lookup_layer.sparse,
            "ragged": self._ragged,
            "vocabulary": utils.listify(self._lookup_layer.input_vocabulary),
            "idf_weights": utils.listify(self._lookup_layer.input_idf_weights),
            "encoding": self._encoding,
            "vocabulary_size": self.vocabulary_size(),
        })
        return config

    @classmethod
    def from_config(cls, config):
        from torchkeras.saving import serialization

        config = dict(config)
        if not isinstance(config["standardize"], str) and config["standardize"] is not None:
            config["standardize"] = serialization.deserialize_keras_object(config["standardize"])
        if not isinstance(config["split"], str) and config["split"] is not None:
            config["split"] = serialization.deserialize_keras_object(config["split"])
        if isinstance(config["ngrams"], list):
            config["ngrams"] = tuple(config["ngrams"])
        return super().from_config(config)

    def save_own_variables(self, store):
        self._lookup_layer.save_own_variables(store)

    def load_own_variables(self, store):
        self._lookup_layer.load_own_variables(store)

    def save_assets(self, dir_path):
        self._lookup_layer.save_assets(dir_path)

    def load_assets(self, dir_path):
        self._lookup_layer.load_assets(dir_path)
