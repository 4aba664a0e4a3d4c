"""Functional: a model defined by a graph of layer calls on symbolic tensors.

At construction the graph is sorted once (the order Keras uses for `model.layers` and weights),
and turned into a flat list of steps. A call then runs each step on real tensors, with no graph
walking per call.
"""

import collections

import numpy as np
import torch

from torchkeras.backend.keras_tensor import KerasTensor
from torchkeras.layers.layer import Layer
from torchkeras.models.model import Model
from torchkeras.utils import tree


_DONE = object()


def _build_map(inputs, outputs):
    """Depth-first walk from the outputs: nodes from inputs to outputs, first-visit indices."""
    finished, in_progress = set(), set()
    ordered_nodes = []
    operation_indices = {}
    flat_inputs = [id(x) for x in inputs]

    def enter(tensor):
        """Start visiting `tensor`'s node; `None` when there is nothing to visit."""
        if tensor._keras_history is None:
            raise ValueError(
                "Output tensors of a Functional model must be the output of a torchkeras layer "
                f"call. Received: {tensor}"
            )
        operation, node_index, _ = tensor._keras_history
        node = operation._inbound_nodes[node_index]
        if node in finished:
            return None
        if not node.is_input and id(tensor) in flat_inputs:
            finished.add(node)
            return None
        if node in in_progress:
            raise ValueError(
                f"Tensor {tensor} from operation '{operation.name}' is part of a cycle."
            )
        if operation not in operation_indices:
            operation_indices[operation] = len(operation_indices)
        in_progress.add(node)
        return node

    def visit(tensor):
        # Iterative (deep models such as ResNetRS-420 exceed Python's recursion limit), with
        # the order of a recursive walk: first visits in pre-order, nodes in post-order.
        node = enter(tensor)
        if node is None:
            return
        stack = [(node, iter(() if node.is_input else node.input_tensors))]
        while stack:
            node, pending = stack[-1]
            child = next(pending, _DONE)
            if child is _DONE:
                stack.pop()
                finished.add(node)
                in_progress.remove(node)
                ordered_nodes.append(node)
                continue
            child_node = enter(child)
            if child_node is not None:
                stack.append(
                    (child_node, iter(() if child_node.is_input else child_node.input_tensors))
                )

    for output in outputs:
        visit(output)
    return ordered_nodes, operation_indices


def map_graph(inputs, outputs):
    """Sort the graph between `inputs` and `outputs` (flat lists of KerasTensors) by depth.

    Returns `(nodes_by_depth, operations)`, with operations ordered as Keras orders
    `model.layers`: by decreasing depth, then by first traversal.
    """
    ordered_nodes, operation_indices = _build_map(inputs, outputs)
    in_graph = set(ordered_nodes)
    node_depths, operation_depths = {}, {}
    for node in reversed(ordered_nodes):
        depth = node_depths.setdefault(node, 0)
        depth = max(depth, operation_depths.get(node.operation, 0))
        operation_depths[node.operation] = depth
        node_depths[node] = depth
        for parent in node.parent_nodes:
            if parent in in_graph:
                node_depths[parent] = max(depth + 1, node_depths.get(parent, 0))
    for x in inputs:
        operation = x._keras_history.operation
        if operation not in operation_depths:
            node = operation._inbound_nodes[x._keras_history.node_index]
            if node.is_input:
                operation_depths[operation] = 0
                operation_indices[operation] = -1
                node_depths[node] = 0

    nodes_by_depth = collections.defaultdict(list)
    for node, depth in node_depths.items():
        nodes_by_depth[depth].append(node)
    operations_by_depth = collections.defaultdict(list)
    for operation, depth in operation_depths.items():
        operations_by_depth[depth].append(operation)
    operations = []
    for depth in sorted(operations_by_depth, reverse=True):
        ops = sorted(operations_by_depth[depth], key=lambda op: operation_indices[op])
        operations.extend(ops)

    computable = {id(x) for x in inputs}
    done = []
    for depth in sorted(nodes_by_depth, reverse=True):
        for node in nodes_by_depth[depth]:
            for x in node.input_tensors:
                if id(x) not in computable:
                    raise ValueError(
                        f"Graph disconnected: cannot find parent for tensor {x} at operation "
                        f"'{node.operation}'. The following previous operations were accessed "
                        f"without issue: {done}"
                    )
                done.append(node.operation.name)
            for x in node.outputs:
                computable.add(id(x))
    names = [op.name for op in operations]
    for name in names:
        if names.count(name) != 1:
            raise ValueError(
                f'The name "{name}" is used {names.count(name)} times in the model. All '
                "operation names should be unique."
            )
    return nodes_by_depth, operations


