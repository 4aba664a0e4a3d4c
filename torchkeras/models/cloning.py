"""`keras.models.clone_model`: a new model with the same structure and new layers."""

from torchkeras.backend.keras_tensor import KerasTensor
from torchkeras.utils import tree


def _default_clone(layer):
    # New layer from the config: fresh weights, as in Keras.
    return layer.__class__.from_config(layer.get_config())


def _wrap_clone_function(clone_function, recursive, cache, call_function=None):
    """Clone each layer once (shared layers stay shared), recursing into sub-models on request."""
    from torchkeras.models.functional import Functional
    from torchkeras.models.sequential import Sequential

    clone_function = clone_function or _default_clone

    def wrapped(layer):
        if id(layer) in cache:
            return cache[id(layer)]
        if recursive and isinstance(layer, Sequential):
            clone = clone_model(layer, clone_function=clone_function, recursive=True, cache=cache)
        elif recursive and isinstance(layer, Functional):
            clone = clone_model(
                layer, clone_function=clone_function, call_function=call_function,
                recursive=True, cache=cache,
            )
        else:
            clone = clone_function(layer)
        cache[id(layer)] = clone
        return clone

    return wrapped


def _compile_like(new_model, model):
    if getattr(model, "compiled", False):
        new_model.compile_from_config(model.get_compile_config())
    return new_model


def _clone_sequential(model, clone_function, input_tensors):
    from torchkeras.layers.core.input_layer import Input
    from torchkeras.layers.core.input_layer import InputLayer
    from torchkeras.models.sequential import Sequential

    new_layers = [clone_function(layer) for layer in model.layers]
    ref = model._layers[0] if model._layers else None
    if isinstance(ref, InputLayer):
        name, batch_shape, dtype, optional = ref.name, ref.batch_shape, ref.dtype, ref.optional
    else:
        name, batch_shape, dtype, optional = None, None, None, False
    if input_tensors is not None:
        if isinstance(input_tensors, (list, tuple)):
            if len(input_tensors) != 1:
                raise ValueError("Argument `input_tensors` must contain a single tensor.")
            input_tensors = input_tensors[0]
        if not isinstance(input_tensors, KerasTensor):
            raise ValueError(
                "Argument `input_tensors` must be a KerasTensor. "
                f"Received invalid value: input_tensors={input_tensors}"
            )
        new_layers = [Input(tensor=input_tensors, name=name, optional=optional)] + new_layers
    elif batch_shape is not None:
        new_layers = [
            Input(batch_shape=batch_shape, dtype=dtype, name=name, optional=optional)
        ] + new_layers
    new_model = Sequential(new_layers, name=model.name, trainable=model.trainable)
    return _compile_like(new_model, model)


def _input_name(x):
    # Keras names the new Input after the tensor: the Input's name when one was given, else
    # the tensor's automatic name (`keras_tensor...`).
    layer_name = x._keras_history.operation.name
    if layer_name.startswith("input_layer"):
        return x.name
    return layer_name


def _clone_functional(model, clone_function, input_tensors, call_function=None):
    from torchkeras.layers.core.input_layer import Input
    from torchkeras.models.functional import Functional
    from torchkeras.models.functional import map_graph

    if input_tensors is not None:
        if not all(isinstance(x, KerasTensor) for x in tree.flatten(input_tensors)):
            raise ValueError(
                "All entries in `input_tensors` must be KerasTensors. "
                f"Received invalid values: inputs_tensors={input_tensors}"
            )
        if len(tree.flatten(input_tensors)) != len(tree.flatten(model.input)):
            raise ValueError(
                "`input_tensors` must have the same structure as model.input"
                f"\nReference structure: {model.input}"
                f"\nReceived structure: {input_tensors}"
            )
        if isinstance(model.input, (list, tuple)) and not isinstance(
            input_tensors, (list, tuple)
        ):
            input_tensors = [input_tensors]
        new_inputs = tree.pack_sequence_as(model.input, tree.flatten(input_tensors))
    else:
        new_inputs = tree.map_structure(
            lambda x: Input(batch_shape=x.shape, dtype=x.dtype, name=_input_name(x)),
            model.input,
        )
    old_inputs = tree.flatten(model.input)
    old_outputs = tree.flatten(model.output)
    mapping = {id(old): new for old, new in zip(old_inputs, tree.flatten(new_inputs))}
    nodes_by_depth, _ = map_graph(old_inputs, old_outputs)

    def swap(x):
        return mapping[id(x)] if isinstance(x, KerasTensor) else x

    for depth in sorted(nodes_by_depth, reverse=True):
        for node in nodes_by_depth[depth]:
            if node.is_input or any(id(x) in mapping for x in node.outputs):
                continue
            layer = clone_function(node.operation)
            args = tree.map_structure(swap, node.call_args)
            kwargs = tree.map_structure(swap, node.call_kwargs)
            if call_function is not None:
                outputs = tree.flatten(call_function(layer, *args, **kwargs))
            else:
                outputs = tree.flatten(layer(*args, **kwargs))
            for old, new in zip(node.outputs, outputs):
                mapping[id(old)] = new
    new_outputs = tree.pack_sequence_as(model.output, [mapping[id(x)] for x in old_outputs])
    new_model = Functional(new_inputs, new_outputs, name=model.name)
    return _compile_like(new_model, model)


