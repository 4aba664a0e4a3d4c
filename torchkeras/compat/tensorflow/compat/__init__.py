"""`tf.compat`: the `v1` names old scripts call first thing, and `v2` (the `tf` namespace)."""

from torchkeras.compat.tensorflow.compat import v1
from torchkeras.compat.tensorflow.compat import v2


def as_bytes(bytes_or_text, encoding="utf-8"):
    if isinstance(bytes_or_text, str):
        return bytes_or_text.encode(encoding)
    return bytes(bytes_or_text)


def as_text(bytes_or_text, encoding="utf-8"):
    if isinstance(bytes_or_text, bytes):
        return bytes_or_text.decode(encoding)
    return str(bytes_or_text)


as_str = as_text


def forward_compatible(year, month, day):
    return True


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    raise NotImplementedError(
        f"tf.compat.{name} is not provided by torchkeras.compat. See compat/DIFFERENCES.md."
    )


__all__ = ["as_bytes", "as_str", "as_text", "forward_compatible", "v1", "v2"]
