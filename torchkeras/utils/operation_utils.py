"""Walking the functional graph back from a symbolic tensor."""

from torchkeras.utils import tree


def get_source_inputs(tensor):
    """Returns the list of input tensors necessary to compute `tensor`.

    Output will always be a list of tensors (potentially with 1 element).

    Args:
        tensor: The tensor to start from.

    Returns:
        List of input tensors.
    """
    if not hasattr(tensor, "_keras_history"):
        return tensor
    history = tensor._keras_history
    if history is None or not history.operation._inbound_nodes:
        return [tensor]
    node = history.operation._inbound_nodes[history.node_index]
    if node.is_input:
        # Reached an input node: stop.
        return tree.flatten(node.outputs)
    sources = []
    for x in node.input_tensors:
        for source in get_source_inputs(x):
            # Each input once, even when several paths lead to it.
            if all(source is not seen for seen in sources):
                sources.append(source)
    return sources
