"""Automatic object names: `Dense` -> `dense`, `dense_1`, ..."""

import re

from torchkeras.backend import global_state


def to_snake_case(name):
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    name = re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()
    return name


def auto_name(prefix):
    return global_state.uniquify(to_snake_case(prefix))
