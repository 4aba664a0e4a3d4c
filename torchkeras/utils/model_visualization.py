"""`keras.utils.model_to_dot` and `keras.utils.plot_model`: draw a model's graph with pydot.

pydot (and the graphviz binaries for `plot_model`) are optional: they are looked up when a
function is called, with Keras's messages when missing.
"""

import os
import sys

from torchkeras.utils import io_utils
from torchkeras.utils import tree


def _pydot():
    """The pydot module (or its forks pydot_ng / pydotplus), or `None`."""
    for name in ("pydot", "pydot_ng", "pydotplus"):
        try:
            return __import__(name)
        except ImportError:
            continue
    return None


def check_pydot():
    """Returns True if PyDot is available."""
    return _pydot() is not None


def check_graphviz():
    """Returns True if both PyDot and Graphviz are available."""
    pydot = _pydot()
    if pydot is None:
        return False
    try:
        # Rendering a blank graph checks that the graphviz binaries run.
        pydot.Dot.create(pydot.Dot())
        return True
    except (OSError, pydot.PydotException):
        return False


def _check_built(model):
    if not model.built:
        raise ValueError(
            "This model has not yet been built. "
            "Build the model first by calling `build()` or by calling "
            "the model on a batch of data."
        )


def _add_edge(pydot, dot, src, dst):
    src_id, dst_id = str(id(src)), str(id(dst))
    if not dot.get_edge(src_id, dst_id):
        edge = pydot.Edge(src_id, dst_id)
        edge.set("penwidth", "2")
        dot.add_edge(edge)


def _activation_name(layer):
    activation = layer.activation
    if hasattr(activation, "name"):
        return activation.name
    if hasattr(activation, "__name__"):
        return activation.__name__
    return str(activation)


def _format_shape(shape):
    if shape is None:
        return "?"
    if isinstance(shape, dict):
        text = ", ".join(f"{k}: {v}" for k, v in shape.items())
    else:
        text = f"{shape}"
    return text.replace("}", "").replace("{", "")


def make_layer_label(layer, show_layer_names, show_layer_activations, show_dtype, show_shapes,
                     show_trainable):
    """The HTML-like graphviz label Keras draws for one layer."""
    class_name = layer.__class__.__name__
    table = '<<table border="0" cellborder="1" bgcolor="black" cellpadding="10">'
    colspan = max(1, sum(int(x) for x in (show_dtype, show_trainable)) + (2 if show_shapes else 0))
    title = f"<b>{layer.name}</b> ({class_name})" if show_layer_names else f"<b>{class_name}</b>"
    table += (
        f'<tr><td colspan="{colspan}" bgcolor="black">'
        f'<font point-size="16" color="white">{title}</font></td></tr>'
    )
    if show_layer_activations and getattr(layer, "activation", None) is not None:
        table += (
            f'<tr><td bgcolor="white" colspan="{colspan}"><font point-size="14">'
            f"Activation: <b>{_activation_name(layer)}</b></font></td></tr>"
        )
    cols = []
    if show_shapes:
        input_shape = output_shape = None
        try:
            input_shape = tree.map_structure(lambda x: x.shape, layer.input)
            output_shape = tree.map_structure(lambda x: x.shape, layer.output)
        except (ValueError, AttributeError, RuntimeError):
            pass
        if class_name != "InputLayer":
            cols.append(
                '<td bgcolor="white"><font point-size="14">'
                f"Input shape: <b>{_format_shape(input_shape)}</b></font></td>"
            )
        cols.append(
            '<td bgcolor="white"><font point-size="14">'
            f"Output shape: <b>{_format_shape(output_shape)}</b></font></td>"
        )
    if show_dtype:
        dtype = None
        try:
            dtype = tree.map_structure(lambda x: x.dtype, layer.output)
        except (ValueError, AttributeError, RuntimeError):
            pass
        cols.append(
            '<td bgcolor="white"><font point-size="14">'
            f"Output dtype: <b>{dtype or '?'}</b></font></td>"
        )
    if show_trainable and hasattr(layer, "trainable") and layer.weights:
        if layer.trainable:
            cols.append('<td bgcolor="forestgreen"><font point-size="14" color="white">'
                        "<b>Trainable</b></font></td>")
        else:
            cols.append('<td bgcolor="firebrick"><font point-size="14" color="white">'
                        "<b>Non-trainable</b></font></td>")
    if cols:
        table += f"<tr>{''.join(cols)}</tr>"
    return table + "</table>>"


