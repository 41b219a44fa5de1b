"""The Elasticsearch engine (also OpenSearch): documents and queries with elasticsearch-dsl.

- One index per rebuild (``<ELASTICSEARCH_INDEX>-<timestamp>``) behind an alias
  named ``ELASTICSEARCH_INDEX``: a rebuild fills a new index and switches the
  alias at once, so searches never see a half-built index.
- Text fields use ``ELASTICSEARCH_ANALYZER`` (``indonesian`` in production:
  stop words and stemming); a ``words`` field keeps every word unstemmed for
  prefixes and "did you mean".
- Every concept of the query plan must match (search/query.py: a word or any of its
  synonyms, each word in any field, with typo tolerance, or as a prefix); when no
  page has all of them, pages with some of them are shown instead. Synonyms are
  expanded in the query rather than by an analyzer's synonym filter, so an editor's
  new entry works at once, without a reindex.
- Facets are ``terms`` aggregations; filters are a ``post_filter`` so each
  facet still counts the other choices.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from elastic_transport import HttpHeaders, TransportError, Urllib3HttpNode
from elasticsearch import ApiError, Elasticsearch, NotFoundError
from elasticsearch.helpers import BulkIndexError, streaming_bulk
from elasticsearch_dsl import Date, Document, Keyword, Q, Search, Text, analyzer

from .. import text
from ..documents import SearchDocument
from ..query import MIN_CORRECTED_LENGTH
from .base import Hit, Progress, SearchEngine, SearchResults, SearchUnavailable, facets, stored_hit

logger = logging.getLogger(__name__)

TEXT_FIELDS = ["title^4", "keywords^2", "summary^1.5", "body"]
SNIPPET_FIELDS = ("summary", "body", "keywords")
FACET_SIZE = 100
BULK_SIZE = 500

_COMPAT_MEDIA_TYPE = re.compile(
    r"application/vnd\.elasticsearch\+([\w.-]+)\s*;\s*compatible-with=\d+"
)


class PlainJsonHttpNode(Urllib3HttpNode):
    """A transport node for servers that speak Elasticsearch's REST API without its
    compatibility media type: OpenSearch, and osmem-server in the tests.

    The elasticsearch 8 client sends ``application/vnd.elasticsearch+json;
    compatible-with=8``, which those servers refuse (406); this node sends plain
    ``application/json`` (and ``application/x-ndjson`` for bulk). The client also
    refuses a server whose responses lack ``X-Elastic-Product: Elasticsearch``;
    OpenSearch does not send it, so the node adds it to the responses it returns.
    Selected with ``ELASTICSEARCH_COMPAT_HEADERS=false``.
    """

    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        if headers:
            headers = HttpHeaders(headers)
            for name in ("accept", "content-type"):
                if name in headers:
                    headers[name] = _COMPAT_MEDIA_TYPE.sub(r"application/\1", headers[name])
        response = super().perform_request(method, target, body=body, headers=headers, **kwargs)
        meta = response.meta
        if "x-elastic-product" not in meta.headers:
            response_headers = HttpHeaders(meta.headers)
            response_headers["x-elastic-product"] = "Elasticsearch"
            response = type(response)(
                dataclasses.replace(meta, headers=response_headers), response.body
            )
        return response


@lru_cache(maxsize=8)
def client_for(url: str, *, compat_headers: bool = True, timeout: float = 5.0) -> Elasticsearch:
    """One client (and connection pool) per configuration, shared by the process."""
    hosts = [host.strip() for host in url.split(",") if host.strip()]
    options = {"request_timeout": timeout, "max_retries": 1, "retry_on_timeout": False}
    if not compat_headers:
        options["node_class"] = PlainJsonHttpNode
    return Elasticsearch(hosts, **options)


@lru_cache(maxsize=8)
def document_class(text_analyzer: str) -> type[Document]:
    """The search document mapping, with ``text_analyzer`` on the text fields.

    ``indonesian`` (Elasticsearch's built-in: Indonesian stop words and stemmer) in
    production; servers without it (osmem-server in the tests) use ``standard``.
    """
    words_analyzer = analyzer(
        "portal_words", tokenizer="standard", filter=["lowercase", "asciifolding"]
    )

    class PageDocument(Document):
        title = Text(analyzer=text_analyzer, copy_to="words")
        keywords = Text(analyzer=text_analyzer, copy_to="words")
        summary = Text(analyzer=text_analyzer, copy_to="words")
        body = Text(analyzer=text_analyzer, copy_to="words")
        # Every word unstemmed: prefixes of words being typed, and "did you mean".
        words = Text(analyzer=words_analyzer)
        type = Keyword()
        unit_code = Keyword()
        unit_name = Keyword()
        service_code = Keyword()
        url = Keyword(index=False)
        published_at = Date()

        class Index:
            name = "portal-search"  # replaced by the configured name on every call
            settings = {"number_of_shards": 1}

    return PageDocument


def _unavailable(exc: Exception) -> SearchUnavailable:
    logger.warning("Elasticsearch unavailable: %s", exc)
    return SearchUnavailable(str(exc))


class ElasticsearchEngine(SearchEngine):
    name = "elasticsearch"
    defer_until_commit = True

    def __init__(
        self,
        url: str,
        *,
        index: str = "portal-search",
        analyzer: str = "indonesian",
        compat_headers: bool = True,
        timeout: float = 5.0,
    ):
        if not url:
            raise ImproperlyConfigured("The Elasticsearch search engine needs ELASTICSEARCH_URL.")
        self.url = url
        self.alias = index
        self.analyzer = analyzer
        self.client = client_for(url, compat_headers=compat_headers, timeout=timeout)
        self.doc_class = document_class(analyzer)

    @classmethod
    def from_settings(cls) -> ElasticsearchEngine:
        return cls(
            settings.ELASTICSEARCH_URL,
            index=settings.ELASTICSEARCH_INDEX,
            analyzer=settings.ELASTICSEARCH_ANALYZER,
            compat_headers=settings.ELASTICSEARCH_COMPAT_HEADERS,
            timeout=settings.ELASTICSEARCH_TIMEOUT,
        )

    def describe(self) -> str:
        return f"elasticsearch ({self.alias}, analyzer {self.analyzer})"

    # Search

    @staticmethod
    def _word(word: str, *, typed: bool = True):
        """One word in any text field; a typed word also with typo tolerance or as the
        start of a word (a synonym's words are the editors', spelt as meant)."""
        match = {"query": word, "fields": TEXT_FIELDS}
        # A stop word of the analyzer leaves nothing to match: let it pass.
        match["zero_terms_query"] = "all"
        if not typed:
            return Q("multi_match", **match)
        ways = [Q("multi_match", fuzziness="AUTO", prefix_length=1, **match)]
        if len(word) >= 3:
            ways.append(Q("prefix", words={"value": word, "boost": 0.5}))
        return Q("bool", should=ways, minimum_should_match=1)

    def _concept(self, concept):
        """Any alternative of a concept (the typed words, a synonym, a correction); each
        alternative with all of its words."""
        options = []
        for i, alternative in enumerate(concept.alternatives):
            words = [self._word(w, typed=i == 0) for w in alternative]
            options.append(words[0] if len(words) == 1 else Q("bool", must=words))
        if len(options) == 1:
            return options[0]
        return Q("bool", should=options, minimum_should_match=1)

    def _query(self, query: str, plan, *, relaxed: bool):
        clauses = [self._concept(concept) for concept in plan.concepts]
        phrase = Q("multi_match", query=query, fields=TEXT_FIELDS, type="phrase", boost=2)
        if relaxed:
            return Q("bool", should=[*clauses, phrase], minimum_should_match=1)
        return Q("bool", must=clauses, should=[phrase])

    def _request(self, query, plan, unit, type, offset, limit, *, relaxed):
        s = Search(using=self.client, index=self.alias).query(
            self._query(query, plan, relaxed=relaxed)
        )
        unit_filter = Q("term", unit_code=unit) if unit else Q("match_all")
        type_filter = Q("term", type=type) if type else Q("match_all")
        s = s.post_filter(Q("bool", filter=[unit_filter, type_filter]))
        s.aggs.bucket("everything", "filter", filter=Q("match_all"))
        s.aggs.bucket("type", "filter", filter=unit_filter).bucket(
            "values", "terms", field="type", size=FACET_SIZE
        )
        s.aggs.bucket("unit", "filter", filter=type_filter).bucket(
            "values", "terms", field="unit_code", size=FACET_SIZE
        ).bucket("name", "terms", field="unit_name", size=1)
        s = s.highlight_options(
            pre_tags=[text.MARK_START],
            post_tags=[text.MARK_END],
            fragment_size=200,
            number_of_fragments=1,
        ).highlight(*SNIPPET_FIELDS)
        if not relaxed:
            s = s.suggest("did_you_mean", query, term={"field": "words"})
        s = s.extra(track_total_hits=True)
        return s[offset : offset + limit].execute()

    def _search(self, results: SearchResults, plan, *, unit, type, offset, limit):
        terms = plan.terms
        query = " ".join(terms)
        try:
            response = self._request(query, plan, unit, type, offset, limit, relaxed=False)
            suggestion = self._suggestion(response, terms)
            if response.aggregations.everything.doc_count == 0 and len(plan.concepts) > 1:
                results.relaxed = True
                response = self._request(query, plan, unit, type, offset, limit, relaxed=True)
        except NotFoundError:
            # No index yet (never built): nothing to find.
            logger.warning("Search index %s does not exist; run search_index --rebuild", self.alias)
            return
        except (ApiError, TransportError) as exc:
            raise _unavailable(exc) from exc

        results.suggestion = suggestion
        results.count = response.hits.total.value
        results.hits = [self._hit(hit, plan.all_words) for hit in response.hits]
        units, types = response.aggregations.unit.values, response.aggregations.type.values
        results.facets = facets(
            {b.key: b.doc_count for b in units.buckets},
            {b.key: b.name.buckets[0].key for b in units.buckets if b.name.buckets},
            {b.key: b.doc_count for b in types.buckets},
        )

    @staticmethod
    def _hit(hit, terms) -> Hit:
        source = hit.to_dict()
        highlight = hit.meta.highlight.to_dict() if "highlight" in hit.meta else {}
        snippet = ""
        for name in SNIPPET_FIELDS:
            if highlight.get(name):
                fragment = highlight[name][0]
                plain = fragment.replace(text.MARK_START, "").replace(text.MARK_END, "")
                whole = source.get(name, "")
                fragment = ("" if whole.startswith(plain) else "… ") + fragment
                fragment += "" if whole.endswith(plain) else " …"
                snippet = text.render_marked(fragment)
                break
        return stored_hit(int(hit.meta.id), source, terms, highlight=snippet, score=hit.meta.score)

    @staticmethod
    def _suggestion(response, terms) -> str | None:
        """The query with each word the index does not know replaced by its closest word.

        A word that starts a word of the results is being typed, not misspelt
        ("akta kelah"): it is left alone.
        """
        if "suggest" not in response:
            return None
        seen = set()
        for hit in response.hits:
            source = hit.to_dict()
            for name in ("title", "keywords", "summary", "body"):
                seen.update(text.words(source.get(name, "")))
        original = " ".join(terms)
        suggested = original
        entries = response.suggest.to_dict().get("did_you_mean", [])
        # Replace from the end so earlier offsets stay valid.
        for entry in sorted(entries, key=lambda e: e["offset"], reverse=True):
            options = entry.get("options") or []
            typed = entry.get("text", "")
            if (
                not options
                or len(typed) < MIN_CORRECTED_LENGTH  # "buka" is not a misspelt "buku"
                or any(word.startswith(typed) for word in seen)
            ):
                continue
            start, end = entry["offset"], entry["offset"] + entry["length"]
            suggested = suggested[:start] + options[0]["text"] + suggested[end:]
        return suggested if suggested != original else None

    # Index

    def _document(self, doc: SearchDocument) -> Document:
        fields = doc.stored_fields()
        return self.doc_class(meta={"id": doc.id}, **fields)

    def _ensure_index(self) -> None:
        """Create the first index behind the alias when there is none yet: a write to a
        missing alias would create an index with guessed mappings."""
        initial = f"{self.alias}-initial"
        try:
            indices = self.client.indices
            if indices.exists_alias(name=self.alias) or indices.exists(index=self.alias):
                return
            if not indices.exists(index=initial):
                self.doc_class._index.clone(name=initial).save(using=self.client)
            indices.put_alias(index=initial, name=self.alias)
        except ApiError as exc:
            # Another process created it meanwhile.
            if getattr(exc, "error", "") != "resource_already_exists_exception":
                raise _unavailable(exc) from exc
        except TransportError as exc:
            raise _unavailable(exc) from exc

    def index(self, doc: SearchDocument) -> None:
        self._ensure_index()
        try:
            self._document(doc).save(using=self.client, index=self.alias, refresh=True)
        except (ApiError, TransportError) as exc:
            raise _unavailable(exc) from exc

    def index_many(self, docs: Iterable[SearchDocument]) -> None:
        self._ensure_index()
        self._bulk(self.alias, docs)
        self._refresh(self.alias)

    def remove(self, page_id: int) -> None:
        try:
            self.client.options(ignore_status=404).delete(
                index=self.alias, id=str(page_id), refresh=True
            )
        except (ApiError, TransportError) as exc:
            raise _unavailable(exc) from exc

    def _bulk(self, index: str, docs: Iterable[SearchDocument], progress=None, total=0) -> int:
        actions = (
            {**self._document(doc).to_dict(include_meta=True), "_index": index} for doc in docs
        )
        done = 0
        try:
            for _ok, _item in streaming_bulk(self.client, actions, chunk_size=BULK_SIZE):
                done += 1
                if progress and done % BULK_SIZE == 0:
                    progress(done, total)
        except BulkIndexError as exc:
            raise SearchUnavailable(f"{len(exc.errors)} documents were refused") from exc
        except (ApiError, TransportError) as exc:
            raise _unavailable(exc) from exc
        return done

    def _refresh(self, index: str) -> None:
        try:
            self.client.indices.refresh(index=index)
        except (ApiError, TransportError) as exc:
            raise _unavailable(exc) from exc

    def rebuild(
        self, docs: Iterable[SearchDocument], *, total: int, progress: Progress | None = None
    ):
        """Fill a new index, then point the alias at it and drop the old ones."""
        new = f"{self.alias}-{timezone.now():%Y%m%d%H%M%S%f}"
        try:
            self.doc_class._index.clone(name=new).save(using=self.client)
            done = self._bulk(new, docs, progress, total)
            self._refresh(new)
            old = []
            if self.client.indices.exists_alias(name=self.alias):
                old = list(self.client.indices.get_alias(name=self.alias))
            elif self.client.indices.exists(index=self.alias):
                # A plain index under the alias's name (created by hand): replace it.
                self.client.indices.delete(index=self.alias)
            actions = [{"remove": {"index": name, "alias": self.alias}} for name in old]
            actions.append({"add": {"index": new, "alias": self.alias}})
            self.client.indices.update_aliases(actions=actions)
            for name in old:
                self.client.options(ignore_status=404).indices.delete(index=name)
        except (ApiError, TransportError) as exc:
            raise _unavailable(exc) from exc
        if progress:
            progress(done, total)
        return done

    def ping(self) -> bool:
        try:
            return bool(self.client.options(request_timeout=2).ping())
        except Exception:  # noqa: BLE001 - any failure means "not answering"
            return False

    def indexed_documents(self) -> Iterator[dict]:
        try:
            scan = Search(using=self.client, index=self.alias).params(size=500).scan()
            for hit in scan:
                yield {"id": int(hit.meta.id), **hit.to_dict()}
        except NotFoundError:
            return
        except (ApiError, TransportError) as exc:
            raise _unavailable(exc) from exc

    def delete_index(self) -> None:
        """Remove the alias and every index behind it (tests, benchmarks)."""
        try:
            names = []
            if self.client.indices.exists_alias(name=self.alias):
                names = list(self.client.indices.get_alias(name=self.alias))
            names += [f"{self.alias}-initial"]
            for name in names:
                self.client.options(ignore_status=404).indices.delete(index=name)
        except (ApiError, TransportError) as exc:
            raise _unavailable(exc) from exc
