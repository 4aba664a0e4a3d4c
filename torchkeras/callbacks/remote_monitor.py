"""`keras.callbacks.RemoteMonitor`: POST the epoch logs to an HTTP server."""

import json
import urllib.error
import urllib.parse
import urllib.request
import warnings

import numpy as np

from torchkeras.callbacks.callback import Callback


class RemoteMonitor(Callback):
    """Callback used to stream events to a server.

    Events are sent to `root + '/publish/epoch/end/'` by default. Calls are HTTP POST, with a
    `data` argument which is a JSON-encoded dictionary of event data. If `send_as_json=True`,
    the content type of the request will be `"application/json"`. Otherwise the serialized JSON
    will be sent within a form. Requests go through the standard library (`urllib`), so the
    `requests` package Keras uses is not needed.

    Args:
        root: String; root url of the target server. Defaults to `"http://localhost:9000"`.
        path: String; path relative to `root` to which the events will be sent.
            Defaults to `"/publish/epoch/end/"`.
        field: String; JSON field under which the data will be stored. The field is used only
            if the payload is sent within a form (i.e. when `send_as_json=False`).
            Defaults to `"data"`.
        headers: Dictionary; optional custom HTTP headers. Defaults to `None`.
        send_as_json: Boolean; whether the request should be sent as `"application/json"`.
            Defaults to `False`.

    Example:

    >>> monitor = keras.callbacks.RemoteMonitor(root="http://localhost:9000")
    >>> model.fit(x, y, callbacks=[monitor])
    """

    def __init__(
        self,
        root="http://localhost:9000",
        path="/publish/epoch/end/",
        field="data",
        headers=None,
        send_as_json=False,
    ):
        super().__init__()
        self.root = root
        self.path = path
        self.field = field
        self.headers = headers
        self.send_as_json = send_as_json

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        send = {"epoch": epoch}
        for k, v in logs.items():
            # NumPy arrays and scalars are not JSON types: send their (scalar) value.
            if isinstance(v, (np.ndarray, np.generic)):
                send[k] = v.item()
            else:
                send[k] = v
        headers = dict(self.headers or {})
        if self.send_as_json:
            body = json.dumps(send).encode("utf-8")
            headers.setdefault("Content-Type", "application/json")
        else:
            body = urllib.parse.urlencode({self.field: json.dumps(send)}).encode("utf-8")
            headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        request = urllib.request.Request(
            self.root + self.path, data=body, headers=headers, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                response.read()
        except (urllib.error.URLError, OSError, ValueError):
            warnings.warn(
                f"Could not reach RemoteMonitor root server at {self.root}", stacklevel=2
            )
