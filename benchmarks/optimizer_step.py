"""How fast is one optimizer step next to `torch.optim`'s multi-tensor (`foreach=True`) step?

Both sides update the same set of parameters: the weights of a few large Linear layers, about
10M float32 values in all, with fixed random gradients. For each optimizer (Adam, AdamW and SGD
with momentum) the script times `optimizer.step()` of torchkeras (Keras's formulas, its
`foreach` path) and of `torch.optim.X(..., foreach=True)` in alternating rounds (the order flips
every round), after a few warm-up steps, and prints the medians and the ratio torchkeras time /
torch time (1.00x is parity, above 1 torchkeras is slower; the target is <= 1.10x).

    python benchmarks/optimizer_step.py                 # 1 thread
    python benchmarks/optimizer_step.py --threads 2 --rounds 31
    python benchmarks/optimizer_step.py --fused         # against torch's fused=True kernels
    TORCHKERAS_DEVICE=cuda python benchmarks/optimizer_step.py

The two sides do not compute bit-identical updates (Keras's Adam adds epsilon to the
uncorrected `sqrt(v)`; its AdamW decays with `learning_rate * weight_decay` before the moment
update, as torch does; its SGD velocity stores learning-rate-scaled steps), but each does the same
amount of work per element.
"""

import argparse
import os
import statistics
import sys
import time

import torch

# The layers whose parameters are updated: (in, out) of each Linear layer, weight and bias.
LAYERS = [(1024, 2048), (2048, 2048), (2048, 1024), (1024, 1024), (1024, 512), (512, 10)]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=21, help="timed steps per side (21)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed steps per side (3)")
    parser.add_argument(
        "--threads", type=int, default=1, help="torch intra-op threads (1); 0 keeps torch's default"
    )
    parser.add_argument(
        "--optimizers", default="adam,adamw,sgd_momentum", help="comma-separated subset to run"
    )
    parser.add_argument(
        "--fused", action="store_true", help="compare with torch's fused=True kernels instead"
    )
    return parser.parse_args(argv)


def make_parameters(device, seed=0):
    """The parameters (Keras layout: kernel (in, out), then bias) and one gradient for each."""
    generator = torch.Generator().manual_seed(seed)
    params, grads = [], []
    for fan_in, fan_out in LAYERS:
        for shape in ((fan_in, fan_out), (fan_out,)):
            params.append(torch.nn.Parameter((torch.randn(shape, generator=generator) * 0.02)
                                             .to(device)))
            grads.append((torch.randn(shape, generator=generator) * 1e-3).to(device))
    return params, grads


def optimizer_pairs(keras, fused=False):
    """name -> (torchkeras factory, torch factory), the same hyperparameters on both sides.

    With `fused=True` the torch side is `torch.optim.X(..., fused=True)` instead."""
    mode = {"fused": True} if fused else {"foreach": True}
    return {
        "adam": (
            lambda p: keras.optimizers.Adam(p, lr=1e-3),
            lambda p: torch.optim.Adam(p, lr=1e-3, eps=1e-7, **mode),
        ),
        "adamw": (
            lambda p: keras.optimizers.AdamW(p, lr=1e-3, weight_decay=0.004),
            lambda p: torch.optim.AdamW(p, lr=1e-3, eps=1e-7, weight_decay=0.004, **mode),
        ),
        "sgd_momentum": (
            lambda p: keras.optimizers.SGD(p, lr=0.01, momentum=0.9),
            lambda p: torch.optim.SGD(p, lr=0.01, momentum=0.9, **mode),
        ),
    }


def _sync(device):
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def _timed_step(optimizer, device):
    _sync(device)
    start = time.perf_counter()
    optimizer.step()
    _sync(device)
    return time.perf_counter() - start


def compare(name, make_keras, make_torch, device, rounds, warmup):
    """Median step times (seconds) of both sides and their ratio."""
    keras_params, grads = make_parameters(device)
    torch_params, _ = make_parameters(device)
    for p, g in zip(keras_params + torch_params, grads + grads):
        p.grad = g
    keras_optimizer = make_keras(keras_params)
    torch_optimizer = make_torch(torch_params)
    for _ in range(warmup):
        keras_optimizer.step()
        torch_optimizer.step()
    keras_times, torch_times = [], []
    for i in range(rounds):
        pair = [(keras_optimizer, keras_times), (torch_optimizer, torch_times)]
        for optimizer, times in pair if i % 2 == 0 else pair[::-1]:
            times.append(_timed_step(optimizer, device))
    keras_time = statistics.median(keras_times)
    torch_time = statistics.median(torch_times)
    return keras_time, torch_time, keras_time / torch_time


def main(argv=None):
    args = parse_args(argv)
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    import torchkeras as keras

    device = keras.config.get_device()
    count = sum(i * o + o for i, o in LAYERS)
    print(
        f"One optimizer step on {count / 1e6:.1f}M float32 parameters ({2 * len(LAYERS)} "
        f"tensors), {torch.get_num_threads()} thread(s), device {device}, median of "
        f"{args.rounds} steps"
    )
    baseline = "torch fused" if args.fused else "torch foreach"
    print(f"  {'optimizer':<14}{'torchkeras':>12}{baseline:>15}{'ratio':>9}")
    ratios = {}
    pairs = optimizer_pairs(keras, fused=args.fused)
    for name in args.optimizers.split(","):
        make_keras, make_torch = pairs[name]
        keras_time, torch_time, ratio = compare(
            name, make_keras, make_torch, device, args.rounds, args.warmup
        )
        ratios[name] = ratio
        print(
            f"  {name:<14}{keras_time * 1e3:>9.2f} ms{torch_time * 1e3:>12.2f} ms"
            f"{ratio:>8.3f}x"
        )
    return ratios


if __name__ == "__main__":
    main()
