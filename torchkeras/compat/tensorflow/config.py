"""`tf.config`: device queries answered from torch, and settings that are no-ops on torch."""

import collections
import types

import torch

PhysicalDevice = collections.namedtuple("PhysicalDevice", ["name", "device_type"])
LogicalDevice = collections.namedtuple("LogicalDevice", ["name", "device_type"])
LogicalDeviceConfiguration = collections.namedtuple(
    "LogicalDeviceConfiguration", ["memory_limit", "experimental_priority",
                                   "experimental_device_ordinal"], defaults=(None, None, 0))

_VISIBLE = {}
_MEMORY_GROWTH = {}
_STATE = {"functions_run_eagerly": True, "soft_device_placement": True}


def list_physical_devices(device_type=None):
    devices = [PhysicalDevice("/physical_device:CPU:0", "CPU")]
    if torch.cuda.is_available():
        devices += [
            PhysicalDevice(f"/physical_device:GPU:{i}", "GPU")
            for i in range(torch.cuda.device_count())
        ]
    if device_type is None:
        return devices
    return [d for d in devices if d.device_type == str(device_type).upper()]


def list_logical_devices(device_type=None):
    return [LogicalDevice(d.name.replace("/physical_device:", "/device:"), d.device_type)
            for d in get_visible_devices(device_type)]


def get_visible_devices(device_type=None):
    devices = list_physical_devices(device_type)
    return [d for d in devices if _VISIBLE.get(d.device_type, None) is None
            or d in _VISIBLE[d.device_type]]


def set_visible_devices(devices, device_type=None):
    """Record which devices the script wants to see (torchkeras still uses its own device).

    `set_visible_devices([], "GPU")` is the common way to hide GPUs; set `CUDA_VISIBLE_DEVICES`
    before starting Python for torch to honour it.
    """
    if isinstance(devices, PhysicalDevice):
        devices = [devices]
    devices = list(devices)
    types_ = {device_type.upper()} if device_type else {d.device_type for d in devices} or {"GPU"}
    for kind in types_:
        _VISIBLE[kind] = [d for d in devices if d.device_type == kind]


def get_logical_device_configuration(device):
    return None


def set_logical_device_configuration(device, logical_devices):
    return None


def run_functions_eagerly(run_eagerly):
    _STATE["functions_run_eagerly"] = bool(run_eagerly)


def functions_run_eagerly():
    return True  # `tf.function` always runs eagerly here


experimental_run_functions_eagerly = run_functions_eagerly
experimental_functions_run_eagerly = functions_run_eagerly


def set_soft_device_placement(enabled):
    _STATE["soft_device_placement"] = bool(enabled)


def get_soft_device_placement():
    return _STATE["soft_device_placement"]


# -- tf.config.experimental --------------------------------------------------------------------
def set_memory_growth(device, enable):
    """Accepted (torch's caching allocator already grows memory on demand)."""
    _MEMORY_GROWTH[device] = bool(enable)


def get_memory_growth(device):
    return _MEMORY_GROWTH.get(device, False)


def get_memory_info(device):
    if torch.cuda.is_available() and "GPU" in str(device):
        index = int(str(device).rsplit(":", 1)[-1])
        return {"current": torch.cuda.memory_allocated(index),
                "peak": torch.cuda.max_memory_allocated(index)}
    return {"current": 0, "peak": 0}


def get_device_details(device):
    if device.device_type == "GPU":
        index = int(device.name.rsplit(":", 1)[-1])
        props = torch.cuda.get_device_properties(index)
        return {"device_name": props.name, "compute_capability": (props.major, props.minor)}
    return {}


def enable_op_determinism():
    """Ask torch for deterministic algorithms (warn where an op has none)."""
    torch.use_deterministic_algorithms(True, warn_only=True)


def enable_tensor_float_32_execution(enabled):
    torch.backends.cuda.matmul.allow_tf32 = bool(enabled)
    torch.backends.cudnn.allow_tf32 = bool(enabled)


def tensor_float_32_execution_enabled():
    return bool(torch.backends.cuda.matmul.allow_tf32)


def _noop(*args, **kwargs):
    return None


experimental = types.SimpleNamespace(
    set_memory_growth=set_memory_growth,
    get_memory_growth=get_memory_growth,
    get_memory_info=get_memory_info,
    get_device_details=get_device_details,
    list_physical_devices=list_physical_devices,
    list_logical_devices=list_logical_devices,
    get_visible_devices=get_visible_devices,
    set_visible_devices=set_visible_devices,
    set_virtual_device_configuration=_noop,
    get_virtual_device_configuration=get_logical_device_configuration,
    VirtualDeviceConfiguration=LogicalDeviceConfiguration,
    enable_op_determinism=enable_op_determinism,
    enable_tensor_float_32_execution=enable_tensor_float_32_execution,
    tensor_float_32_execution_enabled=tensor_float_32_execution_enabled,
    reset_memory_stats=_noop,
    set_synchronous_execution=_noop,
    enable_mlir_bridge=_noop,
    disable_mlir_bridge=_noop,
)
threading = types.SimpleNamespace(
    set_intra_op_parallelism_threads=lambda n: torch.set_num_threads(n) if n else None,
    get_intra_op_parallelism_threads=torch.get_num_threads,
    set_inter_op_parallelism_threads=_noop,
    get_inter_op_parallelism_threads=lambda: 0,
)
optimizer = types.SimpleNamespace(set_jit=_noop, get_jit=lambda: "",
                                  set_experimental_options=_noop,
                                  get_experimental_options=lambda: {})
