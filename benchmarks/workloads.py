"""The issue-7 workloads, each written twice: against the Keras API and as plain PyTorch.

Every workload is a small class with `keras_run()` and `torch_run()`: one unit of timed work (an
epoch of `fit`, one `evaluate` or `predict` pass) on the same random data, and `samples` (how many
samples one run processes). The PyTorch side is the loop one would write by hand: an `nn.Module`,
`torch.optim`, pre-made tensor batches, `zero_grad(set_to_none=True)`, and the running mean of the
loss kept on the device (what Keras reports), read once at the end. Nothing is slowed on purpose.

Used by `compare.py`; `make(name, keras)` builds one workload.
"""

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn


def _batches(device, batch_size, *arrays):
    tensors = [torch.as_tensor(a, device=device) for a in arrays]
    return list(zip(*(t.split(batch_size) for t in tensors)))


def _train_epoch(model, optimizer, batches, loss_fn):
    """One epoch of the hand-written loop; returns the sample-weighted mean loss (one sync)."""
    total = None
    count = 0
    for xb, yb in batches:
        loss = loss_fn(model(xb), yb)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        weighted = loss.detach() * xb.shape[0]
        total = weighted if total is None else total + weighted
        count += xb.shape[0]
    return (total / count).item()


def _sparse_ce(logits, labels):
    return F.cross_entropy(logits, labels)


class _Workload:
    """`keras_run`: one epoch of `fit` on the Keras model; `torch_run`: one of the loop."""

    def keras_run(self):
        self.keras_model.fit(
            self.x, self.y, batch_size=self.batch_size, epochs=1, verbose=0, shuffle=False
        )

    def torch_run(self):
        return _train_epoch(self.torch_model, self.torch_opt, self.batches, self.loss_fn)


class MLPFit(_Workload):
    """784-256-256-10 MLP, Adam, sparse categorical crossentropy from softmax, batch 128."""

    label = "fit MLP 784-256-256-10, Adam, b128"
    target = 0.95

    def __init__(self, keras, device, samples=8192, batch_size=128):
        rng = np.random.default_rng(0)
        self.x = rng.standard_normal((samples, 784), dtype=np.float32)
        self.y = rng.integers(0, 10, size=samples).astype("int64")
        self.samples, self.batch_size = samples, batch_size
        self.keras_model = keras.Sequential(
            [
                keras.Input(shape=(784,)),
                keras.layers.Dense(256, activation="relu"),
                keras.layers.Dense(256, activation="relu"),
                keras.layers.Dense(10, activation="softmax"),
            ]
        )
        self.keras_model.compile(
            optimizer=keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy"
        )
        self.torch_model = nn.Sequential(
            nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 10)
        ).to(device)
        self.torch_opt = torch.optim.Adam(self.torch_model.parameters(), lr=1e-3, eps=1e-7)
        self.batches = _batches(device, batch_size, self.x, self.y)
        self.loss_fn = _sparse_ce


class MLPEvaluate(MLPFit):
    """`evaluate` of the MLP at batch 1024 (loss only)."""

    label = "evaluate MLP, b1024"
    target = 0.9

    def __init__(self, keras, device, samples=16384, batch_size=1024):
        super().__init__(keras, device, samples=samples, batch_size=batch_size)

    def keras_run(self):
        self.keras_model.evaluate(self.x, self.y, batch_size=self.batch_size, verbose=0)

    def torch_run(self):
        model = self.torch_model
        model.eval()
        total, count = None, 0
        with torch.inference_mode():
            for xb, yb in self.batches:
                weighted = F.cross_entropy(model(xb), yb) * xb.shape[0]
                total = weighted if total is None else total + weighted
                count += xb.shape[0]
        model.train()
        return (total / count).item()


class MLPPredict(MLPFit):
    """`predict` of the MLP at batch 1024, NumPy out (softmax probabilities)."""

    label = "predict MLP, b1024"
    target = 0.95

    def __init__(self, keras, device, samples=16384, batch_size=1024):
        super().__init__(keras, device, samples=samples, batch_size=batch_size)

    def keras_run(self):
        self.keras_model.predict(self.x, batch_size=self.batch_size, verbose=0)

    def torch_run(self):
        model = self.torch_model
        model.eval()
        with torch.inference_mode():
            outs = [F.softmax(model(xb), dim=-1) for xb, _ in self.batches]
        model.train()
        return torch.cat(outs).cpu().numpy()


class _TorchCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 3)
        self.conv2 = nn.Conv2d(32, 64, 3)
        self.fc = nn.Linear(64 * 5 * 5, 10)

    def forward(self, x):
        # Inputs arrive channels-last as Keras takes them; the permute is part of the honest loop.
        x = x.permute(0, 3, 1, 2)
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        # Flatten in NHWC order to match Keras's Flatten (same work either way).
        return self.fc(x.permute(0, 2, 3, 1).flatten(1))