def _check_outputs_connected(steps, flat_inputs, outputs):
    """Every output must be computable from the declared inputs (an Input that is not among them
    makes the outputs that depend on it unreachable)."""
    computable = {id(x) for x in flat_inputs}
    for step in steps:
        if all(id(step.flat_args[i]) in computable for i in step.slots):
            computable.update(step.output_ids)
    paths = _flat_paths(outputs)
    for path, x in zip(paths, tree.flatten(outputs)):
        if id(x) not in computable:
            raise ValueError(f"Output with path `{path}` is not connected to `inputs`")


def _restore_masks(step, values, seen_masks):
    for i in step.slots:
        key = id(step.flat_args[i])
        mask = seen_masks.get(key)
        if mask is not None and getattr(values[key], "_keras_mask", None) is None:
            values[key]._keras_mask = mask


def _flat_paths(structure, prefix=()):
    if isinstance(structure, dict):
        return [p for k in sorted(structure) for p in _flat_paths(structure[k], prefix + (k,))]
    if isinstance(structure, (list, tuple)):
        return [p for i, v in enumerate(structure) for p in _flat_paths(v, prefix + (i,))]
    return [".".join(str(p) for p in prefix)]


class _Step:
    """One layer call of the graph: where its arguments come from and where outputs go."""

    __slots__ = (
        "layer", "flat_args", "slots", "structure", "output_ids", "has_training_arg", "single",
    )

    def __init__(self, node):
        self.layer = node.operation
        structure = (node.call_args, node.call_kwargs)
        flat = tree.flatten(structure)
        self.structure = structure
        self.flat_args = flat
        self.slots = [i for i, x in enumerate(flat) if isinstance(x, KerasTensor)]
        self.output_ids = [id(x) for x in node.outputs]
        self.has_training_arg = self.layer._keras_sig.has_training_arg
        # The common case, `layer(x)`, skips packing argument structures.
        self.single = (
            len(node.call_args) == 1
            and not node.call_kwargs
            and isinstance(node.call_args[0], KerasTensor)
        )


