"""pytest-benchmark regression tests for the issue-7 workloads (`workloads.py`), both sides.

`python -m pytest benchmarks/test_bench_workloads.py` (not collected by the default run). Each
workload gives two benchmarks in one group, torchkeras and its PyTorch baseline, on one torch
thread (`BENCH_THREADS=N` to change). Save a run with `--benchmark-autosave`, then fail on a
slowdown with `--benchmark-compare --benchmark-compare-fail=median:15%`.
"""

import os
import sys

import pytest
import torch

pytest.importorskip("pytest_benchmark")

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import workloads  # noqa: E402

import torchkeras as keras  # noqa: E402

NAMES = list(workloads.WORKLOADS)


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    threads = torch.get_num_threads()
    torch.set_num_threads(int(os.environ.get("BENCH_THREADS", "1")))
    yield
    torch.set_num_threads(threads)


_BUILT = {}


def _workload(name):
    # One instance per workload, shared by its two benchmarks (same data, built once).
    if name not in _BUILT:
        keras.utils.set_random_seed(0)
        torch.manual_seed(0)
        _BUILT[name] = workloads.make(name, keras, keras.config.get_device())
    return _BUILT[name]


@pytest.mark.parametrize("name", NAMES)
def test_torchkeras(benchmark, name):
    benchmark.group = name
    benchmark.pedantic(_workload(name).keras_run, rounds=5, warmup_rounds=1)


@pytest.mark.parametrize("name", NAMES)
def test_torch_baseline(benchmark, name):
    benchmark.group = name
    benchmark.pedantic(_workload(name).torch_run, rounds=5, warmup_rounds=1)
