"""`keras.version()`."""


def version():
    """Return the version of torchkeras (the value of `torchkeras.__version__`)."""
    import torchkeras

    return torchkeras.__version__
