"""`tf.errors`: the exception classes TensorFlow ops raise (scripts catch them by name)."""


class OpError(Exception):
    """The base class of the errors an op raises (TensorFlow's `tf.errors.OpError`)."""

    def __init__(self, node_def=None, op=None, message="", *args):
        # TensorFlow's signature is `(node_def, op, message)`; a single argument is the message.
        if op is None and not message and node_def is not None:
            node_def, message = None, node_def
        super().__init__(message)
        self.node_def = node_def
        self.op = op
        self.message = message


class CancelledError(OpError):
    pass


class UnknownError(OpError):
    pass


class InvalidArgumentError(OpError):
    pass


class NotFoundError(OpError):
    pass


class AlreadyExistsError(OpError):
    pass


class ResourceExhaustedError(OpError):
    pass


class FailedPreconditionError(OpError):
    pass


class OutOfRangeError(OpError):
    pass


class UnimplementedError(OpError):
    pass


class InternalError(OpError):
    pass


__all__ = [
    "AlreadyExistsError",
    "CancelledError",
    "FailedPreconditionError",
    "InternalError",
    "InvalidArgumentError",
    "NotFoundError",
    "OpError",
    "OutOfRangeError",
    "ResourceExhaustedError",
    "UnimplementedError",
    "UnknownError",
]
