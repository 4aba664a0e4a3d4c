"""A subclass of `keras.Model` built with `super().__init__(inputs, outputs)` ("functional
subclass", as in Keras's "Customizing what happens in fit()" guide)."""

import numpy as np
import torch

import torchkeras as keras
from torchkeras import layers
from torchkeras.models.functional import Functional


class CustomModel(keras.Model):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.loss_tracker = keras.metrics.Mean(name="loss")

    def train_step(self, data):
        x, y = data
        self.zero_grad()
        y_pred = self(x, training=True)
        loss = self.compute_loss(y=y, y_pred=y_pred)
        loss.backward()
        trainable_weights = list(self.trainable_weights)
        gradients = [v.value.grad for v in trainable_weights]
        with torch.no_grad():
            self.optimizer.apply(gradients, trainable_weights)
        self.loss_tracker.update_state(loss)
        return {"loss": self.loss_tracker.result()}

    @property
    def metrics(self):
        return [self.loss_tracker]

    def scaled(self, x):
        return self(x) * 2


def _model():
    inputs = keras.Input(shape=(2,))
    outputs = layers.Dense(1, kernel_initializer="ones", bias_initializer="zeros")(inputs)
    return CustomModel(inputs, outputs)


def test_functional_subclass_runs_the_graph_and_keeps_its_methods():
    model = _model()
    assert isinstance(model, Functional) and isinstance(model, CustomModel)
    assert [type(layer).__name__ for layer in model.layers] == ["InputLayer", "Dense"]
    x = np.array([[1.0, 2.0]], "float32")
    np.testing.assert_allclose(keras.ops.convert_to_numpy(model(x)), [[3.0]])
    np.testing.assert_allclose(keras.ops.convert_to_numpy(model.scaled(x)), [[6.0]])
    assert isinstance(model, torch.nn.Module) and len(list(model.parameters())) == 2


def test_functional_subclass_custom_train_step_in_fit():
    model = _model()
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse")
    x = np.array([[1.0, 2.0]], "float32")
    y = np.zeros((1, 1), "float32")
    history = model.fit(x, y, epochs=2, verbose=0)
    # y_pred = 3 -> mse 9, grads 2*3*x = [6, 12], bias 6 -> w = [0.4, -0.2], b = -0.6;
    # then y_pred = 0.4 - 0.4 - 0.6 = -0.6 -> mse 0.36 (fit resets `metrics` every epoch).
    np.testing.assert_allclose(history.history["loss"], [9.0, 0.36], rtol=1e-5)


def test_a_second_functional_subclass_instance():
    first, second = _model(), _model()
    assert first.layers[1] is not second.layers[1]
