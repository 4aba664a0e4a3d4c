"""`keras.utils.get_file`: download a file into the Keras cache (once), check its hash, and
optionally extract an archive, refusing archive members that would land outside the target."""

import hashlib
import os
import shutil
import tarfile
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import warnings
import zipfile

from torchkeras.utils import io_utils


def get_file(
    fname=None,
    origin=None,
    untar=False,
    md5_hash=None,
    file_hash=None,
    cache_subdir="datasets",
    hash_algorithm="auto",
    extract=False,
    archive_format="auto",
    cache_dir=None,
    force_download=False,
):
    """Downloads a file from a URL if it not already in the cache.

    By default the file at the url `origin` is downloaded to the cache_dir `~/.keras`, placed in
    the cache_subdir `datasets`, and given the filename `fname`. The final location of a file
    `example.txt` would therefore be `~/.keras/datasets/example.txt`. Files in `.tar`,
    `.tar.gz`, `.tar.bz`, and `.zip` formats can also be extracted. The download goes to a
    temporary file first, so an interrupted download leaves nothing behind.

    Example:

    ```python
    path_to_downloaded_file = get_file(
        origin="https://storage.googleapis.com/download.tensorflow.org/example_images/flower_photos.tgz",
        extract=True,
    )
    ```

    Args:
        fname: If the target is a single file, this is your desired local name for the file.
            If `None`, the name of the file at `origin` will be used. If downloading and
            extracting a directory archive, the provided `fname` will be used as extraction
            directory name (only if it doesn't have an extension).
        origin: Original URL of the file.
        untar: Deprecated in favor of `extract` argument. Boolean, whether the file is a tar
            archive that should be extracted.
        md5_hash: Deprecated in favor of `file_hash` argument. md5 hash of the file for file
            integrity verification.
        file_hash: The expected hash string of the file after download. The sha256 and md5 hash
            algorithms are both supported.
        cache_subdir: Subdirectory under the Keras cache dir where the file is saved. If an
            absolute path, e.g. `"/path/to/folder"` is specified, the file will be saved at that
            location.
        hash_algorithm: Select the hash algorithm to verify the file: `"md5"`, `"sha256"`, or
            `"auto"` (detects the hash algorithm in use). Defaults to `"auto"`.
        extract: If `True`, extracts the archive. Only applicable to compressed archive files
            like tar or zip.
        archive_format: Archive format to try for extracting the file: `"auto"`, `"tar"`,
            `"zip"`, or `None`. `"tar"` includes tar, tar.gz, and tar.bz files. The default
            `"auto"` corresponds to `["tar", "zip"]`. None or an empty list will return no
            matches found.
        cache_dir: Location to store cached files, when None it defaults to `$KERAS_HOME` if
            the `KERAS_HOME` environment variable is set or `~/.keras/`.
        force_download: If `True`, the file will always be re-downloaded regardless of the cache
            state.

    Returns:
        Path to the downloaded file (or to the extraction directory when extracting).
    """
    if origin is None:
        raise ValueError(
            'Please specify the "origin" argument (URL of the file to download).'
        )
    if cache_dir is None:
        from torchkeras.datasets.cache import keras_home

        cache_dir = keras_home()
    if md5_hash is not None and file_hash is None:
        file_hash = md5_hash
        hash_algorithm = "md5"
    datadir_base = os.path.expanduser(cache_dir)
    if not os.access(datadir_base, os.W_OK):
        datadir_base = os.path.join(
            "/tmp" if os.path.isdir("/tmp") else tempfile.gettempdir(), ".keras"
        )
    datadir = os.path.join(datadir_base, cache_subdir)
    os.makedirs(datadir, exist_ok=True)

    provided_fname = fname
    fname = os.fspath(fname) if isinstance(fname, os.PathLike) else fname
    if not fname:
        fname = os.path.basename(urllib.parse.urlsplit(origin).path)
        if not fname:
            raise ValueError(
                f"Can't parse the file name from the origin provided: '{origin}'."
                "Please specify the `fname` argument."
            )
    elif os.sep in fname:
        raise ValueError(
            "Paths are no longer accepted as the `fname` argument. "
            "To specify the file's parent directory, use "
            f"the `cache_dir` argument. Received: fname={fname}"
        )

    if extract or untar:
        if provided_fname and "." in fname:
            download_target = os.path.join(datadir, fname)
            fname = fname[: fname.find(".")]
            extraction_dir = os.path.join(datadir, f"{fname}_extracted")
        else:
            extraction_dir = os.path.join(datadir, fname)
            download_target = os.path.join(datadir, f"{fname}_archive")
    else:
        download_target = os.path.join(datadir, fname)

    if force_download:
        download = True
    elif os.path.exists(download_target):
        download = False
        if file_hash is not None and not validate_file(
            download_target, file_hash, algorithm=hash_algorithm
        ):
            io_utils.print_msg(
                "A local file was found, but it seems to be "
                f"incomplete or outdated because the {hash_algorithm} "
                "file hash does not match the original value of "
                f"{file_hash} so we will re-download the data."
            )
            download = True
    else:
        download = True

    if download:
        io_utils.print_msg(f"Downloading data from {origin}")
        _download(origin, download_target, datadir)
        if file_hash is not None and not validate_file(
            download_target, file_hash, algorithm=hash_algorithm
        ):
            os.remove(download_target)  # never leave a corrupted file in the cache
            raise ValueError(
                "Incomplete or corrupted file detected. "
                f"The {hash_algorithm} "
                "file hash does not match the provided value "
                f"of {file_hash}."
            )

    if extract or untar:
        if untar:
            archive_format = "tar"
        if not extract_archive(download_target, extraction_dir, archive_format):
            warnings.warn("Could not extract archive.", stacklevel=2)
        return extraction_dir
    return download_target


