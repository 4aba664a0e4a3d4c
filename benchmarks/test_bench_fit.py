"""pytest-benchmark regression tests for the training loop: `python -m pytest benchmarks`.

Not collected by the default `python -m pytest` (whose testpaths are `tests/` and `conformance/`).
Each benchmark runs on one torch thread so numbers are comparable between runs; the hand-written
PyTorch loop is measured in the same session as the baseline. Save a run with
`--benchmark-autosave` and fail on a slowdown with
`--benchmark-compare --benchmark-compare-fail=median:15%`.
"""

import os
import sys

import pytest
import torch

pytest.importorskip("pytest_benchmark")

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bench_models  # noqa: E402

import torchkeras as keras  # noqa: E402

NUM_SAMPLES = 2048
BATCH_SIZE = 32


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    threads = torch.get_num_threads()
    torch.set_num_threads(int(os.environ.get("BENCH_THREADS", "1")))
    yield
    torch.set_num_threads(threads)


@pytest.fixture(scope="module")
def data():
    return bench_models.make_data(NUM_SAMPLES)


@pytest.fixture(scope="module")
def model():
    keras.utils.set_random_seed(0)
    return bench_models.build_keras_model(keras)


def _fit_epoch(model, x, y):
    model.fit(x, y, batch_size=BATCH_SIZE, epochs=1, verbose=0, shuffle=False)


@pytest.mark.benchmark(group="fit-epoch")
def test_fit_epoch(benchmark, model, data):
    x, y = data
    benchmark.pedantic(_fit_epoch, args=(model, x, y), rounds=7, warmup_rounds=1)


@pytest.mark.benchmark(group="fit-epoch")
def test_fit_epoch_torch_baseline(benchmark, data):
    x, y = data
    loop = bench_models.TorchLoop(x, y, BATCH_SIZE, keras.config.get_device())
    benchmark.pedantic(loop.epoch, rounds=7, warmup_rounds=1)


@pytest.mark.benchmark(group="predict")
def test_predict(benchmark, model, data):
    x, _ = data
    benchmark.pedantic(
        model.predict, args=(x,), kwargs={"batch_size": BATCH_SIZE, "verbose": 0},
        rounds=7, warmup_rounds=1,
    )


@pytest.mark.benchmark(group="predict")
def test_predict_torch_baseline(benchmark, data):
    x, y = data
    loop = bench_models.TorchLoop(x, y, BATCH_SIZE, keras.config.get_device())
    benchmark.pedantic(loop.predict, rounds=7, warmup_rounds=1)


@pytest.mark.benchmark(group="evaluate")
def test_evaluate(benchmark, model, data):
    x, y = data
    benchmark.pedantic(
        model.evaluate, args=(x, y), kwargs={"batch_size": BATCH_SIZE, "verbose": 0},
        rounds=7, warmup_rounds=1,
    )


@pytest.mark.benchmark(group="evaluate")
def test_evaluate_torch_baseline(benchmark, data):
    x, y = data
    loop = bench_models.TorchLoop(x, y, BATCH_SIZE, keras.config.get_device())
    benchmark.pedantic(loop.evaluate, rounds=7, warmup_rounds=1)