def _make_node(pydot, layer, **kwargs):
    node = pydot.Node(str(id(layer)), label=make_layer_label(layer, **kwargs))
    node.set("fontname", "Helvetica")
    node.set("border", "0")
    node.set("margin", "0")
    return node


def model_to_dot(
    model,
    show_shapes=False,
    show_dtype=False,
    show_layer_names=True,
    rankdir="TB",
    expand_nested=False,
    dpi=200,
    subgraph=False,
    show_layer_activations=False,
    show_trainable=False,
    splines="ortho",
    **kwargs,
):
    """Convert a Keras model to dot format.

    Args:
        model: A Keras model instance.
        show_shapes: whether to display shape information.
        show_dtype: whether to display layer dtypes.
        show_layer_names: whether to display layer names.
        rankdir: `rankdir` argument passed to PyDot, a string specifying the format of the
            plot: `"TB"` creates a vertical plot; `"LR"` creates a horizontal plot.
        expand_nested: whether to expand nested Functional models into clusters.
        dpi: Image resolution in dots per inch.
        subgraph: whether to return a `pydot.Cluster` instance.
        show_layer_activations: Display layer activations (only for layers that have an
            `activation` property).
        show_trainable: whether to display if a layer is trainable.
        splines: Controls how edges are drawn. Defaults to `"ortho"` (right-angle lines). Other
            options include `"curved"`, `"polyline"`, `"spline"`, and `"line"`.

    Returns:
        A `pydot.Dot` instance representing the Keras model or a `pydot.Cluster` instance
        representing nested model if `subgraph=True`.
    """
    from torchkeras.models.functional import Functional
    from torchkeras.models.sequential import Sequential

    _check_built(model)
    pydot = _pydot()
    if pydot is None:
        raise ImportError(
            "You must install pydot (`pip install pydot`) for model_to_dot to work."
        )
    if subgraph:
        dot = pydot.Cluster(style="dashed", graph_name=model.name)
        dot.set("label", model.name)
        dot.set("labeljust", "l")
    else:
        dot = pydot.Dot()
        dot.set("rankdir", rankdir)
        dot.set("concentrate", True)
        dot.set("dpi", dpi)
        dot.set("splines", splines)
        dot.set_node_defaults(shape="record")
    if kwargs.pop("layer_range", None) is not None:
        raise ValueError("Argument `layer_range` is no longer supported.")
    if kwargs:
        raise ValueError(f"Unrecognized keyword arguments: {kwargs}")
    options = dict(show_layer_names=show_layer_names,
                   show_layer_activations=show_layer_activations, show_dtype=show_dtype,
                   show_shapes=show_shapes, show_trainable=show_trainable)
    nested = (Functional, Sequential)

    if isinstance(model, Sequential):
        layers = model.layers
    elif not isinstance(model, Functional):
        dot.add_node(_make_node(pydot, model, **options))  # a subclassed model is one box
        return dot
    else:
        layers = model._operations

    for layer in layers:
        if expand_nested and isinstance(layer, nested):
            dot.add_subgraph(model_to_dot(
                layer, show_shapes, show_dtype, show_layer_names, rankdir, expand_nested,
                subgraph=True, show_layer_activations=show_layer_activations,
                show_trainable=show_trainable))
        else:
            dot.add_node(_make_node(pydot, layer, **options))

    if isinstance(model, Sequential):
        if not expand_nested:
            for i in range(len(layers) - 1):
                _add_edge(pydot, dot, layers[i], layers[i + 1])
            return dot
        layers = model.layers[1:]

    own_nodes = None
    if isinstance(model, Functional):
        own_nodes = {id(n) for nodes in model._nodes_by_depth.values() for n in nodes}
    for layer in layers:
        for node in layer._inbound_nodes:
            if own_nodes is not None and id(node) not in own_nodes:
                continue
            for input_index, input_tensor in enumerate(node.input_tensors):
                history = input_tensor._keras_history
                if history is None or history.operation is None:
                    continue
                source = history.operation._inbound_nodes[history.node_index].operation
                output_index = history.tensor_index
                destination = layer
                if not expand_nested:
                    _add_edge(pydot, dot, source, layer)
                    continue
                # Nested models have no boxes of their own: connect the real layers inside.
                while isinstance(source, nested):
                    source, _, output_index = source.outputs[output_index]._keras_history
                while isinstance(destination, nested):
                    if isinstance(destination, Functional):
                        destination = destination.inputs[input_index]._keras_history.operation
                    else:
                        destination = destination.layers[0]
                _add_edge(pydot, dot, source, destination)
    return dot


