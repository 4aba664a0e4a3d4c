"""Node: one call of a layer on symbolic tensors, the edge list of a functional graph."""

from torchkeras.backend.keras_tensor import KerasTensor
from torchkeras.utils import tree


class KerasHistory:
    """Where a KerasTensor came from: `(layer, node_index, tensor_index)`."""

    __slots__ = ("operation", "node_index", "tensor_index")

    def __init__(self, operation, node_index, tensor_index):
        self.operation = operation
        self.node_index = node_index
        self.tensor_index = tensor_index

    def __iter__(self):
        return iter((self.operation, self.node_index, self.tensor_index))

    def __getitem__(self, i):
        return (self.operation, self.node_index, self.tensor_index)[i]

    @property
    def layer(self):
        return self.operation


class Node:
    """Records `outputs = layer(*call_args, **call_kwargs)` on symbolic tensors.

    Args:
        operation: The layer that was called.
        call_args: Positional arguments of the call (may contain KerasTensors).
        call_kwargs: Keyword arguments of the call (may contain KerasTensors).
        outputs: The symbolic outputs (a KerasTensor or a nested structure of them).
    """

    def __init__(self, operation, call_args=(), call_kwargs=None, outputs=None):
        self.operation = operation
        self.call_args = tuple(call_args)
        self.call_kwargs = dict(call_kwargs or {})
        self.outputs = [] if outputs is None else tree.flatten(outputs)
        self.input_tensors = [
            x for x in tree.flatten((self.call_args, self.call_kwargs)) if isinstance(x, KerasTensor)
        ]
        self.is_input = not self.input_tensors
        operation._inbound_nodes.append(self)
        for x in self.input_tensors:
            if x._keras_history is not None:
                x._keras_history.operation._outbound_nodes.append(self)
        node_index = len(operation._inbound_nodes) - 1
        for i, tensor in enumerate(self.outputs):
            if isinstance(tensor, KerasTensor):
                tensor._keras_history = KerasHistory(operation, node_index, i)

    @property
    def layer(self):
        return self.operation

    @property
    def parent_nodes(self):
        parents = []
        for x in self.input_tensors:
            if x._keras_history is not None:
                operation, node_index, _ = x._keras_history
                node = operation._inbound_nodes[node_index]
                if node not in parents:
                    parents.append(node)
        return parents
