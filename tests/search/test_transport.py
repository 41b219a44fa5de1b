"""The transport switch for OpenSearch-compatible servers (ELASTICSEARCH_COMPAT_HEADERS=false)."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from elasticsearch import ApiError, Elasticsearch, UnsupportedProductError

from search.engines.elastic import PlainJsonHttpNode, client_for


class OpenSearchLike(BaseHTTPRequestHandler):
    """Answers like OpenSearch: plain JSON only, and no X-Elastic-Product header."""

    seen: list = []

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self.seen.append(
            (self.command, self.headers.get("Accept"), self.headers.get("Content-Type"))
        )
        for name in ("Accept", "Content-Type"):
            if "vnd.elasticsearch" in (self.headers.get(name) or ""):
                return self._send(406, {"error": f"{name} not supported", "status": 406})
        return self._send(200, {"acknowledged": True, "version": {"number": "2.19.0"}})

    def _send(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_PUT = do_POST = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def opensearch_like():
    server = ThreadingHTTPServer(("127.0.0.1", 0), OpenSearchLike)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    OpenSearchLike.seen = []
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_the_stock_client_refuses_an_opensearch_like_server(opensearch_like):
    client = Elasticsearch(opensearch_like)
    with pytest.raises((ApiError, UnsupportedProductError)):
        client.indices.create(index="x", mappings={})


def test_the_plain_json_node_talks_to_it(opensearch_like):
    client = Elasticsearch(opensearch_like, node_class=PlainJsonHttpNode)

    assert client.info()["version"]["number"] == "2.19.0"
    assert client.indices.create(index="x", mappings={})["acknowledged"]
    assert OpenSearchLike.seen[-1] == ("PUT", "application/json", "application/json")


def test_bulk_bodies_are_sent_as_plain_ndjson(opensearch_like):
    client = Elasticsearch(opensearch_like, node_class=PlainJsonHttpNode)
    client.bulk(operations=[{"index": {"_index": "x", "_id": "1"}}, {"a": 1}])
    assert OpenSearchLike.seen[-1][2] == "application/x-ndjson"


def node_class(client):
    return type(client.transport.node_pool.all()[0])


def test_the_setting_selects_the_node_class():
    assert node_class(client_for("http://127.0.0.1:1", compat_headers=False)) is PlainJsonHttpNode
    assert (
        node_class(client_for("http://127.0.0.1:1", compat_headers=True)) is not PlainJsonHttpNode
    )
