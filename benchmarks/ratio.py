"""How fast is `fit` next to a hand-written PyTorch loop? Prints samples/s for both and the ratio.

Both train the README MLP (784 -> Dense 64 relu -> Dense 10 softmax, categorical crossentropy, SGD
0.01, batch 32) on the same random data, in the same process, in alternating rounds: one epoch of
torchkeras `fit(..., epochs=1, verbose=0, shuffle=False)`, one epoch of the PyTorch loop, and so on
(the order flips every round so neither side always runs on a warmer cache). A warm-up epoch of
each is run first and not counted. The numbers reported are medians over rounds.

    python benchmarks/ratio.py                  # 1 thread, the default device
    python benchmarks/ratio.py --threads 4 --rounds 11 --samples 8192
    TORCHKERAS_DEVICE=cuda python benchmarks/ratio.py

The torchkeras time is the whole `fit` call, per-call setup included, since that is what a user
waits for; the PyTorch time is the epoch loop plus the one sync that reads the mean loss.
"""

import argparse
import os
import statistics
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bench_models  # noqa: E402


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--samples", type=int, default=4096, help="training samples (4096)")
    parser.add_argument("--batch-size", type=int, default=32, help="batch size (32)")
    parser.add_argument("--rounds", type=int, default=7, help="timed rounds per side (7)")
    parser.add_argument(
        "--threads", type=int, default=1, help="torch intra-op threads (1); 0 keeps torch's default"
    )
    parser.add_argument(
        "--input",
        choices=("numpy", "torch"),
        default="numpy",
        help="what `fit` receives: NumPy arrays as in the README (default), or device tensors",
    )
    return parser.parse_args(argv)


def _sync(device):
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def _timed(fn, device):
    _sync(device)
    start = time.perf_counter()
    fn()
    _sync(device)
    return time.perf_counter() - start


def main(argv=None):
    args = parse_args(argv)
    if args.threads > 0:
        torch.set_num_threads(args.threads)

    import torchkeras as keras

    device = keras.config.get_device()
    torch.manual_seed(0)
    keras.utils.set_random_seed(0)
    x, y = bench_models.make_data(args.samples)

    model = bench_models.build_keras_model(keras)
    if args.input == "torch":
        fit_x = torch.as_tensor(x, device=device)
        fit_y = torch.as_tensor(y, device=device)
    else:
        fit_x, fit_y = x, y

    def keras_epoch():
        model.fit(fit_x, fit_y, batch_size=args.batch_size, epochs=1, verbose=0, shuffle=False)

    loop = bench_models.TorchLoop(x, y, args.batch_size, device)

    # Warm-up: first-call costs (allocations, lazy init, kernel selection) are not steady state.
    keras_epoch()
    loop.epoch()

    keras_times, torch_times = [], []
    for i in range(args.rounds):
        if i % 2 == 0:
            keras_times.append(_timed(keras_epoch, device))
            torch_times.append(_timed(loop.epoch, device))
        else:
            torch_times.append(_timed(loop.epoch, device))
            keras_times.append(_timed(keras_epoch, device))

    keras_time = statistics.median(keras_times)
    torch_time = statistics.median(torch_times)
    print(
        f"README MLP {bench_models.INPUT_DIM}-{bench_models.HIDDEN}-{bench_models.CLASSES}, "
        f"{args.samples} samples, batch {args.batch_size}, {torch.get_num_threads()} thread(s), "
        f"device {device}, fit inputs {args.input}, median of {args.rounds} rounds"
    )
    print(
        f"  PyTorch loop    {args.samples / torch_time:12,.0f} samples/s "
        f"({torch_time * 1e3:8.2f} ms/epoch)"
    )
    print(
        f"  torchkeras fit  {args.samples / keras_time:12,.0f} samples/s "
        f"({keras_time * 1e3:8.2f} ms/epoch)"
    )
    # Throughput ratio, as the issues quote it: 1.00x is parity, below 1 torchkeras is slower.
    print(f"  throughput ratio (torchkeras / PyTorch): {torch_time / keras_time:.3f}x")
    return keras_time / torch_time


if __name__ == "__main__":
    main()
