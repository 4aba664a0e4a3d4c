"""The registry of custom objects: `register_keras_serializable`, `custom_object_scope`."""

import threading

_GLOBAL_CUSTOM_OBJECTS = {}
_GLOBAL_CUSTOM_NAMES = {}
_SCOPE = threading.local()


def _scoped_objects():
    if not hasattr(_SCOPE, "stack"):
        _SCOPE.stack = []
    return _SCOPE.stack


class CustomObjectScope:
    """Expose custom classes and functions to deserialization inside a `with` block.

    Args:
        custom_objects: Dict mapping names to classes or functions.
    """

    def __init__(self, custom_objects):
        self.custom_objects = dict(custom_objects or {})

    def __enter__(self):
        _scoped_objects().append(self.custom_objects)
        return self

    def __exit__(self, *args, **kwargs):
        _scoped_objects().pop()


custom_object_scope = CustomObjectScope


def get_custom_objects():
    """The global dict of registered custom objects, keyed by registered name."""
    return _GLOBAL_CUSTOM_OBJECTS


def register_keras_serializable(package="Custom", name=None):
    """Register a class or function under `package>name` so that it can be deserialized.

    Args:
        package: Package name the object belongs to. Defaults to `"Custom"`.
        name: Name to register under. Defaults to the object's `__name__`.
    """

    def decorator(arg):
        class_name = name if name is not None else arg.__name__
        registered_name = package + ">" + class_name
        if isinstance(arg, type) and not hasattr(arg, "get_config"):
            raise ValueError("Cannot register a class that does not have a get_config() method.")
        _GLOBAL_CUSTOM_OBJECTS[registered_name] = arg
        _GLOBAL_CUSTOM_NAMES[arg] = registered_name
        return arg

    return decorator


def get_registered_name(obj):
    """The name `obj` was registered under, or its `__name__`."""
    if obj in _GLOBAL_CUSTOM_NAMES:
        return _GLOBAL_CUSTOM_NAMES[obj]
    return getattr(obj, "__name__", type(obj).__name__)


def get_registered_object(name, custom_objects=None, module_objects=None):
    """Find a class or function by name: scopes first, then the registry, then `custom_objects`,
    then `module_objects`. Returns `None` when the name is unknown."""
    for scope in reversed(_scoped_objects()):
        if name in scope:
            return scope[name]
    if name in _GLOBAL_CUSTOM_OBJECTS:
        return _GLOBAL_CUSTOM_OBJECTS[name]
    if custom_objects and name in custom_objects:
        return custom_objects[name]
    if module_objects and name in module_objects:
        return module_objects[name]
    return None
