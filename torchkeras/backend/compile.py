"""`jit_compile=True`: steps compiled with `torch.compile`, falling back to eager once, with a
warning naming the reason, when compilation fails."""

import warnings

import torch


def compile_step(step):
    """Return `step` compiled with `torch.compile`, or `step` itself after a failed compile.

    Only the first compiled call may fall back: that is when torch compiles the step, before any
    of it has run, so running it again eagerly cannot apply an update twice. A later error (the
    step's own) is raised as is.
    """
    # Static shapes, as Keras traces a new function per input signature: torch's automatic
    # dynamic shapes would otherwise turn on after a recompile (a second model, a last partial
    # batch) and trade the fast static kernels for symbolic ones.
    compiled = torch.compile(step, dynamic=False)
    state = {"fn": compiled, "compiled_once": False}

    def run(*args):
        if state["compiled_once"] or state["fn"] is step:
            return state["fn"](*args)
        try:
            result = state["fn"](*args)
        except Exception as e:  # torch.compile raises many error types
            warnings.warn(
                "jit_compile=True: torch.compile could not compile this step "
                f"({type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}). Falling "
                "back to eager execution."
            )
            state["fn"] = step
            return step(*args)
        state["compiled_once"] = True
        return result

    return run