def _download(origin, target, datadir):
    """Fetch `origin` to `target` through a temporary file in the same folder."""
    from torchkeras.utils.progbar import Progbar

    state = {"progbar": None, "finished": False}

    def report(block_num, block_size, total_size):
        total = None if total_size == -1 else total_size
        if state["progbar"] is None:
            state["progbar"] = Progbar(total)
        current = block_num * block_size
        if total is None:
            state["progbar"].update(current)
        elif current < total:
            state["progbar"].update(current)
        elif not state["finished"]:
            state["progbar"].update(state["progbar"].target)
            state["finished"] = True

    fd, partial = tempfile.mkstemp(prefix=".download-", dir=datadir)
    os.close(fd)
    error_msg = "URL fetch failure on {}: {} -- {}"
    try:
        try:
            urllib.request.urlretrieve(origin, partial, report)
        except urllib.error.HTTPError as e:
            raise Exception(error_msg.format(origin, e.code, e.msg))
        except urllib.error.URLError as e:
            raise Exception(error_msg.format(origin, e.errno, e.reason))
        # mkstemp creates the file private (0600); give it the permissions a plain download has.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(partial, 0o666 & ~umask)
        os.replace(partial, target)
    finally:
        if os.path.exists(partial):
            os.remove(partial)


def resolve_hasher(algorithm, file_hash=None):
    """Return the hashlib object for `algorithm` (`"auto"`: sha256 for 64-character hashes,
    else md5)."""
    if algorithm == "sha256":
        return hashlib.sha256()
    if algorithm == "auto" and file_hash is not None and len(file_hash) == 64:
        return hashlib.sha256()
    return hashlib.md5()


def hash_file(fpath, algorithm="sha256", chunk_size=65535):
    """Calculates a file sha256 or md5 hash.

    Args:
        fpath: Path to the file being validated.
        algorithm: Hash algorithm, one of `"auto"`, `"sha256"`, or `"md5"`.
        chunk_size: Bytes to read at a time, important for large files.

    Returns:
        The file hash (hex digest).
    """
    hasher = resolve_hasher(algorithm) if isinstance(algorithm, str) else algorithm
    with open(fpath, "rb") as f:
        for chunk in iter(lambda: f.read(chunk_size), b""):
            hasher.update(chunk)
    return hasher.hexdigest()


def validate_file(fpath, file_hash, algorithm="auto", chunk_size=65535):
    """Return whether the file at `fpath` has the sha256 or md5 hash `file_hash`."""
    hasher = resolve_hasher(algorithm, file_hash)
    return str(hash_file(fpath, hasher, chunk_size)) == str(file_hash)


def _resolve_sub_path(base_dir, relative_path):
    path = os.path.realpath(os.path.join(base_dir, relative_path))
    try:
        return path if os.path.commonpath([path, base_dir]) == base_dir else None
    except ValueError:
        return None


def _is_link_in_dir(info, base_dir):
    if info.islnk():
        # Hard links resolve relative to the root: check both ends.
        return (_resolve_sub_path(base_dir, info.name) is not None
                and _resolve_sub_path(base_dir, info.linkname) is not None)
    destination = _resolve_sub_path(base_dir, info.name)
    if destination is None:
        return False
    link = os.path.realpath(os.path.join(os.path.dirname(destination), info.linkname))
    try:
        return os.path.commonpath([link, base_dir]) == base_dir
    except ValueError:
        return False


def _safe_members(members, base_dir, is_tar):
    """Yield the archive members that stay inside `base_dir`, warning about the others."""
    base_dir = os.path.realpath(base_dir)
    for info in members:
        name = info.name if is_tar else info.filename
        if is_tar and (info.issym() or info.islnk()):
            safe = _is_link_in_dir(info, base_dir)
        else:
            safe = _resolve_sub_path(base_dir, name) is not None
        if safe:
            yield info
        else:
            warnings.warn(f"Skipping invalid path during archive extraction: '{name}'.",
                          stacklevel=2)


def extract_archive(file_path, path=".", archive_format="auto"):
    """Extract a tar or zip archive into `path`, skipping members that would escape it.

    Args:
        file_path: Path to the archive file.
        path: Where to extract the archive file.
        archive_format: `"auto"` (`["tar", "zip"]`), `"tar"`, `"zip"`, a list of those, or
            `None`.

    Returns:
        `True` if a match was found and an archive extraction was completed, `False` otherwise.
    """
    if archive_format is None:
        return False
    if archive_format == "auto":
        archive_format = ["tar", "zip"]
    if isinstance(archive_format, str):
        archive_format = [archive_format]
    file_path, path = os.fspath(file_path), os.fspath(path)
    for archive_type in archive_format:
        if archive_type == "tar":
            open_fn, is_match_fn = tarfile.open, tarfile.is_tarfile
        elif archive_type == "zip":
            open_fn, is_match_fn = zipfile.ZipFile, zipfile.is_zipfile
        else:
            raise NotImplementedError(archive_type)
        if not is_match_fn(file_path):
            continue
        with open_fn(file_path) as archive:
            try:
                if archive_type == "zip":
                    archive.extractall(path, members=_safe_members(archive.infolist(), path, False))
                else:
                    kwargs = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
                    archive.extractall(path, members=_safe_members(archive, path, True), **kwargs)
            except (tarfile.TarError, RuntimeError, KeyboardInterrupt):
                if os.path.exists(path):
                    if os.path.isfile(path):
                        os.remove(path)
                    else:
                        shutil.rmtree(path)
                raise
        return True
    return False
