"""`tf.summary`: TensorBoard summaries written by torchkeras's pure-Python event writer.

Scalars, histograms, text, images and audio are laid out as TensorFlow 2 + TensorBoard write
them, so TensorBoard shows them unchanged. The default writer, default step and `record_if` state are
shared with `keras.callbacks.TensorBoard` (`torchkeras.utils.summary_writer`), so summaries
written inside a model's `call` land in the callback's run, as with Keras on TensorFlow.
Graph tracing and profiling are not provided.
"""

import types

from torchkeras.utils.summary_writer import SummaryWriter
from torchkeras.utils.summary_writer import audio
from torchkeras.utils.summary_writer import create_file_writer
from torchkeras.utils.summary_writer import create_noop_writer
from torchkeras.utils.summary_writer import flush
from torchkeras.utils.summary_writer import get_step
from torchkeras.utils.summary_writer import histogram
from torchkeras.utils.summary_writer import image
from torchkeras.utils.summary_writer import record_if
from torchkeras.utils.summary_writer import scalar
from torchkeras.utils.summary_writer import set_step
from torchkeras.utils.summary_writer import should_record_summaries
from torchkeras.utils.summary_writer import summary_scope
from torchkeras.utils.summary_writer import text
from torchkeras.utils.summary_writer import write
from torchkeras.utils.summary_writer import write_raw_pb

__all__ = [
    "SummaryWriter",
    "audio",
    "create_file_writer",
    "create_noop_writer",
    "experimental",
    "flush",
    "graph",
    "histogram",
    "image",
    "record_if",
    "scalar",
    "should_record_summaries",
    "text",
    "trace_export",
    "trace_off",
    "trace_on",
    "write",
]

# `tf.summary.experimental`: the default step and the raw writers.
experimental = types.SimpleNamespace(
    get_step=get_step, set_step=set_step, summary_scope=summary_scope, write_raw_pb=write_raw_pb
)


def _not_provided(name):
    raise NotImplementedError(
        f"tf.summary.{name} is not provided by torchkeras.compat: there is no TensorFlow graph "
        "to trace. Use `torch.profiler` for profiles; see "
        "compat/DIFFERENCES.md."
    )


def graph(graph_data):
    """Not provided (raises `NotImplementedError`)."""
    _not_provided("graph")


def trace_on(graph=True, profiler=False, profiler_outdir=None):
    """Not provided (raises `NotImplementedError`)."""
    _not_provided("trace_on")


def trace_off():
    """Not provided (raises `NotImplementedError`)."""
    _not_provided("trace_off")


def trace_export(name, step=None, profiler_outdir=None):
    """Not provided (raises `NotImplementedError`)."""
    _not_provided("trace_export")
