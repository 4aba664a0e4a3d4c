"""`tf.io.gfile`: file-system helpers over the local file system (`os`, `glob`, `shutil`)."""

import glob as _glob
import os
import shutil


def _path(p):
    return p.decode() if isinstance(p, bytes) else os.fspath(p)


def exists(path):
    return os.path.exists(_path(path))


def isdir(path):
    return os.path.isdir(_path(path))


def listdir(path):
    return os.listdir(_path(path))


def glob(pattern):
    return sorted(_glob.glob(_path(pattern)))


def makedirs(path):
    os.makedirs(_path(path), exist_ok=True)


def mkdir(path):
    os.mkdir(_path(path))


def remove(path):
    os.remove(_path(path))


def rmtree(path):
    shutil.rmtree(_path(path))


def copy(src, dst, overwrite=False):
    if not overwrite and os.path.exists(_path(dst)):
        from torchkeras.compat.tensorflow import errors

        raise errors.AlreadyExistsError(f"file already exists: {_path(dst)}")
    shutil.copyfile(_path(src), _path(dst))


def rename(src, dst, overwrite=False):
    if not overwrite and os.path.exists(_path(dst)):
        from torchkeras.compat.tensorflow import errors

        raise errors.AlreadyExistsError(f"file already exists: {_path(dst)}")
    os.replace(_path(src), _path(dst))


def walk(top, topdown=True, onerror=None):
    return os.walk(_path(top), topdown=topdown, onerror=onerror)


def GFile(name, mode="r"):
    return open(_path(name), mode)


__all__ = ["GFile", "copy", "exists", "glob", "isdir", "listdir", "makedirs", "mkdir", "remove",
           "rename", "rmtree", "walk"]