def clone_model(model, input_tensors=None, clone_function=None, call_function=None,
                recursive=False, **kwargs):
    """Clone a Functional or Sequential `Model` instance.

    Model cloning is similar to calling a model on new inputs, except that it creates new
    layers (and thus new weights) instead of sharing the weights of the existing layers.

    Note that `clone_model` will not preserve the uniqueness of shared objects within the
    model (e.g. a single variable attached to two distinct layers will be restored as two
    separate variables).

    Args:
        model: Instance of `Model` (could be a Functional model or a Sequential model).
        input_tensors: optional list of input tensors or InputLayer objects to build the model
            upon. If not provided, new `Input` objects will be created.
        clone_function: Callable with signature `fn(layer)` to be used to clone each layer in
            the target model (except `Input` instances). It takes as argument the layer
            instance to be cloned, and returns the corresponding layer instance to be used in
            the model copy. If unspecified, this callable defaults to the following
            serialization/deserialization function:
            `lambda layer: layer.__class__.from_config(layer.get_config())`.
            By passing a custom callable, you can customize your copy of the model, e.g. by
            wrapping certain layers of interest (you might want to replace all `LSTM`
            instances with equivalent `Bidirectional(LSTM(...))` instances, for example).
            Defaults to `None`.
        call_function: Callable with signature `fn(layer, *args, **kwargs)` to be used to call
            each cloned layer and a set of inputs. It takes the layer instance, the call
            arguments and keyword arguments, and returns the call outputs. If unspecified,
            this callable defaults to the regular `__call__()` method:
            `def fn(layer, *args, **kwargs): return layer(*args, **kwargs)`. By passing a
            custom callable, you can insert new layers before or after a given layer.
            Functional models only.
        recursive: Boolean. Whether to recursively clone any Sequential or Functional models
            encountered in the original Sequential/Functional model. If `False`, then inner
            models are cloned by calling `clone_function()`. If `True`, then inner models are
            cloned by calling `clone_model()` with the same `clone_function`. Defaults to
            `False`.

    Returns:
        An instance of `Model` reproducing the behavior of the original model, on top of new
        inputs tensors, using newly instantiated weights. The cloned model may behave
        differently from the original model if a custom `clone_function` modifies a layer.

    Example:

    ```python
    # Create a new model with the same structure and new weights.
    new_model = keras.models.clone_model(model)
    new_model.set_weights(model.get_weights())  # Copy the weights as well.
    ```
    """
    from torchkeras import layers
    from torchkeras.models.functional import Functional
    from torchkeras.models.sequential import Sequential
    from torchkeras.saving import serialization

    cache = kwargs.pop("cache", None)
    if kwargs:
        raise ValueError(f"Unexpected keyword argument(s): {tuple(kwargs.keys())}")
    if isinstance(model, Sequential):
        if call_function is not None:
            raise ValueError(
                "`call_function` argument is not supported with Sequential models.  In a "
                "Sequential model, layers aren't called at model-construction time (they're "
                "merely listed). Use `call_function` with Functional models only. Received model "
                f"of type '{model.__class__.__name__}', with call_function={clone_function}"
            )
        wrapped = _wrap_clone_function(clone_function, recursive, {} if cache is None else cache)
        return _clone_sequential(model, wrapped, input_tensors)
    if isinstance(model, Functional):
        wrapped = _wrap_clone_function(
            clone_function, recursive, {} if cache is None else cache, call_function
        )
        return _clone_functional(model, wrapped, input_tensors, call_function)
    if clone_function or input_tensors:
        raise ValueError(
            "Arguments `clone_function` and `input_tensors` are only supported for Sequential "
            "models or Functional models. Received model of "
            f"type '{model.__class__.__name__}', with clone_function={clone_function} and "
            f"input_tensors={input_tensors}"
        )
    if call_function is not None:
        raise ValueError(
            "Argument `call_function` is only supported for Functional models. Received model "
            f"of type '{model.__class__.__name__}', with call_function={clone_function}"
        )
    config = serialization.serialize_keras_object(model)
    return layers.deserialize(config, custom_objects={model.__class__.__name__: model.__class__})
