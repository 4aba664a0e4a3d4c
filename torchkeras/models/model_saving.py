"""The saving methods of `Model` (`save`, `save_weights`, `load_weights`), kept out of the
engine files. They forward to `torchkeras.saving`, imported on first use."""


class ModelSavingMixin:
    """`Model.save`, `Model.save_weights` and `Model.load_weights`."""

    def save(self, filepath, overwrite=True, zipped=None, **kwargs):
        """Saves a model as a `.keras` file.

        Args:
            filepath: `str` or `pathlib.Path` object. The path where to save the model. Must
                end in `.keras` (unless saving the model as an unzipped directory via
                `zipped=False`).
            overwrite: Whether we should overwrite any existing model at the target location,
                or instead ask the user via an interactive prompt. Defaults to `True`.
            zipped: Whether to save the model as a zipped `.keras` archive (the default), or
                as an unzipped directory.

        The saved file holds the model's configuration, weights and optimizer state, so that
        `keras.models.load_model()` gives back the model in the exact same state.

        Example:

        ```python
        model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(5)])
        model.save("model.keras")
        loaded_model = keras.models.load_model("model.keras")
        ```
        """
        from torchkeras.saving import saving_api

        return saving_api.save_model(self, filepath, overwrite=overwrite, zipped=zipped, **kwargs)

    def save_weights(self, filepath, overwrite=True, max_shard_size=None):
        """Saves all weights to a single file.

        Args:
            filepath: `str` or `pathlib.Path` object. Path where the weights will be saved. It
                must end in `.weights.h5` (or `.safetensors`: the model's variables keyed by
                their paths, without optimizer state).
            overwrite: Whether we should overwrite any existing file at the target location, or
                instead ask the user via an interactive prompt. Defaults to `True`.
            max_shard_size: Not supported yet; must be `None`.
        """
        from torchkeras.saving import saving_api

        return saving_api.save_weights(
            self, filepath, overwrite=overwrite, max_shard_size=max_shard_size
        )

    def load_weights(self, filepath, skip_mismatch=False, **kwargs):
        """Load the weights from a `.weights.h5`, `.keras` or `.safetensors` file, or a legacy
        `.h5` file (then `by_name=True` matches the layers by name).

        Weights are matched by the model's structure (layers, then their variables in order),
        as Keras matches them, so a file written by Keras for the same architecture loads.

        Args:
            filepath: `str` or `pathlib.Path` object. Path to the weights file.
            skip_mismatch: Boolean, whether to skip loading of layers where there is a mismatch
                in the number of weights, or a mismatch in the shape of the weights. Defaults to
                `False`.
        """
        from torchkeras.saving import saving_api

        return saving_api.load_weights(self, filepath, skip_mismatch=skip_mismatch, **kwargs)

    def to_json(self, **kwargs):
        """Returns a JSON string containing the network configuration.

        To load a network from a JSON save file, use
        `keras.models.model_from_json(json_string, custom_objects={...})`.

        Args:
            **kwargs: Additional keyword arguments to be passed to `json.dumps()`.

        Returns:
            A JSON string.
        """
        import json

        from torchkeras.saving import serialization

        return json.dumps(serialization.serialize_keras_object(self), **kwargs)
