"""torchkeras against hand-written PyTorch on the issue-7 workloads: a table of throughput ratios.

Each workload of `workloads.py` runs its Keras-API side and its PyTorch side in the same process, in
alternating rounds (the order flips every round), after one warm-up run of each; the table shows
the median time per run of each side, the throughput ratio torchkeras / PyTorch (1.00x is parity,
below 1 torchkeras is slower) and the issue's target. Then, each in fresh subprocesses:
`import torchkeras` time over `import torch`, and peak RSS of a CNN fit against the PyTorch loop.

    python benchmarks/compare.py                       # all workloads, 1 thread, 5 rounds
    python benchmarks/compare.py --only tiny mlp --rounds 9
    python benchmarks/compare.py --jit                 # also jit_compile=True on MLP and CNN
    TORCHKERAS_DEVICE=cuda python benchmarks/compare.py
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.path.insert(1, ROOT)  # run from a checkout without installing


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds per side (5)")
    parser.add_argument("--threads", type=int, default=1, help="torch threads (1); 0 = default")
    parser.add_argument("--only", nargs="*", default=None, help="workload names (all)")
    parser.add_argument("--no-subprocess", action="store_true", help="skip import time and RSS")
    parser.add_argument("--jit", action="store_true", help="also jit_compile=True on MLP, CNN")
    parser.add_argument("--rss-child", choices=("keras", "torch"), help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def _sync(torch, device):
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def _time(torch, device, fn):
    _sync(torch, device)
    start = time.perf_counter()
    fn()
    _sync(torch, device)
    return time.perf_counter() - start


def _side_by_side(torch, device, keras_fn, torch_fn, rounds):
    keras_fn()
    torch_fn()
    keras_times, torch_times = [], []
    for i in range(rounds):
        pair = [(keras_times, keras_fn), (torch_times, torch_fn)]
        for times, fn in pair if i % 2 == 0 else pair[::-1]:
            times.append(_time(torch, device, fn))
    return statistics.median(keras_times), statistics.median(torch_times)


def _row(label, keras_t, torch_t, target, unit="ms/run", scale=1e3):
    ratio = torch_t / keras_t
    ok = "ok" if ratio >= target else "BELOW"
    return (
        f"{label:<38} {keras_t * scale:10.2f} {torch_t * scale:10.2f} {unit:<8}"
        f" {ratio:6.2f}x  >= {target:.2f}x  {ok}"
    )


def _jit_rows(keras, torch, device, workloads, rounds):
    rows = []
    for name in ("mlp", "cnn"):
        w = workloads.make(name, keras, device)
        model = w.keras_model
        model.compile(optimizer=model.optimizer, loss=model.loss, jit_compile=True)
        start = time.perf_counter()
        w.keras_run()  # first run compiles
        compile_s = time.perf_counter() - start
        keras_t, torch_t = _side_by_side(torch, device, w.keras_run, w.torch_run, rounds)
        rows.append(_row(f"{w.label} jit", keras_t, torch_t, 1.0) + f"  compile {compile_s:.1f}s")
    return rows


def _import_time():
    """Median over 3 fresh interpreters of the extra time `import torchkeras` takes."""
    code = (
        "import time; t=time.perf_counter(); import torch; a=time.perf_counter();"
        "import torchkeras; b=time.perf_counter(); print(a-t, b-a)"
    )
    extra = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONPATH": ROOT},
        ).stdout.split()
        extra.append(float(out[1]))
    return statistics.median(extra)


def _rss_child(side, threads):
    import resource

    import torch

    if threads > 0:
        torch.set_num_threads(threads)
    import workloads

    keras = None
    if side == "keras":
        import torchkeras as keras
    device = keras.config.get_device() if keras else torch.device("cpu")
    w = workloads.CNNFit(keras, device)
    for _ in range(3):
        w.keras_run() if side == "keras" else w.torch_run()
    # VmHWM (KiB) is this process's own peak: ru_maxrss would carry the parent's peak over exec.
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                print(int(line.split()[1]))
                return
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _peak_rss(side, threads):
    out = subprocess.run(
        [sys.executable, os.path.abspath(__file__), "--rss-child", side, "--threads", str(threads)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": ROOT},
    ).stdout.split()
    return int(out[-1]) / 1024.0


def main(argv=None):
    args = parse_args(argv)
    if args.rss_child:
        return _rss_child(args.rss_child, args.threads)

    import torch

    if args.threads > 0:
        torch.set_num_threads(args.threads)
    import torchkeras as keras
    import workloads

    device = keras.config.get_device()
    names = args.only or list(workloads.WORKLOADS)
    print(
        f"torchkeras vs plain PyTorch: device {device}, {torch.get_num_threads()} thread(s), "
        f"median of {args.rounds} alternating rounds"
    )
    print(f"{'workload':<38} {'torchkeras':>10} {'PyTorch':>10} {'':<8} {'ratio':>7}  target")
    for name in names:
        keras.utils.set_random_seed(0)
        torch.manual_seed(0)
        w = workloads.make(name, keras, device)
        keras_t, torch_t = _side_by_side(torch, device, w.keras_run, w.torch_run, args.rounds)
        if name == "tiny":
            steps = -(-w.samples // w.batch_size)
            print(_row(w.label, keras_t / steps, torch_t / steps, w.target, "us/step", 1e6))
        else:
            print(_row(w.label, keras_t, torch_t, w.target))
        sys.stdout.flush()
    if args.jit:
        for row in _jit_rows(keras, torch, device, workloads, args.rounds):
            print(row)
    if not args.no_subprocess:
        extra = _import_time()
        ok = "ok" if extra <= 0.5 else "ABOVE"
        label = "import torchkeras over import torch"
        print(f"{label:<38} {extra:10.3f} s{'':<17} <= 0.50 s  {ok}")
        keras_rss = _peak_rss("keras", args.threads)
        torch_rss = _peak_rss("torch", args.threads)
        ratio = keras_rss / torch_rss
        ok = "ok" if ratio <= 1.15 else "ABOVE"
        print(
            f"{'peak RSS, CNN fit (MiB)':<38} {keras_rss:10.1f} {torch_rss:10.1f} {'MiB':<8}"
            f" {ratio:6.2f}x  <= 1.15x  {ok}"
        )


if __name__ == "__main__":
    main()
