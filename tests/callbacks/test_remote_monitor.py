"""RemoteMonitor: the POST requests Keras sends (form or JSON), against a local HTTP server."""

import http.server
import json
import socket
import threading
import urllib.parse

import numpy as np
import pytest

from torchkeras import callbacks as cbks


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        _Recorder.requests.append((self.path, dict(self.headers), body))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    _Recorder.requests = []
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", _Recorder.requests
    httpd.shutdown()
    httpd.server_close()


def test_defaults():
    monitor = cbks.RemoteMonitor()
    assert (monitor.root, monitor.path, monitor.field, monitor.headers, monitor.send_as_json) == (
        "http://localhost:9000", "/publish/epoch/end/", "data", None, False
    )


def test_form_post(server, fakes):
    root, requests = server
    logs = {"loss": 0.5, "acc": np.float32(0.25), "arr": np.array(2.0)}
    fakes.run_epochs(cbks.RemoteMonitor(root=root), fakes.Model(), [logs])
    ((path, headers, body),) = requests
    assert path == "/publish/epoch/end/"
    assert headers["Content-Type"] == "application/x-www-form-urlencoded"
    form = urllib.parse.parse_qs(body.decode())
    # As Keras: the JSON of {"epoch": ..., **logs} (NumPy values unwrapped) in the `data` field.
    assert json.loads(form["data"][0]) == {"epoch": 0, "loss": 0.5, "acc": 0.25, "arr": 2.0}
    assert list(json.loads(form["data"][0])) == ["epoch", "loss", "acc", "arr"]


def test_json_post_with_headers(server, fakes):
    root, requests = server
    monitor = cbks.RemoteMonitor(
        root=root, path="/p", headers={"X-Run": "7"}, send_as_json=True, field="ignored"
    )
    fakes.run_epochs(monitor, fakes.Model(), [{"loss": 1.0}, {"loss": 0.5}])
    assert [r[0] for r in requests] == ["/p", "/p"]
    assert requests[1][1]["Content-Type"] == "application/json"
    assert requests[1][1]["X-Run"] == "7"
    assert json.loads(requests[0][2]) == {"epoch": 0, "loss": 1.0}
    assert requests[1][2] == b'{"epoch": 1, "loss": 0.5}'


def test_unreachable_server_warns(fakes):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    root = f"http://127.0.0.1:{port}"
    _, caught, _ = fakes.capture(
        fakes.run_epochs, cbks.RemoteMonitor(root=root), fakes.Model(), [{"loss": 1.0}]
    )
    # from keras 3.15.1
    assert caught == [f"Could not reach RemoteMonitor root server at {root}"]
