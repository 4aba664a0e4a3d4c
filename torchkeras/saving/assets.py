"""The `assets/` part of a `.keras` file: files objects write with `save_assets(dir_path)`.

Keras stores what is not a variable there, such as the vocabulary of a `StringLookup` or
`TextVectorization` layer (`assets/<object path>/vocabulary.txt`). On load, each object's files
are put in a fresh temporary directory and handed to its `load_assets(dir_path)`; nothing is
executed, and names that would leave that directory are refused when the archive is opened.
"""

import os
import tempfile

ASSETS_DIRNAME = "assets"


def _assets_path(inner_path):
    return f"{ASSETS_DIRNAME}/{inner_path}" if inner_path else ASSETS_DIRNAME


def save_assets(model):
    """`[(member name, bytes)]` of the files `model`'s objects write with `save_assets`."""
    from torchkeras.saving import saving_lib

    members = []
    for inner_path, saveable in saving_lib.iter_saveables(model):
        if not hasattr(saveable, "save_assets"):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            saveable.save_assets(tmp)
            for root, _, files in os.walk(tmp):
                for name in sorted(files):
                    path = os.path.join(root, name)
                    relative = os.path.relpath(path, tmp).replace(os.sep, "/")
                    with open(path, "rb") as f:
                        members.append((f"{_assets_path(inner_path)}/{relative}", f.read()))
    return members


def load_assets(model, files):
    """Hand each object with `load_assets` its files from `files` (`{member name: bytes}`)."""
    from torchkeras.saving import saving_lib

    if not files:
        return
    for inner_path, saveable in saving_lib.iter_saveables(model):
        if not hasattr(saveable, "load_assets"):
            continue
        prefix = _assets_path(inner_path) + "/"
        own = {
            name[len(prefix):]: data for name, data in files.items()
            if name.startswith(prefix) and "/" not in name[len(prefix):]
        }
        if not own:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            for name, data in own.items():
                with open(os.path.join(tmp, name), "wb") as f:
                    f.write(data)
            saveable.load_assets(tmp)
