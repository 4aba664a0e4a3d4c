"""IndexLookup: the vocabulary table shared by `StringLookup` and `IntegerLookup` (not public).

The vocabulary is held on the host as sorted keys, so a lookup is one vectorized binary search:
`np.searchsorted` over unicode arrays for strings, `torch.searchsorted` on the input's device for
integers. Index layout, adapt ordering (count, then token, both descending), OOV hashing and the
error texts follow Keras on TensorFlow.
"""

import collections
import os

import numpy as np
import torch

from torchkeras import backend
from torchkeras.backend.keras_tensor import KerasTensor
from torchkeras.layers.layer import Layer
from torchkeras.layers.preprocessing import hash_functions
from torchkeras.layers.preprocessing import preprocessing_utils as utils

_INT64_MAX = np.iinfo(np.int64).max


class RaggedRows:
    """Rows of different lengths (e.g. split text): `values` flat, `row_lengths` per row."""

    def __init__(self, rows):
        self.rows = [np.asarray(r).reshape(-1) for r in rows]
        self.row_lengths = [len(r) for r in self.rows]

    @property
    def values(self):
        if not self.rows:
            return np.asarray([], dtype=str)
        return np.concatenate(self.rows)

    def __len__(self):
        return len(self.rows)


class IndexLookup(Layer):
    """Maps values from a vocabulary to integer indices (the base of the lookup layers).

    Args:
        max_tokens: Maximum size of the vocabulary, including OOV and mask tokens. `None` means
            no cap.
        num_oov_indices: Number of out-of-vocabulary indices. With more than one, OOV inputs are
            hashed to pick one; with 0, OOV inputs raise an error.
        mask_token: Token representing masked inputs (index 0 in `"int"` mode, dropped in the
            other modes). `None` means no mask.
        oov_token: Token returned for OOV indices when `invert=True`.
        vocabulary_dtype: `"string"` or `"int64"`.
        vocabulary: Optional list/array/tensor of terms, or a path to a text file with one term
            per line.
        idf_weights: Inverse document frequency weights, for `output_mode="tf_idf"`.
        invert: If `True`, map indices to vocabulary items instead.
        output_mode: `"int"`, `"one_hot"`, `"multi_hot"`, `"count"` or `"tf_idf"`.
        sparse: Whether non-`"int"` outputs are sparse (COO) tensors.
        pad_to_max_tokens: Pad the encoded feature axis to `max_tokens`.
        oov_method: `"floormod"` or `"farmhash"`: how integer OOV inputs pick an OOV index.
        salt: With `"farmhash"` (or string inputs), key SipHash64 with these two integers.
    """

    def __init__(self, max_tokens, num_oov_indices, mask_token, oov_token, vocabulary_dtype,
                 vocabulary=None, idf_weights=None, invert=False, output_mode="int",
                 sparse=False, pad_to_max_tokens=False, oov_method="floormod", name=None,
                 salt=None, **kwargs):
        if max_tokens is not None and max_tokens <= 1:
            raise ValueError(
                "If set, `max_tokens` must be greater than 1. "
                f"Received: max_tokens={max_tokens}"
            )
        if pad_to_max_tokens and max_tokens is None:
            raise ValueError(
                "If pad_to_max_tokens is True, must set `max_tokens`. "
                f"Received: max_tokens={max_tokens}"
            )
        if num_oov_indices < 0:
            raise ValueError(
                "`num_oov_indices` must be greater than or equal to 0. "
                f"Received: num_oov_indices={num_oov_indices}"
            )
        utils.validate_string_arg(
            oov_method, allowable_strings=("floormod", "farmhash"),
            caller_name=self.__class__.__name__, arg_name="oov_method",
        )
        is_integer_vocab = vocabulary_dtype != "string"
        if salt is not None:
            if is_integer_vocab and oov_method != "farmhash":
                raise ValueError(
                    "`salt` can only be used when `oov_method='farmhash'`. "
                    f"Received: oov_method={oov_method}"
                )
            if isinstance(salt, (tuple, list)) and len(salt) == 2:
                salt = list(salt)
            elif isinstance(salt, int):
                salt = [salt, salt]
            else:
                raise ValueError(
                    "The `salt` argument for `IndexLookup` can only be a tuple "
                    "of 2 integers, or a single integer. "
                    f"Received: salt={salt}."
                )
        if output_mode == "binary":
            output_mode = "multi_hot"
        if output_mode == "tf-idf":
            output_mode = "tf_idf"
        utils.validate_string_arg(
            output_mode, allowable_strings=("int", "one_hot", "multi_hot", "count", "tf_idf"),
            caller_name=self.__class__.__name__, arg_name="output_mode",
        )
        if invert and output_mode != "int":
            raise ValueError(
                "`output_mode` must be `'int'` when `invert` is true. "
                f"Received: output_mode={output_mode}"
            )
        if sparse and output_mode == "int":
            raise ValueError(
                "`sparse` may only be true if `output_mode` is "
                "`'one_hot'`, `'multi_hot'`, `'count'` or `'tf_idf'`. "
                f"Received: sparse={sparse} and "
                f"output_mode={output_mode}"
            )
        if idf_weights is not None and output_mode != "tf_idf":
            raise ValueError(
                "`idf_weights` should only be set if `output_mode` is "
                f"`'tf_idf'`. Received: idf_weights={idf_weights} and "
                f"output_mode={output_mode}"
            )
        frozen_vocab_size = kwargs.pop("vocabulary_size", None)
        has_input_vocabulary = kwargs.pop("has_input_vocabulary", vocabulary is not None)
        # Keras ignores these for lookup layers: their dtype is their vocabulary's.
        kwargs.pop("trainable", None)
        kwargs.pop("dtype", None)
        if kwargs:
            raise ValueError(f"Unrecognized keyword argument(s): {kwargs}")
        super().__init__(name=name)

        self.invert = invert
        self.max_tokens = max_tokens
        self.num_oov_indices = num_oov_indices
        self.mask_token = mask_token
        self.oov_token = oov_token
        self.output_mode = output_mode
        self.sparse = sparse
        self.pad_to_max_tokens = pad_to_max_tokens
        self.vocabulary_dtype = vocabulary_dtype
        self.oov_method = oov_method
        self.salt = salt
        self._is_integer_vocab = is_integer_vocab
        self._frozen_vocab_size = frozen_vocab_size
        # The original `vocabulary` is kept for `get_config`; a file path is not (the terms are
        # saved as an asset instead).
        self.input_vocabulary = vocabulary if not isinstance(vocabulary, str) else None
        self.input_idf_weights = idf_weights
        self._has_input_vocabulary = has_input_vocabulary

        if invert:
            self._default_value = self.oov_token
        elif self.num_oov_indices == 1:
            self._default_value = self._oov_start_index()
        else:
            # 0 OOV indices (an error at call time) or several (hashed): mark OOV with -1.
            self._default_value = -1
        # Masks map to 0 in "int" mode; elsewhere to an index the encoding drops.
        self._mask_value = 0 if self.output_mode == "int" else _INT64_MAX

        self._tokens = None  # the learned terms, in index order, without special tokens
        self._tables = {}
        self.idf_weights = None
        if self.output_mode == "tf_idf":
            if self._has_input_vocabulary and idf_weights is None:
                raise ValueError(
                    "When specifying the `vocabulary` argument, "
                    "in TF-IDF output mode, the `idf_weights` argument "
                    "must also be provided."
                )
            if idf_weights is not None:
                self.idf_weights = torch.as_tensor(
                    np.asarray(utils.to_numpy(idf_weights)), dtype=torch.float32
                )
        if vocabulary is not None:
            self.set_vocabulary(vocabulary, idf_weights)
        self.reset_state()
        self.built = True

    # -- vocabulary ---------------------------------------------------------------------------
    def _oov_start_index(self):
        return 1 if self.mask_token is not None and self.output_mode == "int" else 0

    def _token_start_index(self):
        return self._oov_start_index() + self.num_oov_indices

    def vocabulary_size(self):
        """The current size of the vocabulary, including the mask and OOV indices."""
        size = 0 if self._tokens is None else len(self._tokens)
        return size + self._token_start_index()

    def get_vocabulary(self, include_special_tokens=True):
        """The current vocabulary of the layer.

        Args:
            include_special_tokens: If `True`, the vocabulary includes mask and OOV tokens and
                a term's position equals its index in the layer's output. Defaults to `True`.
        """
        tokens = [] if self._tokens is None else list(self._tokens)
        vocab = [self.oov_token] * self._token_start_index() + tokens
        if self.mask_token is not None and self.output_mode == "int":
            vocab[0] = self.mask_token
        if not include_special_tokens:
            vocab = vocab[self._token_start_index():]
        return vocab

    def _to_key_array(self, values):
        if self._is_integer_vocab:
            return np.asarray(utils.to_numpy(values)).astype(np.int64)
        return utils.to_string_array(values, getattr(self, "encoding", "utf-8"))

    def set_vocabulary(self, vocabulary, idf_weights=None):
        """Set the vocabulary (and the IDF weights) directly, instead of `adapt()`.

        Args:
            vocabulary: A list, tuple, 1D array or 1D tensor of terms, or a string path to a
                text file with one term per line (only paths given by the user: the file is
                never read while loading in safe mode).
            idf_weights: 1D weights of the vocabulary's length. Required when `output_mode`
                is `"tf_idf"`, not allowed otherwise.
        """
        if self.output_mode == "tf_idf":
            if idf_weights is None:
                raise ValueError("`idf_weights` must be set if output_mode is 'tf_idf'.")
        elif idf_weights is not None:
            raise ValueError(
                "`idf_weights` should only be set if output_mode is "
                f"`'tf_idf'`. Received: output_mode={self.output_mode} "
                f"and idf_weights={idf_weights}"
            )
        if isinstance(vocabulary, str):
            self._set_vocabulary_from_file(vocabulary)
            return
        vocabulary = self._to_key_array(vocabulary)
        if idf_weights is not None:
            idf_weights = np.asarray(utils.to_numpy(idf_weights))
        if vocabulary.size == 0:
            raise ValueError(
                f"Cannot set an empty vocabulary. Received: vocabulary={vocabulary}"
            )
        oov_start = self._oov_start_index()
        token_start = self._token_start_index()
        special_tokens = [self.mask_token] * oov_start + [self.oov_token] * self.num_oov_indices
        found_special_tokens = np.array_equal(special_tokens, vocabulary[:token_start])
        tokens = vocabulary[token_start:] if found_special_tokens else vocabulary

        repeated = [t for t, c in collections.Counter(tokens.tolist()).items() if c > 1]
        if repeated:
            raise ValueError(
                "The passed vocabulary has at least one repeated "
                "term. Please uniquify your dataset. The repeated terms "
                f"are: {repeated}"
            )
        if self.mask_token is not None and self.mask_token in tokens:
            mask_index = np.argwhere(vocabulary == self.mask_token)[-1]
            raise ValueError(
                "Found reserved mask token at unexpected location in "
                "`vocabulary`. Note that passed `vocabulary` does not need to "
                "include the OOV and mask tokens. Either remove all mask and "
                "OOV tokens, or include them only at the start of the "
                f"vocabulary in precisely this order: {special_tokens}. "
                f"Received: mask_token={self.mask_token} at "
                f"vocabulary index {mask_index}"
            )
        if self.oov_token is not None and self.invert and self.oov_token in tokens:
            oov_index = np.argwhere(vocabulary == self.oov_token)[-1]
            raise ValueError(
                "Found reserved OOV token at unexpected location in "
                "`vocabulary`. Note that passed `vocabulary` does not need to "
                "include the OOV and mask tokens. Either remove all mask and "
                "OOV tokens, or include them only at the start of the "
                f"vocabulary in precisely this order: {special_tokens}. "
                f"Received: oov_token={self.oov_token} at "
                f"vocabulary index {oov_index}"
            )
        new_vocab_size = token_start + len(tokens)
        if self.max_tokens is not None and new_vocab_size > self.max_tokens:
            raise ValueError(
                "Attempted to set a vocabulary larger than the maximum vocab "
                f"size. Received vocabulary size is {new_vocab_size}; "
                f"`max_tokens` is {self.max_tokens}."
            )
        self._set_tokens(tokens)
        self._record_vocabulary_size()

        if self.output_mode == "tf_idf" and idf_weights is not None:
            if len(vocabulary) != len(idf_weights):
                raise ValueError(
                    "`idf_weights` must be the same length as vocabulary. "
                    f"len(idf_weights) is {len(idf_weights)}; "
                    f"len(vocabulary) is {len(vocabulary)}"
                )
            if idf_weights.ndim != 1:
                raise ValueError(
                    "TF-IDF data must be a 1-index array. "
                    f"Received: type(idf_weights)={type(idf_weights)}"
                )
            # Special tokens get the average weight: their real frequencies are unknown.
            if found_special_tokens:
                front_padding, front_value = 0, 0
            else:
                front_padding, front_value = token_start, np.average(idf_weights)
            back_padding = 0
            if self.pad_to_max_tokens and self.max_tokens is not None:
                back_padding = self.max_tokens - front_padding - len(idf_weights)
            weights = np.pad(idf_weights, (front_padding, back_padding), "constant",
                             constant_values=(front_value, 0))
            self.idf_weights = torch.as_tensor(weights, dtype=torch.float32)

    def _set_vocabulary_from_file(self, path):
        from torchkeras.saving import saving_lib

        if saving_lib.in_safe_mode():
            raise ValueError(
                "Requested the loading of a vocabulary file outside of the "
                "model archive. This carries a potential risk of loading "
                "arbitrary and sensitive files and thus it is disallowed "
                "by default. If you trust the source of the artifact, you "
                "can override this error by passing `safe_mode=False` to "
                "the loading function, or calling "
                "`keras.config.enable_unsafe_deserialization(). "
                f"Vocabulary file: '{path}'"
            )
        if not os.path.exists(path):
            raise ValueError(f"Vocabulary file {path} does not exist.")
        if self.output_mode == "tf_idf":
            raise ValueError(
                "output_mode `'tf_idf'` does not support loading a vocabulary from file."
            )
        with open(path, "r", encoding="utf-8") as f:
            lines = f.read().splitlines()
        # One term per line; line `i` gets index `token_start + i`, as TextFileInitializer does.
        self._set_tokens(self._to_key_array(lines if lines else np.asarray([], dtype=str)))
        self._record_vocabulary_size()

    def _set_tokens(self, tokens):
        tokens = np.asarray(tokens)
        self._tokens = tokens.tolist()
        self._tables = {}
        order = np.argsort(tokens, kind="stable")
        self._sorted_keys = tokens[order]
        self._sorted_values = (order + self._token_start_index()).astype(np.int64)

    def _record_vocabulary_size(self):
        new_size = self.vocabulary_size()
        if (
            self.output_mode != "int" and not self.pad_to_max_tokens
            and self._frozen_vocab_size is not None and new_size != self._frozen_vocab_size
        ):
            raise RuntimeError(
                f"When using `output_mode={self.output_mode}` "
                "and `pad_to_max_tokens=False`, "
                "the vocabulary size cannot be changed after the layer is "
                f"called. Old vocab size is {self._frozen_vocab_size}, "
                f"new vocab size is {new_size}"
            )
        self._frozen_vocab_size = new_size

    # -- adapt --------------------------------------------------------------------------------
    def adapt(self, data, steps=None):
        """Compute a vocabulary of terms from the tokens in a dataset.

        The vocabulary is sorted by occurrence count, ties broken by the sort order of the
        tokens (high to low), and truncated to `max_tokens`. In `"tf_idf"` mode the document
        frequencies are learned as well.

        Args:
            data: A list, NumPy array or tensor of terms, or an iterable of batches (a
                generator, a torch `DataLoader`, a `keras.utils.PyDataset`).
            steps: Number of batches to read from an iterable. Defaults to `None` (all).
        """
        self.reset_state()
        if utils.is_batch_iterable(data):
            for batch in utils.iterate_batches(data, steps):
                self.update_state(batch)
        else:
            data = self._to_key_array(data)
            if data.ndim == 1:
                data = data[:, None]
            self.update_state(data)
        self.finalize_state()

    def update_state(self, data):
        if self._has_input_vocabulary:
            raise ValueError(
                f"Cannot adapt layer '{self.name}' after setting a static "
                "vocabulary via `vocabulary` argument or "
                "`set_vocabulary()` method."
            )
        if isinstance(data, RaggedRows):
            rows = [self._to_key_array(r) for r in data.rows]
            flat = np.concatenate(rows) if rows else self._to_key_array([])
        else:
            data = self._to_key_array(data)
            if data.ndim == 0:
                data = data[None]
            if data.ndim == 1:
                # A 1D tensor is one document (for tf-idf).
                data = data[None]
            rows = list(data)
            flat = data.reshape(-1)
        self._accumulate(self._token_counts, flat)
        if self.output_mode == "tf_idf":
            deduped = [np.unique(r.reshape(-1)) for r in rows]
            self._accumulate(
                self._token_document_counts,
                np.concatenate(deduped) if deduped else flat[:0],
            )
            self._num_documents += len(rows)

    @staticmethod
    def _accumulate(counts, flat):
        if flat.size == 0:
            return
        tokens, token_counts = np.unique(flat, return_counts=True)
        for token, count in zip(tokens.tolist(), token_counts.tolist()):
            counts[token] = counts.get(token, 0) + count

    def finalize_state(self):
        if self._has_input_vocabulary or not self._token_counts:
            self._record_vocabulary_size()
            return
        self._token_counts.pop(self.mask_token, None)
        self._token_counts.pop(self.oov_token, None)
        tokens = self._to_key_array(list(self._token_counts.keys()))
        counts = np.asarray(list(self._token_counts.values()), dtype=np.int64)
        # Sort by count, then by token, both descending, exactly as Keras does.
        sorted_indices = np.lexsort((tokens, counts))[::-1]
        token_start = self._token_start_index()
        if self.max_tokens:
            sorted_indices = sorted_indices[: self.max_tokens - token_start]
        tokens = tokens[sorted_indices]
        self._set_tokens(tokens)

        if self.output_mode == "tf_idf":
            document_counts = np.asarray(
                [self._token_document_counts.get(t, 0) for t in tokens.tolist()], dtype=np.int64
            )
            idf = np.log(1 + self._num_documents / (1 + document_counts)).astype(np.float32)
            # OOV (and mask) get the average weight: their frequency is unknown in one pass.
            idf = np.pad(idf, (token_start, 0), constant_values=np.mean(idf, dtype=np.float32))
            if self.pad_to_max_tokens and self.max_tokens is not None:
                idf = np.pad(idf, (0, self.max_tokens - idf.size), constant_values=0)
            self.idf_weights = torch.as_tensor(idf, dtype=torch.float32)
        self.reset_state()
        self._record_vocabulary_size()

    def reset_state(self):
        self._token_counts = {}
        self._token_document_counts = {}
        self._num_documents = 0

    # -- call ---------------------------------------------------------------------------------
    def _convert_inputs(self, args, kwargs):
        # Terms stay NumPy arrays (strings) or tensors: nothing is cast to a float dtype.
        return args, kwargs

    def _int_table(self, device):
        table = self._tables.get(device)
        if table is None:
            table = self._tables[device] = (
                torch.as_tensor(self._sorted_keys, dtype=torch.int64, device=device),
                torch.as_tensor(self._sorted_values, device=device),
            )
        return table

    def _hash_oov(self, values):
        """OOV indices for `values` (a flat NumPy array) with FarmHash64/SipHash64."""
        buckets = hash_functions.hash_buckets(values.tolist(), self.num_oov_indices, self.salt)
        return buckets + self._oov_start_index()

    def _lookup_strings(self, keys):
        """Indices for a NumPy unicode array (any shape), as an int64 NumPy array."""
        flat = keys.reshape(-1)
        lookups = np.full(flat.shape, self._default_value, dtype=np.int64)
        if self._tokens:
            pos = np.searchsorted(self._sorted_keys, flat)
            pos = np.minimum(pos, len(self._sorted_keys) - 1)
            found = self._sorted_keys[pos] == flat
            lookups = np.where(found, self._sorted_values[pos], lookups)
        if self.mask_token is not None:
            lookups = np.where(flat == self.mask_token, self._mask_value, lookups)
        if self.num_oov_indices == 0:
            self._check_no_oov(flat[lookups == -1])
        elif self.num_oov_indices > 1:
            oov = lookups == -1
            if oov.any():
                lookups[oov] = self._hash_oov(flat[oov])
        return lookups.reshape(keys.shape)

    def _lookup_integers(self, keys):
        """Indices for an integer tensor (any shape), computed on its device."""
        flat = keys.reshape(-1)
        lookups = torch.full_like(flat, self._default_value)
        if self._tokens:
            sorted_keys, sorted_values = self._int_table(flat.device)
            pos = torch.searchsorted(sorted_keys, flat).clamp_(max=sorted_keys.numel() - 1)
            lookups = torch.where(sorted_keys[pos] == flat, sorted_values[pos], lookups)
        if self.mask_token is not None:
            lookups = torch.where(
                flat == int(self.mask_token), torch.full_like(lookups, self._mask_value), lookups
            )
        if self.num_oov_indices == 0:
            oov = lookups == -1
            if oov.any():
                self._check_no_oov(flat[oov].cpu().numpy())
        elif self.num_oov_indices > 1:
            oov = lookups == -1
            if self.oov_method != "farmhash":
                buckets = torch.remainder(flat, self.num_oov_indices) + self._oov_start_index()
                lookups = torch.where(oov, buckets, lookups)
            elif oov.any():
                values = flat[oov].cpu().numpy()
                lookups[oov] = torch.as_tensor(self._hash_oov(values), device=flat.device)
        return lookups.reshape(keys.shape)

    def _check_no_oov(self, oov_values):
        if len(oov_values):
            raise ValueError(
                "When `num_oov_indices=0` all inputs should be in vocabulary, "
                f"found OOV values {np.asarray(oov_values).tolist()}, consider setting "
                "`num_oov_indices=1`."
            )

    def _lookup(self, inputs, device):
        """Indices of `inputs` as an int64 tensor on `device` (mask and OOV handled)."""
        if self._is_integer_vocab:
            if not isinstance(inputs, torch.Tensor):
                inputs = torch.as_tensor(self._to_key_array(inputs), device=device)
            elif inputs.dtype != torch.int64:
                inputs = inputs.to(torch.int64)
            return self._lookup_integers(inputs)
        keys = self._to_key_array(inputs)
        return torch.as_tensor(self._lookup_strings(keys), device=device)

    def _invert(self, inputs, device):
        """Terms for the indices in `inputs`, the OOV token for unknown indices."""
        full = self.get_vocabulary(include_special_tokens=True)
        if self._is_integer_vocab:
            indices = inputs if isinstance(inputs, torch.Tensor) else torch.as_tensor(
                np.asarray(utils.to_numpy(inputs)), device=device)
            indices = indices.to(torch.int64)
            table = torch.as_tensor(full, dtype=torch.int64, device=indices.device)
            valid = (indices >= 0) & (indices < table.numel())
            out = torch.where(valid, table[indices.clamp(0, max(table.numel() - 1, 0))],
                              torch.full_like(indices, int(self.oov_token)))
            if self.mask_token is not None:
                out = torch.where(indices == 0, torch.full_like(out, int(self.mask_token)), out)
            return out
        indices = np.asarray(utils.to_numpy(inputs)).astype(np.int64)
        table = np.asarray(full + [self.oov_token], dtype=str)
        positions = np.where((indices >= 0) & (indices < len(full)), indices, len(full))
        out = table[positions]
        if self.mask_token is not None:
            out = np.where(indices == 0, self.mask_token, out)
        return out

    def _depth(self):
        return self.max_tokens if self.pad_to_max_tokens else self._frozen_vocab_size

    def _ensure_known_vocab_size(self):
        if self.output_mode == "int" or self.pad_to_max_tokens:
            return
        if self._frozen_vocab_size is None:
            raise RuntimeError(
                f"When using `output_mode={self.output_mode}` "
                "and `pad_to_max_tokens=False`, "
                "you must set the layer's vocabulary before calling it. Either "
                "pass a `vocabulary` argument to the layer, or call `adapt` "
                "with some sample data."
            )

    def _encode(self, lookups, row_ids=None, num_rows=None):
        """Encode indices for the non-`"int"` output modes (int64 counts, float32 tf-idf)."""
        mode = "count" if self.output_mode == "tf_idf" else self.output_mode
        depth = self._depth()
        if row_ids is not None:
            # Ragged rows (split text): one bincount per row.
            valid = (lookups >= 0) & (lookups < depth)
            counts = torch.zeros(num_rows, depth, dtype=torch.int64, device=lookups.device)
            counts.index_put_(
                (row_ids[valid], lookups[valid]),
                torch.ones_like(lookups[valid]), accumulate=True,
            )
            output = (counts > 0).to(torch.int64) if mode == "multi_hot" else counts
        else:
            output = utils.encode_categorical_inputs(lookups, mode, depth, dtype=torch.int64)
        if self.output_mode == "tf_idf":
            if self.idf_weights is None:
                raise ValueError(
                    "When `output_mode` is `'tf_idf'`, `idf_weights` must be provided."
                )
            output = output.to(torch.float32) * self.idf_weights.to(output.device)
        if self.sparse:
            output = output.to_sparse()
        return output

    def call(self, inputs):
        self._ensure_known_vocab_size()
        device = inputs.device if isinstance(inputs, torch.Tensor) else backend.get_device()
        if self.invert:
            return self._invert(inputs, device)
        lookups = self._lookup(inputs, device)
        if self.output_mode == "int":
            return lookups
        return self._encode(lookups)

    def compute_output_shape(self, input_shape):
        if self.output_mode == "int":
            return input_shape
        depth = self._depth()
        input_shape = tuple(input_shape)
        if self.output_mode == "one_hot":
            if len(input_shape) > 1 and input_shape[-1] == 1:
                return input_shape[:-1] + (depth,)
            return input_shape + (depth,)
        return input_shape[:-1] + (depth,)

    def compute_output_spec(self, inputs):
        dtype = "int64" if self.output_mode == "int" else backend.floatx()
        return KerasTensor(self.compute_output_shape(inputs.shape), dtype=dtype)

    # -- config and saving --------------------------------------------------------------------
    def get_config(self):
        config = super().get_config()
        config.update({
            "invert": self.invert,
            "max_tokens": self.max_tokens,
            "num_oov_indices": self.num_oov_indices,
            "oov_token": self.oov_token,
            "mask_token": self.mask_token,
            "output_mode": self.output_mode,
            "sparse": self.sparse,
            "pad_to_max_tokens": self.pad_to_max_tokens,
            "vocabulary_dtype": self.vocabulary_dtype,
            "idf_weights": utils.listify(self.input_idf_weights),
            "vocabulary": utils.listify(self.input_vocabulary),
            "vocabulary_size": self._frozen_vocab_size,
            "oov_method": self.oov_method,
            "salt": self.salt,
        })
        return config

    def get_build_config(self):
        return {}

    def build_from_config(self, config):
        self.built = True

    def save_own_variables(self, store):
        if self.output_mode == "tf_idf":
            store["idf_weights"] = backend.convert_to_numpy(self.idf_weights)

    def load_own_variables(self, store):
        if self.output_mode == "tf_idf":
            self.idf_weights = torch.as_tensor(np.asarray(store["idf_weights"]),
                                               dtype=torch.float32)

    def save_assets(self, dir_path):
        """Write the vocabulary to `dir_path/vocabulary.txt` (unless it lives in the config)."""
        if self.input_vocabulary is not None:
            return
        vocabulary = self.get_vocabulary(include_special_tokens=True)
        with open(os.path.join(dir_path, "vocabulary.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(str(w) for w in vocabulary))

    def load_assets(self, dir_path):
        """Read the vocabulary written by `save_assets`."""
        if self.input_vocabulary is not None:
            return
        with open(os.path.join(dir_path, "vocabulary.txt"), "r", encoding="utf-8") as f:
            lines = f.read().splitlines()
        while lines and lines[-1] == "":
            lines.pop()
        values = [int(line) for line in lines] if self._is_integer_vocab else lines
        if self.output_mode == "tf_idf":
            self.set_vocabulary(values, idf_weights=backend.convert_to_numpy(self.idf_weights))
        else:
            self.set_vocabulary(values)
