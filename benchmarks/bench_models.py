"""The README MLP, twice: as a torchkeras model and as the PyTorch code one would write by hand.

Shared by `ratio.py` and `test_bench_fit.py`. Both sides do the same work per step: Dense 784->64
relu, Dense 64->10 softmax, categorical crossentropy averaged over the batch, plain SGD with
learning rate 0.01, and a running mean of the loss kept on the device (what Keras reports).
"""

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

INPUT_DIM = 784
HIDDEN = 64
CLASSES = 10


def make_data(num_samples, seed=0):
    """Random float32 inputs and one-hot float32 targets, as NumPy arrays."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((num_samples, INPUT_DIM), dtype=np.float32)
    labels = rng.integers(0, CLASSES, size=num_samples)
    y = np.eye(CLASSES, dtype=np.float32)[labels]
    return x, y


def build_keras_model(keras, learning_rate=0.01):
    """The README model, compiled as the README compiles it (with SGD at `learning_rate`)."""
    model = keras.Sequential(
        [
            keras.Input(shape=(INPUT_DIM,)),
            keras.layers.Dense(HIDDEN, activation="relu"),
            keras.layers.Dense(CLASSES, activation="softmax"),
        ]
    )
    model.compile(
        loss="categorical_crossentropy",
        optimizer=keras.optimizers.SGD(learning_rate=learning_rate),
    )
    return model


class TorchMLP(nn.Module):
    """The same network as idiomatic PyTorch: the softmax is folded into the loss."""

    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(INPUT_DIM, HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, CLASSES)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))  # logits, (batch, 10)


class TorchLoop:
    """A hand-written training loop over pre-made batches, with no deliberate slowdowns."""

    def __init__(self, x, y, batch_size, device, learning_rate=0.01):
        self.model = TorchMLP().to(device)
        self.optimizer = torch.optim.SGD(self.model.parameters(), lr=learning_rate)
        x = torch.as_tensor(x, device=device)
        y = torch.as_tensor(y, device=device)
        self.batches = list(zip(x.split(batch_size), y.split(batch_size)))
        self.device = device

    def epoch(self):
        """Train one epoch; return the mean loss over the samples (one host sync, at the end)."""
        model, optimizer = self.model, self.optimizer
        total = torch.zeros((), device=self.device)
        count = 0
        for xb, yb in self.batches:
            logits = model(xb)
            # Categorical crossentropy on one-hot targets, mean over the batch.
            loss = -(yb * F.log_softmax(logits, dim=-1)).sum(dim=-1).mean()
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            # Sample-weighted running mean, on the device, as Keras's loss tracker keeps it.
            total += loss.detach() * xb.shape[0]
            count += xb.shape[0]
        return (total / count).item()

    def evaluate(self):
        """Mean loss over the samples, without gradients."""
        total = torch.zeros((), device=self.device)
        count = 0
        with torch.no_grad():
            for xb, yb in self.batches:
                loss = -(yb * F.log_softmax(self.model(xb), dim=-1)).sum(dim=-1).mean()
                total += loss * xb.shape[0]
                count += xb.shape[0]
        return (total / count).item()

    def predict(self):
        """Class probabilities for every sample, as one NumPy array (what `predict` returns)."""
        with torch.no_grad():
            probs = [F.softmax(self.model(xb), dim=-1) for xb, _ in self.batches]
        return torch.cat(probs).cpu().numpy()
