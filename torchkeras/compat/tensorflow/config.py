"""`tf.config`: device queries."""

import collections

import torch

PhysicalDevice = collections.namedtuple("PhysicalDevice", ["name", "device_type"])


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
    return list_physical_devices(device_type)
