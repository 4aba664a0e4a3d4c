"""`jit_compile=True`: steps compiled with `torch.compile`, falling back to eager once, with a
warning naming the reason, when compilation fails."""

import warnings

import torch


def compile_step(step):
    """Return `step` compiled with `torch.compile`, or `step` itself after a failed compile."""
    compiled = torch.compile(step)
    state = {"fn": compiled}

    def run(data):
        try:
            return state["fn"](data)
        except Exception as e:  # torch.compile raises many error types
            if state["fn"] is step:
                raise
            warnings.warn(
                "jit_compile=True: torch.compile could not compile this step "
                f"({type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}). Falling "
                "back to eager execution."
            )
            state["fn"] = step
            return step(data)

    return run