def plot_model(
    model,
    to_file="model.png",
    show_shapes=False,
    show_dtype=False,
    show_layer_names=False,
    rankdir="TB",
    expand_nested=False,
    dpi=200,
    show_layer_activations=False,
    show_trainable=False,
    splines="ortho",
    **kwargs,
):
    """Converts a Keras model to dot format and save to a file.

    Needs pydot and the graphviz binaries. In a notebook (IPython) a missing one is reported
    with a message instead of an error, as in Keras.

    Example:

    ```python
    keras.utils.plot_model(model, to_file="/tmp/model_1.png", show_shapes=True)
    ```

    Args:
        model: A Keras model instance
        to_file: File name of the plot image.
        show_shapes: whether to display shape information.
        show_dtype: whether to display layer dtypes.
        show_layer_names: whether to display layer names.
        rankdir: `rankdir` argument passed to PyDot: `"TB"` creates a vertical plot; `"LR"`
            creates a horizontal plot.
        expand_nested: whether to expand nested Functional models into clusters.
        dpi: Image resolution in dots per inch.
        show_layer_activations: Display layer activations (only for layers that have an
            `activation` property).
        show_trainable: whether to display if a layer is trainable.
        splines: Controls how edges are drawn. Defaults to `"ortho"` (right-angle lines).

    Returns:
        A Jupyter notebook Image object if Jupyter is installed.
    """
    _check_built(model)
    in_notebook = "IPython.core.magics.namespace" in sys.modules
    if not check_pydot():
        message = "You must install pydot (`pip install pydot`) for `plot_model` to work."
        if in_notebook:
            # Keras does not raise in notebooks, so notebook runs without graphviz go on.
            io_utils.print_msg(message)
            return None
        raise ImportError(message)
    if not check_graphviz():
        message = (
            "You must install graphviz "
            "(see instructions at https://graphviz.gitlab.io/download/) "
            "for `plot_model` to work."
        )
        if in_notebook:
            io_utils.print_msg(message)
            return None
        raise ImportError(message)
    if kwargs.pop("layer_range", None) is not None:
        raise ValueError("Argument `layer_range` is no longer supported.")
    if kwargs:
        raise ValueError(f"Unrecognized keyword arguments: {kwargs}")
    dot = model_to_dot(model, show_shapes=show_shapes, show_dtype=show_dtype,
                       show_layer_names=show_layer_names, rankdir=rankdir,
                       expand_nested=expand_nested, dpi=dpi,
                       show_layer_activations=show_layer_activations,
                       show_trainable=show_trainable, splines=splines)
    to_file = str(to_file)
    if dot is None:
        return None
    extension = os.path.splitext(to_file)[1][1:] or "png"
    dot.write(to_file, format=extension)
    if extension != "pdf":
        try:
            from IPython import display

            return display.Image(filename=to_file)
        except ImportError:
            pass
    return None
