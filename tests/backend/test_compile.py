import pytest
import torch

from torchkeras.backend import compile as compile_lib


def test_first_failure_falls_back_to_eager_once_with_a_warning(monkeypatch):
    calls = []

    def step(data):
        calls.append(data)
        return data * 2

    def broken_compile(fn, **kwargs):
        def compiled(data):
            raise RuntimeError("backend failed\nmore details")

        return compiled

    monkeypatch.setattr(torch, "compile", broken_compile)
    run = compile_lib.compile_step(step)
    with pytest.warns(UserWarning, match=r"could not compile this step \(RuntimeError: backend failed\)"):
        assert run(1) == 2
    assert run(2) == 4 and calls == [1, 2]


def test_errors_after_a_successful_compiled_call_are_raised(monkeypatch):
    state = {"n": 0}

    def step(data):
        return data

    def flaky_compile(fn, **kwargs):
        def compiled(data):
            state["n"] += 1
            if state["n"] > 1:
                raise ValueError("the step's own error")
            return fn(data)

        return compiled

    monkeypatch.setattr(torch, "compile", flaky_compile)
    run = compile_lib.compile_step(step)
    assert run(1) == 1
    with pytest.raises(ValueError, match="the step's own error"):
        run(2)
