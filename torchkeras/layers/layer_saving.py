"""The saving hooks of `Layer` (`save_own_variables`, `load_own_variables`), kept out of the
engine file. They forward to `torchkeras.saving`, imported on first use."""


class LayerSavingMixin:
    """`save_own_variables` / `load_own_variables`: the override points of a layer's state in
    `.keras` and `.weights.h5` files."""

    def save_own_variables(self, store):
        """Saves the state of the layer.

        You can override this method to take full control of how the state of the layer is
        saved upon calling `model.save()`.

        Args:
            store: Dict where the state of the model will be saved.
        """
        from torchkeras.saving import saving_lib

        saving_lib.save_own_variables(self, store)

    def load_own_variables(self, store):
        """Loads the state of the layer.

        You can override this method to take full control of how the state of the layer is
        loaded upon calling `keras.models.load_model()`.

        Args:
            store: Dict from which the state of the model will be loaded.
        """
        from torchkeras.saving import saving_lib

        saving_lib.load_own_variables(self, store)
