"""`tf.distribute`: strategies for a single process (`num_replicas_in_sync` is 1).

`MirroredStrategy().scope()` lets tf.keras scripts build and train their model unchanged on the
current device. For real data-parallel training on several GPUs, run the script with `torchrun`
and torchkeras's DDP support (see compat/DIFFERENCES.md).
"""

import contextlib
import types

import torch

from torchkeras.utils import tree


class ReduceOp:
    SUM = "SUM"
    MEAN = "MEAN"


class InputContext:
    def __init__(self, num_input_pipelines=1, input_pipeline_id=0, num_replicas_in_sync=1):
        self.num_input_pipelines = num_input_pipelines
        self.input_pipeline_id = input_pipeline_id
        self.num_replicas_in_sync = num_replicas_in_sync

    def get_per_replica_batch_size(self, global_batch_size):
        return global_batch_size // self.num_replicas_in_sync


class ReplicaContext:
    """The context of the one replica: all-reduces return their input."""

    def __init__(self, strategy):
        self.strategy = strategy
        self.num_replicas_in_sync = 1
        self.replica_id_in_sync_group = 0

    def all_reduce(self, reduce_op, value, options=None):
        return value

    def merge_call(self, merge_fn, args=(), kwargs=None):
        return merge_fn(self.strategy, *args, **(kwargs or {}))


_STACK = []


class Strategy:
    """A distribution strategy running everything in this process (one replica)."""

    def __init__(self, *args, **kwargs):
        self.extended = types.SimpleNamespace(
            parameter_devices=(self._device_name(),), worker_devices=(self._device_name(),),
            should_checkpoint=True, should_save_summary=True,
        )

    @staticmethod
    def _device_name():
        return "/job:localhost/replica:0/task:0/device:" + (
            "GPU:0" if torch.cuda.is_available() else "CPU:0")

    @property
    def num_replicas_in_sync(self):
        return 1

    @contextlib.contextmanager
    def scope(self):
        _STACK.append(self)
        try:
            yield self
        finally:
            _STACK.pop()

    def run(self, fn, args=(), kwargs=None, options=None):
        return fn(*args, **(kwargs or {}))

    def reduce(self, reduce_op, value, axis=None):
        """With one replica, `axis=None` returns `value`; an axis reduces over that dimension."""
        if axis is None:
            return value
        op = str(getattr(reduce_op, "value", reduce_op)).upper()
        reduce = torch.sum if op.endswith("SUM") else torch.mean
        return tree.map_structure(lambda v: reduce(v, dim=axis), value)

    def experimental_distribute_dataset(self, dataset, options=None):
        return dataset

    def distribute_datasets_from_function(self, dataset_fn, options=None):
        return dataset_fn(InputContext())

    experimental_distribute_datasets_from_function = distribute_datasets_from_function

    def experimental_local_results(self, value):
        return (value,)

    def gather(self, value, axis):
        return value


class MirroredStrategy(Strategy):
    def __init__(self, devices=None, cross_device_ops=None):
        super().__init__()


class OneDeviceStrategy(Strategy):
    def __init__(self, device):
        super().__init__()
        self.device = device


class MultiWorkerMirroredStrategy(Strategy):
    def __init__(self, cluster_resolver=None, communication_options=None):
        super().__init__()


class TPUStrategy(Strategy):
    def __init__(self, tpu_cluster_resolver=None, experimental_device_assignment=None,
                 experimental_spmd_xla_partitioning=False):
        raise NotImplementedError(
            "tf.distribute.TPUStrategy is not provided by torchkeras.compat. Use "
            "torch_xla with torchkeras instead; see compat/DIFFERENCES.md."
        )


class _TPUClusterResolver:
    def __init__(self, tpu=None, *args, **kwargs):
        # TF raises this when no TPU is reachable; scripts catch it and fall back.
        raise ValueError("Please provide a TPU Name to connect to.")


cluster_resolver = types.SimpleNamespace(TPUClusterResolver=_TPUClusterResolver)
experimental = types.SimpleNamespace(TPUStrategy=TPUStrategy,
                                     MultiWorkerMirroredStrategy=MultiWorkerMirroredStrategy,
                                     CommunicationOptions=lambda *a, **k: None)
_DEFAULT = Strategy()


def get_strategy():
    return _STACK[-1] if _STACK else _DEFAULT


def has_strategy():
    return bool(_STACK)


def in_cross_replica_context():
    return True


def get_replica_context():
    return ReplicaContext(get_strategy())


def experimental_set_strategy(strategy):
    _STACK.clear()
    if strategy is not None:
        _STACK.append(strategy)


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    raise NotImplementedError(
        f"tf.distribute.{name} is not provided by torchkeras.compat. For multi-GPU training "
        "run the script with torchrun; see compat/DIFFERENCES.md."
    )
