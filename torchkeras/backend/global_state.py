"""Process-wide state that `clear_session()` resets: name counters."""

import collections
import gc

_NAME_UIDS = collections.defaultdict(int)


def get_uid(prefix):
    """Return 1, 2, 3, ... for successive calls with the same `prefix`."""
    _NAME_UIDS[prefix] += 1
    return _NAME_UIDS[prefix]


def uniquify(name):
    """`name` the first time, then `name_1`, `name_2`, ... as Keras names objects."""
    uid = get_uid(name)
    return name if uid == 1 else f"{name}_{uid - 1}"


def clear_session(free_memory=True):
    """Reset the automatic names (`dense`, `dense_1`, ...) and free memory held by old models."""
    _NAME_UIDS.clear()
    if free_memory:
        gc.collect()
