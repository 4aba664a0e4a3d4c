"""tf.keras 2's `models.model_from_config` and `models.model_from_yaml` (the latter removed)."""


def model_from_config(config, custom_objects=None):
    """Instantiates a model (or layer) from its config dict `{"class_name": ..., "config": ...}`.

    Args:
        config: Configuration dictionary.
        custom_objects: Optional dictionary mapping names (strings) to custom classes or
            functions to be considered during deserialization.

    Returns:
        A model instance (uncompiled).

    Example:

    >>> config = {"class_name": "Sequential", "config": model.get_config()}
    >>> keras.models.model_from_config(config)
    """
    if isinstance(config, list):
        raise TypeError(
            "`model_from_config` expects a dictionary, not a list. "
            f"Received: config={config}. Did you meant to use "
            "`Sequential.from_config(config)`?"
        )
    from torchkeras import layers

    return layers.deserialize(config, custom_objects=custom_objects)


def model_from_yaml(yaml_string, custom_objects=None):
    """Removed in tf.keras 2: raises `RuntimeError`, as tf.keras 2 does."""
    raise RuntimeError(
        "Method `model_from_yaml()` has been removed due to security risk of arbitrary code "
        "execution. Please use `Model.to_json()` and `model_from_json()` instead."
    )