class CNNFit(_Workload):
    """28x28x1 -> Conv2D 32 relu -> MaxPool -> Conv2D 64 relu -> MaxPool -> Flatten -> Dense 10."""

    label = "fit CNN Conv32/64+Pool+Dense, b64"
    target = 0.95

    def __init__(self, keras, device, samples=2048, batch_size=64):
        rng = np.random.default_rng(0)
        self.x = rng.standard_normal((samples, 28, 28, 1), dtype=np.float32)
        self.y = rng.integers(0, 10, size=samples).astype("int64")
        self.samples, self.batch_size = samples, batch_size
        # keras=None builds the PyTorch side only (the peak-RSS check runs each side alone).
        self.keras_model = None if keras is None else self._build_keras(keras)
        self.torch_model = _TorchCNN().to(device)
        self.torch_opt = torch.optim.Adam(self.torch_model.parameters(), lr=1e-3, eps=1e-7)
        self.batches = _batches(device, batch_size, self.x, self.y)
        self.loss_fn = _sparse_ce

    @staticmethod
    def _build_keras(keras):
        layers = keras.layers
        model = keras.Sequential(
            [
                keras.Input(shape=(28, 28, 1)),
                layers.Conv2D(32, 3, activation="relu"),
                layers.MaxPooling2D(2),
                layers.Conv2D(64, 3, activation="relu"),
                layers.MaxPooling2D(2),
                layers.Flatten(),
                layers.Dense(10),
            ]
        )
        model.compile(
            optimizer=keras.optimizers.Adam(1e-3),
            loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        )
        return model


class _TorchLSTM(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(1000, 64)
        self.lstm = nn.LSTM(64, 64, batch_first=True)
        self.fc = nn.Linear(64, 1)

    def forward(self, x):
        _, (h, _) = self.lstm(self.emb(x))
        return self.fc(h[-1])


class LSTMFit(_Workload):
    """Embedding(1000, 64) -> LSTM(64) over 50 steps -> Dense(1) logits, binary CE, batch 64."""

    label = "fit Embedding+LSTM(64) x50, b64"
    target = 0.9

    def __init__(self, keras, device, samples=1024, batch_size=64):
        rng = np.random.default_rng(0)
        self.x = rng.integers(0, 1000, size=(samples, 50)).astype("int64")
        self.y = rng.integers(0, 2, size=(samples, 1)).astype("float32")
        self.samples, self.batch_size = samples, batch_size
        layers = keras.layers
        self.keras_model = keras.Sequential(
            [
                keras.Input(shape=(50,), dtype="int64"),
                layers.Embedding(1000, 64),
                layers.LSTM(64),
                layers.Dense(1),
            ]
        )
        self.keras_model.compile(
            optimizer=keras.optimizers.Adam(1e-3),
            loss=keras.losses.BinaryCrossentropy(from_logits=True),
        )
        self.torch_model = _TorchLSTM().to(device)
        self.torch_opt = torch.optim.Adam(self.torch_model.parameters(), lr=1e-3, eps=1e-7)
        self.batches = _batches(device, batch_size, self.x, self.y)
        self.loss_fn = F.binary_cross_entropy_with_logits


class TinyDenseFit(_Workload):
    """Dense(1) on 8 features, SGD, mean squared error, batch 32: the per-step overhead."""

    label = "fit tiny Dense(1), b32 (per step)"
    target = 0.6

    def __init__(self, keras, device, samples=4096, batch_size=32):
        rng = np.random.default_rng(0)
        self.x = rng.standard_normal((samples, 8), dtype=np.float32)
        self.y = rng.standard_normal((samples, 1), dtype=np.float32)
        self.samples, self.batch_size = samples, batch_size
        self.keras_model = keras.Sequential([keras.Input(shape=(8,)), keras.layers.Dense(1)])
        self.keras_model.compile(optimizer=keras.optimizers.SGD(0.01), loss="mse")
        self.torch_model = nn.Linear(8, 1).to(device)
        self.torch_opt = torch.optim.SGD(self.torch_model.parameters(), lr=0.01)
        self.batches = _batches(device, batch_size, self.x, self.y)
        self.loss_fn = F.mse_loss


class _TorchMHABlock(nn.Module):
    def __init__(self, dim=64, heads=4, seq=32):
        super().__init__()
        self.attn = nn.MultiheadAttention(dim, heads, batch_first=True)
        self.norm = nn.LayerNorm(dim, eps=1e-3)
        self.fc = nn.Linear(dim, 10)

    def forward(self, x):
        a, _ = self.attn(x, x, x, need_weights=False)
        h = self.norm(x + a)
        return self.fc(h.mean(dim=1))


class MHAFit(_Workload):
    """Self-attention block: MHA(4 heads, key_dim 16) + residual + LayerNorm + pool + Dense 10."""

    label = "fit MultiHeadAttention block, b64"
    target = 0.95

    def __init__(self, keras, device, samples=2048, batch_size=64):
        rng = np.random.default_rng(0)
        self.x = rng.standard_normal((samples, 32, 64), dtype=np.float32)
        self.y = rng.integers(0, 10, size=samples).astype("int64")
        self.samples, self.batch_size = samples, batch_size
        layers = keras.layers
        inputs = keras.Input(shape=(32, 64))
        attn = layers.MultiHeadAttention(num_heads=4, key_dim=16)(inputs, inputs)
        h = layers.LayerNormalization()(layers.Add()([inputs, attn]))
        h = layers.GlobalAveragePooling1D()(h)
        outputs = layers.Dense(10)(h)
        self.keras_model = keras.Model(inputs, outputs)
        self.keras_model.compile(
            optimizer=keras.optimizers.Adam(1e-3),
            loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        )
        self.torch_model = _TorchMHABlock().to(device)
        self.torch_opt = torch.optim.Adam(self.torch_model.parameters(), lr=1e-3, eps=1e-7)
        self.batches = _batches(device, batch_size, self.x, self.y)
        self.loss_fn = _sparse_ce


WORKLOADS = {
    "mlp": MLPFit,
    "cnn": CNNFit,
    "lstm": LSTMFit,
    "tiny": TinyDenseFit,
    "evaluate": MLPEvaluate,
    "predict": MLPPredict,
    "mha": MHAFit,
}


def make(name, keras, device):
    """Build workload `name` (a key of `WORKLOADS`)."""
    return WORKLOADS[name](keras, device)
