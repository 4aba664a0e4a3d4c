"""`tf.autograph`: graph conversion does not exist on torch; the decorators return the function."""

import types


def do_not_convert(func=None):
    if func is None:
        return lambda f: f
    return func


def set_loop_options(parallel_iterations=None, swap_memory=None, maximum_iterations=None,
                     shape_invariants=None):
    return None


def to_graph(entity, recursive=True, experimental_optional_features=None):
    return entity


def set_verbosity(level, alsologtostdout=False):
    return None


experimental = types.SimpleNamespace(do_not_convert=do_not_convert,
                                     set_loop_options=set_loop_options)

__all__ = ["do_not_convert", "experimental", "set_verbosity", "to_graph"]
