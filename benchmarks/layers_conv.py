"""How fast are torchkeras's convolution layers next to plain torch.nn? Prints both and the ratio.

The network: Conv2D(32, 3, "same", relu) -> MaxPooling2D -> Conv2D(64, 3, "same", relu) ->
MaxPooling2D -> Conv2D(64, 3, "same", relu) -> GlobalAveragePooling2D -> Dense(10), on 32x32x3
images, batch 32. torchkeras runs it the Keras way (channels_last data, Keras weight layouts, a
functional `Model` called with `training=True`); the baseline is the same network in `torch.nn`
on NCHW tensors (`nn.Conv2d`, `nn.MaxPool2d`, `nn.Linear`), with the same weights. Both
measure forward + crossentropy + backward on pre-made tensors.

    python benchmarks/layers_conv.py                   # 1 thread, forward + backward
    python benchmarks/layers_conv.py --mode fit        # whole `fit` epochs vs an SGD loop
    python benchmarks/layers_conv.py --threads 0 --rounds 11

Rounds alternate (the order flips every round), a warm-up round of each side is not counted,
and the numbers are medians. The ratio is throughput torchkeras / torch.nn: 1.00x is parity.
A plain torch.nn run on `torch.channels_last` tensors is printed too, for reference.
"""

import argparse
import os
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mode", choices=("step", "fit"), default="step",
                        help="step: forward + backward (default); fit: one `fit` epoch vs loop")
    parser.add_argument("--batch-size", type=int, default=32, help="batch size (32)")
    parser.add_argument("--steps", type=int, default=20, help="batches per round (20)")
    parser.add_argument("--rounds", type=int, default=7, help="timed rounds per side (7)")
    parser.add_argument("--threads", type=int, default=1,
                        help="torch intra-op threads (1); 0 keeps torch's default")
    return parser.parse_args(argv)


def build_keras_model(keras):
    layers = keras.layers
    inputs = keras.Input(shape=(32, 32, 3))
    h = layers.Conv2D(32, 3, padding="same", activation="relu")(inputs)
    h = layers.MaxPooling2D()(h)
    h = layers.Conv2D(64, 3, padding="same", activation="relu")(h)
    h = layers.MaxPooling2D()(h)
    h = layers.Conv2D(64, 3, padding="same", activation="relu")(h)
    h = layers.GlobalAveragePooling2D()(h)
    outputs = layers.Dense(10)(h)
    return keras.Model(inputs, outputs)


class TorchNet(nn.Module):
    """The same network in plain torch.nn, NCHW."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 32, 3, padding=1)
        self.conv2 = nn.Conv2d(32, 64, 3, padding=1)
        self.conv3 = nn.Conv2d(64, 64, 3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.head = nn.Linear(64, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = F.relu(self.conv3(x))
        return self.head(x.mean(dim=(2, 3)))

    def load_keras_weights(self, weights):
        """Keras layouts -> torch: conv HWIO -> OIHW, dense (in, out) -> (out, in)."""
        convs = (self.conv1, self.conv2, self.conv3)
        with torch.no_grad():
            for i, conv in enumerate(convs):
                conv.weight.copy_(torch.as_tensor(weights[2 * i]).permute(3, 2, 0, 1))
                conv.bias.copy_(torch.as_tensor(weights[2 * i + 1]))
            self.head.weight.copy_(torch.as_tensor(weights[6]).T)
            self.head.bias.copy_(torch.as_tensor(weights[7]))


def _timed(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(argv=None):
    args = parse_args(argv)
    if args.threads > 0:
        torch.set_num_threads(args.threads)

    import torchkeras as keras

    keras.utils.set_random_seed(0)
    rng = np.random.default_rng(0)
    n = args.batch_size * args.steps
    x_nhwc = rng.standard_normal((n, 32, 32, 3)).astype("float32")
    labels = rng.integers(0, 10, size=n)

    model = build_keras_model(keras)
    net = TorchNet()
    net.load_keras_weights(model.get_weights())
    net_cl = TorchNet().to(memory_format=torch.channels_last)
    net_cl.load_keras_weights(model.get_weights())

    x_keras = torch.as_tensor(x_nhwc)
    x_torch = x_keras.permute(0, 3, 1, 2).contiguous()
    x_cl = x_torch.contiguous(memory_format=torch.channels_last)
    y = torch.as_tensor(labels)
    bs = args.batch_size
    batches = [(slice(i, i + bs)) for i in range(0, n, bs)]

    if args.mode == "step":
        def run(forward, x):
            def loop():
                for sl in batches:
                    loss = F.cross_entropy(forward(x[sl]), y[sl])
                    loss.backward()
            return loop

        keras_round = run(lambda t: model(t, training=True), x_keras)
        torch_round = run(net, x_torch)
        torch_cl_round = run(net_cl, x_cl)
    else:
        model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01),
                      loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
        one_hot_free = labels.astype("int64")

        def keras_round():
            model.fit(x_nhwc, one_hot_free, batch_size=bs, epochs=1, verbose=0, shuffle=False)

        def sgd_loop(module, x):
            optimizer = torch.optim.SGD(module.parameters(), lr=0.01)

            def loop():
                for sl in batches:
                    optimizer.zero_grad(set_to_none=True)
                    loss = F.cross_entropy(module(x[sl]), y[sl])
                    loss.backward()
                    optimizer.step()
            return loop

        torch_round = sgd_loop(net, x_torch)
        torch_cl_round = sgd_loop(net_cl, x_cl)

    # Warm-up: first-call costs (allocations, kernel selection) are not steady state.
    keras_round()
    torch_round()
    torch_cl_round()
    times = {"keras": [], "torch": [], "torch_cl": []}
    order = [("keras", keras_round), ("torch", torch_round), ("torch_cl", torch_cl_round)]
    for i in range(args.rounds):
        for name, fn in (order if i % 2 == 0 else order[::-1]):
            times[name].append(_timed(fn))

    median = {name: statistics.median(ts) for name, ts in times.items()}
    what = "forward + backward" if args.mode == "step" else "fit epoch (SGD)"
    print(
        f"Conv2D stack on 32x32x3, batch {bs}, {args.steps} batches, {what}, "
        f"{torch.get_num_threads()} thread(s), median of {args.rounds} rounds"
    )
    for name, label in (("torch", "torch.nn NCHW          "),
                        ("torch_cl", "torch.nn channels_last "),
                        ("keras", "torchkeras (NHWC)      ")):
        print(f"  {label} {n / median[name]:10,.0f} samples/s ({median[name] * 1e3:8.2f} ms)")
    ratio = median["torch"] / median["keras"]
    print(f"  throughput ratio (torchkeras / torch.nn NCHW): {ratio:.3f}x")
    print(f"  throughput ratio (torchkeras / torch.nn channels_last): "
          f"{median['torch_cl'] / median['keras']:.3f}x")
    return ratio


if __name__ == "__main__":
    main()
