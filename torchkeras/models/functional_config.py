"""Functional models <-> Keras 3 configs (`Functional.get_config()` / `Functional.from_config()`).

The config is the one Keras 3 writes: `{"name", "trainable", "layers", "input_layers",
"output_layers"}`, where each layer entry is the layer's serialized config plus its `"name"` and its
`"inbound_nodes"`, one per call of the layer inside this model: `{"args": [...], "kwargs": {...}}`
with every symbolic tensor written as `{"class_name": "__keras_tensor__", "config": {"shape",
"dtype", "keras_history": [layer_name, node_index, tensor_index]}}`.

Node indices count only the calls that belong to the model. As in Keras, the indices in
`input_layers`/`output_layers` of a nested Functional model start at 1 (Keras 2 gave every
Functional model a call of its own at index 0), while those inside `inbound_nodes` start at 0.
"""

import copy
import inspect

import numpy as np
import torch

from torchkeras.backend.keras_tensor import KerasTensor
from torchkeras.saving import object_registry
from torchkeras.saving import serialization


class _NodeNotReady(IndexError):
    """A call refers to a call of another layer that has not been rebuilt yet."""


# -- get_config -------------------------------------------------------------------------------
def _functional_like_constructor(cls):
    from torchkeras.models.functional import Functional

    spec = inspect.getfullargspec(cls.__init__)
    if spec.args[1:] == inspect.getfullargspec(Functional.__init__).args[1:]:
        return True
    return spec.varargs is not None and spec.varkw is not None


def _is_tensor_arg(value):
    if isinstance(value, KerasTensor):
        return True
    if isinstance(value, (list, tuple, dict)) and len(value) > 0:
        from torchkeras.utils import tree

        return all(x is None or isinstance(x, KerasTensor) for x in tree.flatten(value))
    return False


