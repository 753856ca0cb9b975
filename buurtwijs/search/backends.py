"""The full-text index on each database: PostgreSQL text search or SQLite FTS5.

Both get the same input from the Dutch pipeline (``analysis.dutch``): lemmas without
accents, with each compound's parts beside it. PostgreSQL stems that with its
``dutch`` configuration; for SQLite the same Snowball stemmer runs in Python. A query
goes through the same pipeline, so index and query always meet on the same stems.
Query words never reach the database as syntax: every term is reduced to letters and
digits and quoted.
"""

import heapq
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection

from buurtwijs.analysis import dutch
from buurtwijs.search.registry import IndexItem

# How much text is kept per entry for snippets, and how much is indexed.
BODY_LIMIT = 20_000
INDEX_LIMIT = 200_000
# More words than this in a query add nothing but work.
QUERY_TERMS = 12

TITLE_WEIGHT = 10.0


@dataclass(frozen=True)
class Filters:
    """What the result list is narrowed to; empty values do not filter."""

    kind: str = ""
    theme: str = ""
    municipality_code: str = ""
    province_code: str = ""


def query_terms(query: str) -> list[dutch.Term]:
    """The searchable terms of what someone typed (stop words and symbols dropped)."""
    unique: dict[dutch.Term, None] = {}
    for item in dutch.terms(query[:2_000]):
        unique.setdefault(item)
    return list(unique)[:QUERY_TERMS]


def _index_texts(item: IndexItem) -> tuple[list[str], list[str]]:
    title = dutch.index_words(item.title)
    body = dutch.index_words(
        "\n".join([item.summary, " ".join(item.extra_words), item.body[:INDEX_LIMIT]])
    )
    return title, body


def store(entries: Sequence[tuple[int, IndexItem]]) -> None:
    """Write the full-text rows for these entry ids."""
    if not entries:
        return
    rows = [(pk, *_index_texts(item)) for pk, item in entries]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.executemany(
                "UPDATE search_searchentry SET document = "
                "setweight(to_tsvector('dutch', %s), 'A') || "
                "setweight(to_tsvector('dutch', %s), 'B') WHERE id = %s",
                [(" ".join(title), " ".join(body), pk) for pk, title, body in rows],
            )
        else:
            cursor.execute(
                f"DELETE FROM search_fts WHERE rowid IN ({_marks(len(rows))})",  # noqa: S608 # nosec B608 # constant fragments, values as parameters
                [pk for pk, _, _ in rows],
            )
            cursor.executemany(
                "INSERT INTO search_fts (rowid, title, body) VALUES (%s, %s, %s)",
                [(pk, _stemmed(title), _stemmed(body)) for pk, title, body in rows],
            )


def remove(ids: Sequence[int]) -> None:
    """Drop the full-text rows of these entry ids (PostgreSQL keeps them in-row)."""
    if ids and connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM search_fts WHERE rowid IN ({_marks(len(ids))})",  # noqa: S608 # nosec B608 # constant fragments, values as parameters
                list(ids),
            )


def _stemmed(words: list[str]) -> str:
    return " ".join(dutch.stem(word) for word in words)


def _marks(count: int) -> str:
    return ", ".join(["%s"] * count)


def _ts_query(terms: list[dutch.Term], expand: bool) -> str:
    """A to_tsquery text: every term must match, whole (or, expanded, by its parts)."""
    clauses = []
    for item in terms:
        whole = f"'{item.lemma}'"
        if item.parts and expand:
            parts = " & ".join(f"'{part}'" for part in item.parts)
            clauses.append(f"({whole} | ({parts}))")
        else:
            clauses.append(whole)
    return " & ".join(clauses)


def _fts_query(terms: list[dutch.Term], expand: bool) -> str:
    """An FTS5 MATCH text with the same meaning as ``_ts_query``."""
    clauses = []
    for item in terms:
        whole = f'"{dutch.stem(item.lemma)}"'
        if item.parts and expand:
            parts = " AND ".join(f'"{dutch.stem(part)}"' for part in item.parts)
            clauses.append(f"({whole} OR ({parts}))")
        else:
            clauses.append(whole)
    return " AND ".join(clauses)


def _filter_sql(filters: Filters, *, with_kind: bool) -> tuple[str, list[str]]:
    sql, params = [], []
    if with_kind and filters.kind:
        sql.append("e.kind = %s")
        params.append(filters.kind)
    if filters.theme:
        sql.append("e.themes LIKE %s")
        params.append(f"% {filters.theme} %")
    if filters.municipality_code:
        sql.append("e.municipality_code = %s")
        params.append(filters.municipality_code)
    if filters.province_code:
        sql.append("e.province_code = %s")
        params.append(filters.province_code)
    return "".join(f" AND {clause}" for clause in sql), params


def _match(terms: list[dutch.Term], expand: bool) -> tuple[str, str, list[str]]:
    """FROM clause, rank expression and parameters for the matching entries."""
    if connection.vendor == "postgresql":
        return (
            "search_searchentry e, to_tsquery('dutch', %s) q",
            "ts_rank(e.document, q, 1) * e.boost",
            [_ts_query(terms, expand)],
        )
    # CROSS JOIN fixes SQLite's join order: the full-text match first, then the
    # entries by id. Without table statistics SQLite may otherwise scan every
    # entry and probe the full-text index once per entry (100× slower).
    return (
        "search_fts f CROSS JOIN search_searchentry e ON e.id = f.rowid",
        f"-bm25(search_fts, {TITLE_WEIGHT}, 1.0) * e.boost",
        [_fts_query(terms, expand)],
    )


def _where() -> str:
    if connection.vendor == "postgresql":
        return "e.document @@ q"
    return "search_fts MATCH %s"


@dataclass(frozen=True)
class Ranking:
    """One page of matching entry ids, best first, and the matches per kind."""

    ids: list[int]
    counts: dict[str, int]


def ranking(
    terms: list[dutch.Term],
    filters: Filters,
    *,
    limit: int,
    offset: int,
    expand: bool = False,
) -> Ranking:
    """Entries that match every term: a page of ids best first, counts per kind.

    One pass over the matches gives both: the database scores every match once
    and Python keeps the counts and the best ``offset + limit``; asking the
    database to count and to sort separately would find every match twice.
    """
    source, rank, params = _match(terms, expand)
    where, filter_params = _filter_sql(filters, with_kind=False)
    sql = f"SELECT e.id, e.kind, {rank} FROM {source} WHERE {_where()}{where}"  # noqa: S608 # nosec B608 # constant fragments, values as parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *filter_params])
        rows = cursor.fetchall()
    counts = Counter(kind for _, kind, _ in rows)
    if filters.kind:
        rows = [row for row in rows if row[1] == filters.kind]
    # Best score first; among equals the newer entry (higher id).
    best = heapq.nlargest(offset + limit, rows, key=lambda row: (row[2], row[0]))
    return Ranking(ids=[row[0] for row in best[offset:]], counts=dict(counts))


def matching_ids_sql(
    terms: list[dutch.Term], kind: str, *, expand: bool = True
) -> tuple[str, list[str]]:
    """SQL selecting the object ids of one kind that match, for use as a subquery."""
    source, _, params = _match(terms, expand)
    return (
        f"SELECT e.object_id FROM {source} WHERE {_where()} AND e.kind = %s",  # noqa: S608 # nosec B608 # constant fragments, values as parameters
        [*params, kind],
    )