class Functional(Model):
    """A model defined by its inputs and outputs (built with `keras.Model(inputs, outputs)`).

    Args:
        inputs: Input tensor(s) from `keras.Input`: one, a list, or a dict.
        outputs: Output tensor(s): one, a list, or a dict.
        name: Name of the model.
    """

    def __new__(cls, *args, **kwargs):
        return Layer.__new__(cls)

    def __init__(self, inputs, outputs, name=None, **kwargs):
        from torchkeras.trainers.trainer import Trainer

        trainable = kwargs.pop("trainable", True)
        Trainer.__init__(self)
        Layer.__init__(self, name=name, trainable=trainable, **kwargs)
        if isinstance(inputs, dict):
            for key, x in inputs.items():
                if not isinstance(x, KerasTensor):
                    raise ValueError(
                        "All `inputs` values must be KerasTensors. Received: "
                        f"inputs={inputs} including invalid value {x} of type {type(x)}"
                    )
        if isinstance(outputs, (list, tuple)) and len(outputs) == 1:
            outputs = outputs[0]  # As Keras: a one-output model returns a tensor, not a list.
        flat_inputs = tree.flatten(inputs)
        flat_outputs = tree.flatten(outputs)
        for x in flat_inputs:
            if not isinstance(x, KerasTensor):
                raise ValueError(
                    "All `inputs` values must be KerasTensors. Received: "
                    f"inputs={inputs} including invalid value {x} of type {type(x)}"
                )
            if x._keras_history is None:
                raise ValueError(
                    "Input tensors to a Functional model must come from `keras.Input`. "
                    f"Received: {x}"
                )
        for x in flat_outputs:
            if not isinstance(x, KerasTensor):
                raise ValueError(
                    "All `outputs` values must be KerasTensors. Received: "
                    f"outputs={outputs} including invalid value {x} of type {type(x)}"
                )
        self._inputs_struct = inputs
        self._outputs_struct = outputs
        self._inputs = flat_inputs
        self._outputs = flat_outputs
        nodes_by_depth, operations = map_graph(flat_inputs, flat_outputs)
        self._nodes_by_depth = nodes_by_depth
        # Plain lists: the layers are registered as modules below, under their names.
        object.__setattr__(self, "_operations", operations)
        for operation in operations:
            key = operation.name.replace(".", "_")
            self._modules[key] = operation
        steps = [
            _Step(node)
            for depth in sorted(nodes_by_depth, reverse=True)
            for node in nodes_by_depth[depth]
            if not node.is_input
        ]
        object.__setattr__(self, "_steps", steps)
        _check_outputs_connected(steps, flat_inputs, outputs)
        self._input_ids = [id(x) for x in flat_inputs]
        self._output_ids = [id(x) for x in flat_outputs]
        self._input_names = [
            x._keras_history.operation.name if x._keras_history else None for x in flat_inputs
        ]
        self._build_shapes_dict = {
            "input_shape": tree.map_structure(lambda x: x.shape, inputs)
        }
        self.built = True

    @property
    def layers(self):
        return list(self._operations)

    @property
    def _layers(self):
        return list(self._operations)

    @property
    def inputs(self):
        return self._inputs

    @property
    def outputs(self):
        return self._outputs

    @property
    def input(self):
        return self._inputs_struct

    @property
    def output(self):
        return self._outputs_struct

    @property
    def input_shape(self):
        return tree.map_structure(lambda x: x.shape, self._inputs_struct)

    @property
    def output_shape(self):
        return tree.map_structure(lambda x: x.shape, self._outputs_struct)

    def _flatten_inputs(self, inputs):
        if isinstance(inputs, dict):
            if isinstance(self._inputs_struct, dict):
                missing = [k for k in self._inputs_struct if k not in inputs]
                if missing:
                    raise ValueError(
                        f"Model '{self.name}': missing data for input(s) {missing}. Expected "
                        f"the following keys: {list(self._inputs_struct)}. Received: "
                        f"{list(inputs)}"
                    )
                return tree.flatten({k: inputs[k] for k in self._inputs_struct})
            if all(name in inputs for name in self._input_names):
                return [inputs[name] for name in self._input_names]
        flat = tree.flatten(inputs)
        if len(flat) != len(self._inputs):
            raise ValueError(
                f'Layer "{self.name}" expects {len(self._inputs)} input(s), but it received '
                f"{len(flat)} input tensors. Inputs received: {inputs!r:.200}"
            )
        return flat

    def _standardize_input(self, x, ref):
        if ref.dtype == "string":
            # String inputs stay NumPy arrays, for the string preprocessing layers.
            x = np.asarray(x)
            if x.ndim == len(ref.shape) - 1 and ref.shape[-1] == 1:
                x = x[..., None]
            return x
        if not isinstance(x, torch.Tensor):
            from torchkeras import backend

            x = backend.convert_to_tensor(x)
        if x.is_floating_point() and ref.dtype.startswith(("float", "bfloat")):
            from torchkeras.backend import dtypes

            wanted = dtypes.to_torch_dtype(ref.dtype)
            if x.dtype != wanted:
                x = x.to(wanted)
        ref_rank = len(ref.shape)
        if x.dim() == ref_rank + 1 and x.shape[-1] == 1:
            x = x.squeeze(-1)
        elif x.dim() == ref_rank - 1 and ref.shape[-1] == 1:
            x = x.unsqueeze(-1)
        return x

    def call(self, inputs, training=None, mask=None):
        flat = self._flatten_inputs(inputs)
        values = {}
        masks = tree.flatten(mask) if mask is not None else None
        for i, (x, ref, key) in enumerate(zip(flat, self._inputs, self._input_ids)):
            x = self._standardize_input(x, ref)
            if masks is not None and i < len(masks) and masks[i] is not None:
                x._keras_mask = masks[i]
            values[key] = x
        # Masks seen on the graph's tensors, by tensor. Keras fixes each layer's input mask when
        # the graph is built; a layer that takes the mask off its input at run time (as
        # MultiHeadAttention does) must not hide it from the layers after it.
        seen_masks = {}
        for key, x in values.items():
            if getattr(x, "_keras_mask", None) is not None:
                seen_masks[key] = x._keras_mask
        for step in self._steps:
            if seen_masks:
                _restore_masks(step, values, seen_masks)
            if step.single:
                x = values[id(step.flat_args[0])]
                if training is not None and step.has_training_arg:
                    outputs = step.layer(x, training=training)
                else:
                    outputs = step.layer(x)
            else:
                args = list(step.flat_args)
                for i in step.slots:
                    args[i] = values[id(step.flat_args[i])]
                call_args, call_kwargs = tree.pack_sequence_as(step.structure, args)
                if training is not None and step.has_training_arg:
                    call_kwargs = dict(call_kwargs)
                    call_kwargs["training"] = training
                outputs = step.layer(*call_args, **call_kwargs)
            if len(step.output_ids) == 1:
                values[step.output_ids[0]] = outputs if not isinstance(
                    outputs, (list, tuple, dict)
                ) else tree.flatten(outputs)[0]
            else:
                for key, value in zip(step.output_ids, tree.flatten(outputs)):
                    values[key] = value
            for key in step.output_ids:
                mask = getattr(values[key], "_keras_mask", None)
                if mask is not None:
                    seen_masks[key] = mask
        flat_outputs = [values[key] for key in self._output_ids]
        return tree.pack_sequence_as(self._outputs_struct, flat_outputs)

    def compute_output_spec(self, inputs, training=None, mask=None):
        flat = self._flatten_inputs(inputs)
        values = dict(zip(self._input_ids, flat))
        for step in self._steps:
            args = list(step.flat_args)
            for i in step.slots:
                args[i] = values[id(step.flat_args[i])]
            call_args, call_kwargs = tree.pack_sequence_as(step.structure, args)
            outputs = step.layer.compute_output_spec(*call_args, **call_kwargs)
            for key, value in zip(step.output_ids, tree.flatten(outputs)):
                values[key] = value
        return tree.pack_sequence_as(
            self._outputs_struct, [values[key] for key in self._output_ids]
        )

    def compute_output_shape(self, input_shape):
        specs = tree.map_structure(
            lambda s: KerasTensor(s), input_shape
        ) if not isinstance(input_shape, tuple) or (
            input_shape and isinstance(input_shape[0], (tuple, list))
        ) else KerasTensor(input_shape)
        return tree.map_structure(lambda t: t.shape, self.compute_output_spec(specs))

    def build(self, input_shape=None):
        self.built = True

    def get_build_config(self):
        # A functional model is built by construction; Keras records no input shape.
        return {"input_shape": None}

    def get_config(self):
        from torchkeras.models import functional_config

        return functional_config.get_functional_config(self)

    @classmethod
    def from_config(cls, config, custom_objects=None):
        from torchkeras.models import functional_config

        return functional_config.functional_from_config(cls, config, custom_objects)
