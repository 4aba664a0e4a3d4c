"""Model weights as a `.safetensors` file, for the PyTorch world (no pickle).

Keys are the Keras variable paths (`dense/kernel`, `sequential/dense_1/bias`), values the
variables in Keras's layout, in `model.weights` order. Loading matches the keys to the model's
variable paths; when the names differ (e.g. `sequential` vs `sequential_1` for two instances of
the same architecture) but the count is the same, the variables are matched in order. Shapes are
checked from the file's header before anything is read.
"""

import json
import os
import warnings

from torchkeras.saving.file_utils import atomic_write_path


def _variables(model):
    variables = list(model.weights)
    paths = [v.path for v in variables]
    if len(set(paths)) != len(paths):
        duplicates = sorted({p for p in paths if paths.count(p) > 1})
        raise ValueError(
            "Model.save_weights(): `.safetensors` keys are the variable paths, which must be "
            f"unique. Give the layers unique names. Received duplicate paths: {duplicates}"
        )
    return variables, paths


def save_weights(model, filepath):
    """Write the weights of `model` to `filepath` (a `.safetensors` file)."""
    from safetensors.torch import save_file

    if not model.built:
        raise ValueError(
            "You are saving a model that has not yet been built. Try building the model first "
            "by calling it on some data or by using `build()`."
        )
    variables, paths = _variables(model)
    # `contiguous().clone()`: safetensors refuses views and tensors sharing memory.
    tensors = {p: v.detach().cpu().contiguous().clone() for p, v in zip(paths, variables)}
    with atomic_write_path(filepath) as tmp_path:
        save_file(
            tensors,
            tmp_path,
            metadata={
                "format": "pt",
                "producer": "torchkeras",
                # The header sorts keys: keep the model's variable order for order matching.
                "variable_paths": json.dumps(paths),
            },
        )


def load_weights(model, filepath, skip_mismatch=False):
    """Load a `.safetensors` file written by `save_weights` (or any file keyed by paths)."""
    from safetensors import SafetensorError
    from safetensors import safe_open

    filepath = os.fspath(filepath)
    if not os.path.isfile(filepath):
        raise FileNotFoundError(f"No such file: {filepath}")
    variables, paths = _variables(model)
    try:
        handle = safe_open(filepath, framework="pt", device="cpu")
    except SafetensorError as e:
        raise ValueError(
            "The file is not a valid .safetensors file (corrupt or truncated). "
            f"Received: filepath={filepath}"
        ) from e
    with handle as f:
        keys = list(f.keys())
        try:
            ordered = json.loads((f.metadata() or {}).get("variable_paths", "null"))
        except json.JSONDecodeError:
            ordered = None
        if isinstance(ordered, list) and sorted(ordered) == sorted(keys):
            keys = ordered
        if set(paths) <= set(keys):
            pairs = list(zip(variables, paths))
        elif len(keys) == len(variables):
            # Same architecture, other names (auto-generated model names differ per instance).
            pairs = list(zip(variables, keys))
        else:
            missing = [p for p in paths if p not in keys]
            raise ValueError(
                f"Model.load_weights(): the file has {len(keys)} tensors and the model "
                f"{len(variables)} variables, and these model variables are not in the file: "
                f"{missing}. Received: filepath={filepath}"
            )
        for variable, key in pairs:
            stored = tuple(f.get_slice(key).get_shape())
            expected = tuple(variable.shape)
            if stored != expected:
                message = (
                    f"Model.load_weights(): shape mismatch for variable {variable.path} (key "
                    f"'{key}'). Expected shape {expected}. Received saved shape {stored}."
                )
                if skip_mismatch:
                    warnings.warn(f"Skipping loading: {message}", stacklevel=3)
                    continue
                raise ValueError(message)
            variable.assign(f.get_tensor(key))
