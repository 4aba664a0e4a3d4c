"""`run_layer_test`: the checks every layer must pass, in one call."""

import numpy as np
import torch


def run_layer_test(layer_cls, init_kwargs, input_shape=None, input_data=None,
                   expected_output_shape=None, expected_output=None,
                   expected_num_trainable_weights=None, expected_num_non_trainable_weights=None,
                   run_training_check=True, supports_masking=None, rtol=1e-6, atol=1e-6):
    """Build, call, serialize and train a layer, checking what a Keras layer must satisfy.

    Args:
        layer_cls: The layer class.
        init_kwargs: Constructor arguments.
        input_shape: Input shape including the batch size (random data is used), or
        input_data: An explicit input array.
        expected_output_shape: Output shape (with the batch size).
        expected_output: Expected output values for `input_data` (inference mode).
        expected_num_trainable_weights: Number of trainable weights after building.
        expected_num_non_trainable_weights: Number of non-trainable weights after building.
        run_training_check: Whether to run one SGD step and check trainable weights change.
        supports_masking: Expected value of `layer.supports_masking`.
    """
    from torchkeras import layers
    from torchkeras import models

    if input_data is None:
        rng = np.random.default_rng(0)
        input_data = rng.standard_normal(input_shape).astype("float32")
    input_data = np.asarray(input_data)

    layer = layer_cls(**init_kwargs)
    if supports_masking is not None and layer.supports_masking != supports_masking:
        raise AssertionError(
            f"supports_masking: expected {supports_masking}, got {layer.supports_masking}"
        )
    output = layer(input_data)
    if expected_output_shape is not None and tuple(output.shape) != tuple(expected_output_shape):
        raise AssertionError(
            f"output shape: expected {tuple(expected_output_shape)}, got {tuple(output.shape)}"
        )
    if expected_output is not None:
        np.testing.assert_allclose(
            output.detach().cpu().numpy(), expected_output, rtol=rtol, atol=atol
        )
    if expected_num_trainable_weights is not None:
        if len(layer.trainable_weights) != expected_num_trainable_weights:
            raise AssertionError(
                f"trainable weights: expected {expected_num_trainable_weights}, "
                f"got {len(layer.trainable_weights)}"
            )
    if expected_num_non_trainable_weights is not None:
        if len(layer.non_trainable_weights) != expected_num_non_trainable_weights:
            raise AssertionError(
                f"non-trainable weights: expected {expected_num_non_trainable_weights}, "
                f"got {len(layer.non_trainable_weights)}"
            )

    # Symbolic call: same output shape, batch dimension unknown.
    symbolic_layer = layer_cls(**init_kwargs)
    symbolic_input = layers.Input(batch_shape=(None,) + tuple(input_data.shape[1:]),
                                  dtype=str(input_data.dtype) if input_data.dtype != np.float64
                                  else "float32")
    symbolic_output = symbolic_layer(symbolic_input)
    expected_symbolic = (None,) + tuple(output.shape[1:])
    if tuple(symbolic_output.shape) != expected_symbolic:
        raise AssertionError(
            f"symbolic output shape: expected {expected_symbolic}, got {symbolic_output.shape}"
        )

    # Config round trip, and equal outputs once the weights are copied.
    config = layer.get_config()
    clone = layer_cls.from_config(config)
    if clone.get_config() != config:
        raise AssertionError(f"config round trip changed the config: {clone.get_config()}")
    clone(input_data)
    clone.set_weights(layer.get_weights())
    np.testing.assert_allclose(
        clone(input_data).detach().cpu().numpy(), output.detach().cpu().numpy(),
        rtol=rtol, atol=atol,
    )

    # One training step moves the trainable weights.
    if run_training_check and layer.trainable_weights:
        model = models.Sequential([layers.Input(batch_shape=(None,) + input_data.shape[1:]),
                                   layer_cls(**init_kwargs)])
        before = [w.detach().clone() for w in model.trainable_weights]
        model.compile(optimizer="sgd", loss="mse")
        target = np.zeros(tuple(model.predict(input_data, verbose=0).shape), "float32")
        model.fit(input_data, target + 1.0, epochs=1, verbose=0)
        changed = [not torch.equal(b, w.detach()) for b, w in zip(before, model.trainable_weights)]
        if not any(changed):
            raise AssertionError("one training step did not change any trainable weight")
    return layer