def _mask_structure(value):
    if isinstance(value, dict):
        return {k: _mask_structure(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_mask_structure(v) for v in value)
    return getattr(value, "_keras_mask", None)


def _keras_call_kwargs(layer, args, kwargs):
    """The call kwargs as Keras records them.

    Keras's `Layer.__call__` fills the `training` default of `call()`'s signature (when not
    `None`) and the input mask(s) (`None` for unmasked inputs) into its kwargs dict. The node
    keeps that same dict, unless the inputs were first converted (any kwargs, several or nested
    arguments, or a dtype other than the layer's input dtype; Functional models never convert),
    which makes a copy. Configs written by Keras carry exactly these values.
    """
    from torchkeras import backend
    from torchkeras.models.functional import Functional

    converts = not isinstance(layer, Functional) and getattr(layer, "_convert_input_args", True)
    if converts and (
        kwargs
        or len(args) != 1
        or not isinstance(args[0], KerasTensor)
        or args[0].dtype != backend.standardize_dtype(layer.input_dtype)
    ):
        return kwargs
    try:
        signature = inspect.signature(layer.call)
        bound = signature.bind(*args, **kwargs)
    except (TypeError, ValueError):
        return kwargs
    user_arguments = set(bound.arguments)
    bound.apply_defaults()
    arguments = bound.arguments
    params = signature.parameters
    kwargs = dict(kwargs)
    training = params.get("training")
    if (
        training is not None
        and training.kind not in (training.VAR_POSITIONAL, training.VAR_KEYWORD)
        and "training" not in user_arguments
        and arguments.get("training") is not None
    ):
        kwargs["training"] = arguments["training"]
    tensor_args = {k: v for k, v in arguments.items() if _is_tensor_arg(v)}
    if len(tensor_args) == 1:
        if "mask" in arguments and arguments["mask"] is None:
            kwargs["mask"] = _mask_structure(next(iter(tensor_args.values())))
    else:
        for name, value in tensor_args.items():
            mask_name = f"{name}_mask"
            if mask_name in arguments and arguments[mask_name] is None:
                kwargs[mask_name] = _mask_structure(value)
    return kwargs


def _serialize_node(node, own_nodes):
    if not node.input_tensors:
        return None  # An Input's own node.

    def serialize(x):
        if isinstance(x, KerasTensor):
            history = x._keras_history
            if history is None:
                keras_history = None
            else:
                operation, node_index, tensor_index = history
                # Calls of the layer outside this model do not count.
                skipped = sum(
                    id(n) not in own_nodes for n in operation._inbound_nodes[:node_index]
                )
                keras_history = [operation.name, node_index - skipped, tensor_index]
            return {
                "class_name": "__keras_tensor__",
                "config": {"shape": x.shape, "dtype": x.dtype, "keras_history": keras_history},
            }
        if isinstance(x, dict):
            return {k: serialize(v) for k, v in x.items()}
        if isinstance(x, (list, tuple)):
            return [serialize(v) for v in x]
        return serialization.serialize_keras_object(x)

    kwargs = _keras_call_kwargs(node.operation, node.call_args, node.call_kwargs)
    return {"args": serialize(list(node.call_args)), "kwargs": serialize(kwargs)}


def _map_history(fn, structure):
    if isinstance(structure, KerasTensor):
        return fn(structure)
    if isinstance(structure, dict):
        return {k: _map_history(fn, v) for k, v in structure.items()}
    return type(structure)(_map_history(fn, v) for v in structure)


def get_functional_config(model):
    """The Keras 3 config of a Functional model (see the module docstring for the format)."""
    from torchkeras.models.functional import Functional
    from torchkeras.models.model import Model

    if not _functional_like_constructor(type(model)):
        # A subclass with its own constructor is not rebuilt from a graph (as in Keras).
        return Model.get_config(model)
    own_nodes = {id(n) for nodes in model._nodes_by_depth.values() for n in nodes}
    new_node_index = {}
    for operation in model._operations:
        kept = 1 if isinstance(operation, Functional) else 0
        for node_index, node in enumerate(operation._inbound_nodes):
            if id(node) in own_nodes:
                new_node_index[(id(operation), node_index)] = kept
                kept += 1

    layer_configs = []
    for operation in model._operations:
        inbound_nodes = []
        for node in operation._inbound_nodes:
            if id(node) in own_nodes:
                node_data = _serialize_node(node, own_nodes)
                if node_data is not None:
                    inbound_nodes.append(node_data)
        layer_config = serialization.serialize_keras_object(operation)
        layer_config["name"] = operation.name
        layer_config["inbound_nodes"] = inbound_nodes
        layer_configs.append(layer_config)

    def tensor_config(x):
        operation, node_index, tensor_index = x._keras_history
        key = (id(operation), node_index)
        if key not in new_node_index:
            raise RuntimeError(
                f"Internal error: could not find node key {operation.name}_ib-{node_index}."
            )
        return [operation.name, new_node_index[key], tensor_index]

    config = {
        "name": model.name,
        "trainable": model.trainable,
        "layers": layer_configs,
        "input_layers": _map_history(tensor_config, model._inputs_struct),
        "output_layers": _map_history(tensor_config, model._outputs_struct),
    }
    return copy.deepcopy(config)


# -- from_config ------------------------------------------------------------------------------
def _node_output(layer, node_index, tensor_index):
    if len(layer._inbound_nodes) <= node_index:
        raise _NodeNotReady(
            "Layer node index out of bounds.\n"
            f"inbound_layer = {layer}\n"
            f"inbound_layer._inbound_nodes = {layer._inbound_nodes}\n"
            f"inbound_node_index = {node_index}"
        )
    return layer._inbound_nodes[node_index].outputs[tensor_index]


def _revive(value, created_layers):
    """Node arguments from their config: symbolic tensors become the rebuilt graph's tensors."""
    if isinstance(value, list):
        return [_revive(v, created_layers) for v in value]
    if not isinstance(value, dict):
        return value
    class_name = value.get("class_name")
    inner = value.get("config") or {}
    if class_name == "__keras_tensor__":
        history = inner.get("keras_history")
        if history is None:
            return KerasTensor(inner["shape"], dtype=inner["dtype"])
        layer = created_layers.get(history[0])
        if layer is None:
            raise ValueError(f"Unknown layer: {history[0]}")
        return _node_output(layer, history[1], history[2])
    if class_name == "__tensor__":
        return torch.as_tensor(np.array(inner["value"], dtype=inner["dtype"]))
    if class_name == "__numpy__":
        return np.array(inner["value"], dtype=inner["dtype"])
    if class_name == "__ellipsis__":
        return Ellipsis
    if class_name == "__slice__":
        return slice(inner["start"], inner["stop"], inner["step"])
    if class_name is not None and "config" in value:
        return serialization.deserialize_keras_object(value)
    return {k: _revive(v, created_layers) for k, v in value.items()}


def _deserialize_node(node_data, created_layers):
    """`(args, kwargs)` of one recorded layer call."""
    if not node_data:
        return [], {}
    if isinstance(node_data, list):
        # tf.keras 2 format: [[layer_name, node_index, tensor_index(, kwargs)], ...].
        input_tensors, kwargs = [], {}
        for input_data in node_data:
            if len(input_data) not in (3, 4):
                raise ValueError("Cannot deserialize the model (invalid config data?)")
            if len(input_data) == 4:
                kwargs = input_data[3]
            name = input_data[0]
            if name not in created_layers:
                raise ValueError(f"Invalid Functional model configuration. Missing node: {name}")
            input_tensors.append(
                _node_output(created_layers[name], input_data[1], input_data[2])
            )
        single = input_tensors[0] if len(input_tensors) == 1 else input_tensors
        return [single], kwargs
    args = _revive(node_data["args"], created_layers)
    kwargs = _revive(node_data["kwargs"], created_layers)
    return args, kwargs


def _is_all_none(value):
    if isinstance(value, dict):
        return all(_is_all_none(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return all(_is_all_none(v) for v in value)
    return value is None


def _strip_recorded_defaults(layer, kwargs):
    """Undo Keras's filled-in `training` default and empty masks, so the rebuilt call is the
    call the user wrote (an explicit `training=False` would override `model.train()`)."""
    try:
        params = inspect.signature(layer.call).parameters
    except (TypeError, ValueError):
        return kwargs
    accepts_any = any(p.kind == p.VAR_KEYWORD for p in params.values())
    kwargs = dict(kwargs)
    for key in list(kwargs):
        param = params.get(key)
        if key == "training" and param is not None and kwargs[key] == param.default:
            del kwargs[key]
        elif (key == "mask" or key.endswith("_mask")) and _is_all_none(kwargs[key]):
            if param is None and not accepts_any:
                del kwargs[key]  # This layer's `call` has no such mask argument.
            elif param is not None and param.default is None:
                del kwargs[key]
    return kwargs


def functional_from_config(cls, config, custom_objects=None):
    """Instantiates a Functional model from its config (from `get_config()`).

    Args:
        cls: Class of the model, e.g. `Functional` or a subclass.
        config: Output of `get_config()` for the original model instance (a Keras 3 config
            written by real Keras loads too).
        custom_objects: Optional dict of custom objects (layer classes, functions).

    Returns:
        An instance of `cls`.
    """
    from torchkeras import layers as layers_module
    from torchkeras.layers.layer import Layer
    from torchkeras.models.functional import Functional

    config = dict(config)
    layer_configs = config.pop("layers")
    input_layers = config.pop("input_layers")
    output_layers = config.pop("output_layers")
    name = config.pop("name", None)
    trainable = config.pop("trainable", None)

    created_layers = {}
    unprocessed_nodes = {}  # layer -> its calls not rebuilt yet, in order

    with object_registry.custom_object_scope(custom_objects or {}):
        for layer_data in layer_configs:
            layer = layers_module.deserialize(layer_data, custom_objects=custom_objects)
            if not isinstance(layer, Layer):
                raise ValueError(
                    "Unexpected object from deserialization, expected a layer or operation, "
                    f"got a {type(layer)}"
                )
            created_layers[layer_data["name"]] = layer
            for node_data in layer_data["inbound_nodes"]:
                # Calls are replayed later: a shared layer may be called at several depths
                # (e.g. A(B(A(B(x))))), so its inputs may not exist yet.
                unprocessed_nodes.setdefault(layer, []).append(node_data)

        while unprocessed_nodes:
            progress = False
            for layer_data in layer_configs:
                layer = created_layers[layer_data["name"]]
                if layer not in unprocessed_nodes:
                    continue
                pending = unprocessed_nodes[layer]
                done = 0
                while done < len(pending):
                    try:
                        args, kwargs = _deserialize_node(pending[done], created_layers)
                    except _NodeNotReady:
                        break
                    layer(*args, **_strip_recorded_defaults(layer, kwargs))
                    done += 1
                if done:
                    progress = True
                if done == len(pending):
                    del unprocessed_nodes[layer]
                else:
                    unprocessed_nodes[layer] = pending[done:]
            if not progress:
                raise ValueError(
                    "Invalid Functional model configuration. The graph of the Functional model "
                    "either has loops or disconnected nodes. The following nodes failed to be "
                    f"resolved: {unprocessed_nodes}"
                )

    def get_tensor(layer_name, node_index, tensor_index):
        if layer_name not in created_layers:
            raise RuntimeError(f"Internal error: could not find layer {layer_name}.")
        layer = created_layers[layer_name]
        if isinstance(layer, Functional):
            node_index -= 1  # See the module docstring.
        return layer._inbound_nodes[node_index].outputs[tensor_index]

    def map_tensors(tensors):
        if isinstance(tensors, list) and len(tensors) == 3 and isinstance(tensors[0], str):
            return get_tensor(*tensors)
        if isinstance(tensors, dict):
            return {k: map_tensors(v) for k, v in tensors.items()}
        if isinstance(tensors, tuple):
            return tuple(map_tensors(v) for v in tensors)
        return [map_tensors(v) for v in tensors]

    inputs = map_tensors(input_layers)
    outputs = map_tensors(output_layers)
    if trainable is not None:
        config["trainable"] = trainable
    return cls(inputs=inputs, outputs=outputs, name=name, **config)
