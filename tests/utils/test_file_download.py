"""get_file with `file://` origins (the machine is offline), against Keras 3.15.1's behaviour:
messages, cache layout, hash checks, archive extraction and its path filtering."""

import hashlib
import os
import tarfile
import zipfile

import pytest

from torchkeras.utils.file_download import get_file
from torchkeras.utils.file_download import hash_file
from torchkeras.utils.file_download import validate_file


@pytest.fixture()
def src(tmp_path):
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "a.txt").write_text("hello\n")
    with tarfile.open(folder / "arch.tar.gz", "w:gz") as tar:
        tar.add(folder / "a.txt", arcname="a.txt")
        info = tarfile.TarInfo("link")
        info.type, info.linkname = tarfile.SYMTYPE, "../../outside"
        tar.addfile(info)
    with zipfile.ZipFile(folder / "arch.zip", "w") as z:
        z.writestr("a.txt", "hello\n")
        z.writestr("../evil.txt", "x")
    return folder


@pytest.fixture()
def cache(tmp_path):
    # As in Keras, a cache folder that does not exist (is not writable) falls back to /tmp/.keras.
    folder = tmp_path / "cache"
    folder.mkdir()
    return folder


def url(path):
    return "file://" + str(path)


def test_download_and_cache(src, cache, capsys):
    path = get_file(origin=url(src / "a.txt"), cache_dir=str(cache))
    assert path == str(cache / "datasets" / "a.txt") and open(path).read() == "hello\n"
    assert "Downloading data from " + url(src / "a.txt") in capsys.readouterr().out
    (src / "a.txt").write_text("changed\n")
    assert get_file(origin=url(src / "a.txt"), cache_dir=str(cache)) == path  # cached
    assert "Downloading" not in capsys.readouterr().out
    assert open(path).read() == "hello\n"
    get_file(origin=url(src / "a.txt"), cache_dir=str(cache), force_download=True)
    assert open(path).read() == "changed\n"
    assert sorted(os.listdir(cache / "datasets")) == ["a.txt"]  # no temporary files left


def test_keras_home_is_the_default_cache(src, tmp_path, monkeypatch):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    path = get_file("b.txt", url(src / "a.txt"), cache_subdir="sub")
    assert path == str(tmp_path / "home" / "sub" / "b.txt")


def test_hashes(src, cache, capsys):
    cache = str(cache)
    sha = hashlib.sha256(b"hello\n").hexdigest()
    md5 = hashlib.md5(b"hello\n").hexdigest()
    assert hash_file(str(src / "a.txt")) == sha
    assert validate_file(str(src / "a.txt"), md5) and validate_file(str(src / "a.txt"), sha)
    path = get_file("b.txt", url(src / "a.txt"), cache_dir=cache, file_hash=sha)
    assert os.path.exists(path)
    with pytest.raises(ValueError, match="^Incomplete or corrupted file detected. The auto file "
                                         "hash does not match the provided value of 0{64}.$"):
        get_file("c.txt", url(src / "a.txt"), cache_dir=cache, file_hash="0" * 64)
    assert not os.path.exists(os.path.join(cache, "datasets", "c.txt"))
    capsys.readouterr()
    with pytest.raises(ValueError, match="The md5 file hash does not match"):
        get_file("b.txt", url(src / "a.txt"), cache_dir=cache, md5_hash="0" * 32)
    assert capsys.readouterr().out.startswith(
        "A local file was found, but it seems to be incomplete or outdated because the md5 file "
        "hash does not match the original value of " + "0" * 32 + " so we will re-download the "
        "data.\n")


def test_failed_download_leaves_nothing(tmp_path, cache):
    missing = tmp_path / "nope.txt"
    with pytest.raises(Exception, match=f"^URL fetch failure on {url(missing)}: None -- "
                                        "\\[Errno 2\\] No such file or directory"):
        get_file("x.txt", url(missing), cache_dir=str(cache))
    assert os.listdir(cache / "datasets") == []


def test_extraction_names_and_safety(src, cache):
    cache = str(cache)
    datasets = os.path.join(cache, "datasets")
    with pytest.warns(UserWarning, match="Skipping invalid path during archive extraction: 'link'"):
        path = get_file(origin=url(src / "arch.tar.gz"), cache_dir=cache, extract=True)
    # from keras 3.15.1: no fname -> the URL's name is the folder, the archive gets "_archive"
    assert path == os.path.join(datasets, "arch.tar.gz") and os.listdir(path) == ["a.txt"]
    assert os.path.exists(os.path.join(datasets, "arch.tar.gz_archive"))
    with pytest.warns(UserWarning, match="Skipping invalid path during archive extraction: "
                                         "'../evil.txt'"):
        path = get_file("myarch", url(src / "arch.zip"), cache_dir=cache, extract=True)
    assert path == os.path.join(datasets, "myarch") and os.listdir(path) == ["a.txt"]
    assert not os.path.exists(os.path.join(datasets, "evil.txt"))
    with pytest.warns(UserWarning):
        path = get_file("z.zip", url(src / "arch.zip"), cache_dir=cache, extract=True)
    assert path == os.path.join(datasets, "z_extracted")
    with pytest.warns(UserWarning, match="Could not extract archive."):
        path = get_file("t.txt", url(src / "a.txt"), cache_dir=cache, untar=True)
    assert path == os.path.join(datasets, "t_extracted")


def test_argument_errors():
    with pytest.raises(ValueError, match='^Please specify the "origin" argument \\(URL of the '
                                         'file to download\\).$'):
        get_file("q")
    with pytest.raises(ValueError, match="Paths are no longer accepted as the `fname` argument. "
                                         "To specify the file's parent directory, use the "
                                         "`cache_dir` argument. Received: fname=a/b"):
        get_file("a/b", "file:///x")
    with pytest.raises(ValueError, match="Can't parse the file name from the origin provided: "
                                         "'http://host/'.Please specify the `fname` argument."):
        get_file(origin="http://host/")
