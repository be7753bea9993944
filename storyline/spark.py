"""The digest on Apache Spark: the per-article stages run on the cluster, the rest on the driver.

Spark reads the input files (`binaryFiles`, so any Hadoop filesystem: local, hdfs://, s3a://), and each
partition parses, extracts, embeds and analyses its pages with the models its worker process loaded
once. The pages are written to Parquet; the driver then reads them back in input order and stores them
with the single-process pipeline's own functions (de-duplication, embeddings, analyses), and clusters and
briefs there, so the same input gives the same store and the same `stories.json` as `storyline digest`.

Records cross the Spark boundary as plain rows (dicts), derived field by field from the frozen records.
Install with `pip install 'storyline[spark]'`.
"""

from __future__ import annotations

import glob
import os
import sys
import types
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, fields, is_dataclass
from datetime import datetime
from functools import cache, partial
from itertools import islice
from pathlib import Path, PurePosixPath
from types import SimpleNamespace
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

import numpy as np
from pyspark import RDD
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql.types import (
    ArrayType,
    BooleanType,
    DataType,
    DoubleType,
    FloatType,
    LongType,
    StringType,
    StructField,
    StructType,
)

from storyline.analyse import PARALLEL_MIN_ARTICLES, analyse_many
from storyline.dedup import NearDuplicateIndex
from storyline.embed import article_input, embedder_for
from storyline.errors import InputError
from storyline.extract import extract
from storyline.extract.templates import drop_outlet_template
from storyline.ingest import IngestFailure, claimed_format, parse_file
from storyline.options import DEFAULT_OPTIONS, Options
from storyline.pipeline import EMBED_BATCH, DigestReport, process_new, progress, record_failure, store_article
from storyline.records import Analysis, Article, RawDocument
from storyline.store import Store

# Pages a partition takes through its stages together: one embedding batch, and fewer than analyse's
# threshold for starting parsing processes of its own (Spark already runs one task per core).
CHUNK = min(EMBED_BATCH, PARALLEL_MIN_ARTICLES - 1)
# Partitions per core for the per-article work: files are few and uneven, tasks should not be.
PARTITIONS_PER_CORE = 4
# Local runs use the loopback interface only: nothing is bound to or advertised on another address.
LOCAL_CONF = {
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
}
# Inputs may be folders of folders, as `storyline digest` walks them.
CONF = {"spark.hadoop.mapreduce.input.fileinputformat.input.dir.recursive": "true"}
# Datetimes travel as ISO text: a Spark timestamp would keep the instant but lose the page's own offset.
SCALAR_TYPES: dict[Any, DataType] = {
    str: StringType(),
    bool: BooleanType(),
    int: LongType(),
    float: DoubleType(),
    datetime: StringType(),
    np.ndarray: ArrayType(FloatType()),
}
T = TypeVar("T")


@dataclass
class Page:
    """One input item on its way through a partition's stages; each stage fills in its field."""

    path: str
    position: int  # the item's place in its file, so the driver can store in input order
    raw: RawDocument | None = None
    failure: IngestFailure | None = None
    article: Article | None = None
    embedding: np.ndarray | None = None
    analysis: Analysis | None = None


# -- the session --------------------------------------------------------------------------------------


def start_spark(master: str = "local[2]", conf: Mapping[str, str] | None = None) -> SparkSession:
    """A Spark session; a local master stays on 127.0.0.1 and runs workers on this Python."""
    settings = dict(CONF)
    if master.startswith("local"):
        # Read by the JVM at launch, before any setting: else Spark looks up the host's other interfaces.
        os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
        # Workers run this interpreter (with its installed models), not whatever `python3` is on the PATH.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        settings |= LOCAL_CONF
    builder = SparkSession.builder.master(master).appName("storyline")
    for key, value in (settings | dict(conf or {})).items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


# -- the job ------------------------------------------------------------------------------------------


def spark_digest(
    spark: SparkSession,
    inputs: Sequence[str],
    out_dir: Path,
    store: Store,
    options: Options = DEFAULT_OPTIONS,
    on_failure: Callable[[IngestFailure], None] | None = None,
    parquet: str | None = None,
) -> DigestReport:
    """Digest the files `inputs` (paths, globs or URIs) into `store`, the per-article work on Spark.

    The pages go to `parquet` (default DIR/articles.parquet; on a cluster, give a shared filesystem).
    """
    check_inputs(inputs)
    parquet = parquet or (out_dir / "articles.parquet").resolve().as_uri()
    write_pages(spark, inputs, parquet, options)
    report, retold = store_pages(spark, store, parquet, options, on_failure)
    save_results(spark, store, parquet, stale=retold)
    # Embeds and analyses only the retold articles (and what an earlier run left undone); clusters, briefs.
    return process_new(store, options, report)


def check_inputs(inputs: Sequence[str]) -> None:
    """Fail at once, as `storyline digest` does, on a local input that names nothing."""
    for given in inputs:
        if "://" not in given and not glob.glob(given.removeprefix("file:")):
            raise InputError(given, "no such file or folder")


def write_pages(spark: SparkSession, inputs: Sequence[str], parquet: str, options: Options) -> None:
    """Parse, extract, embed and analyse every page of `inputs` on Spark; write the pages to Parquet."""
    processed = parsed_pages(spark, inputs, options).mapPartitions(
        partial(process_partition, options=options)
    )
    spark.createDataFrame(processed, record_schema(Page)).write.mode("overwrite").parquet(parquet)


def parsed_pages(spark: SparkSession, inputs: Sequence[str], options: Options) -> RDD[dict[str, Any]]:
    """The pages of every input file, spread evenly over the cluster's cores."""
    context = spark.sparkContext
    files = context.union([context.binaryFiles(given) for given in inputs])
    pages = files.flatMap(partial(parse_input, options=options))
    return pages.repartition(context.defaultParallelism * PARTITIONS_PER_CORE)


# -- on the workers -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FetchedFile:
    """A file Spark has read, standing in for the `Path` that `storyline.ingest.parse_file` reads.

    The parser asks a path only for its name, size and bytes, and names what it finds by `str(path)`.
    """

    path: str
    data: bytes

    @property
    def name(self) -> str:
        return PurePosixPath(self.path).name

    def stat(self) -> SimpleNamespace:
        return SimpleNamespace(st_size=len(self.data))

    def read_bytes(self) -> bytes:
        return self.data

    def __str__(self) -> str:
        return self.path


def parse_input(item: tuple[str, bytes], options: Options) -> Iterator[dict[str, Any]]:
    """The pages of one file as rows; a bad file is one failure row, as in `storyline.ingest.read_file`."""
    path = local_path(item[0])
    if claimed_format(PurePosixPath(path)) is None:  # README.md, .py: skipped as `storyline digest` does
        return
    try:
        items = parse_file(FetchedFile(path, item[1]), options)  # type: ignore[arg-type]
    except InputError as error:
        items = [IngestFailure.from_error(error)]
    for position, parsed in enumerate(items):
        if isinstance(parsed, RawDocument):
            yield to_row(Page(path, position, raw=parsed))
        else:
            yield to_row(Page(path, position, failure=parsed))


def local_path(uri: str) -> str:
    """A local file as `storyline digest` names it ("/data/a.warc", where Spark says "file:/data/a.warc")."""
    return "/" + uri.removeprefix("file:").lstrip("/") if uri.startswith("file:") else uri


def extract_pages(pages: list[Page], options: Options) -> None:
    for page in pages:
        if page.raw is not None:
            try:
                page.article = extract(page.raw, options)
            except InputError as error:
                page.failure = IngestFailure(page.raw.source, error.reason)


def extracted(pages: list[Page]) -> list[Page]:
    return [page for page in pages if page.article is not None]


def embed_pages(pages: list[Page], options: Options) -> None:
    if articles := extracted(pages):
        embedder = embedder_for(options)  # loaded once per worker process
        vectors = embedder.embed([article_input(page.article.title, page.article.text) for page in articles])
        for page, vector in zip(articles, vectors, strict=True):
            page.embedding = vector


def analyse_pages(pages: list[Page], options: Options) -> None:
    articles = extracted(pages)
    analyses = analyse_many([page.article for page in articles], options)
    for page, analysis in zip(articles, analyses, strict=True):
        page.analysis = analysis


STAGES = (extract_pages, embed_pages, analyse_pages)


def process_partition(
    rows: Iterable[dict[str, Any]],
    options: Options,
    stages: Sequence[Callable[[list[Page], Options], None]] = STAGES,
) -> Iterator[dict[str, Any]]:
    """Take a partition's pages through the per-article stages, a chunk at a time."""
    for chunk in chunked(rows, CHUNK):
        pages = [from_row(Page, row) for row in chunk]
        for stage in stages:
            stage(pages, options)
        yield from (to_row(page) for page in pages)


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


# -- back on the driver ----------------------------------------------------------------------------------


def read_rows(frame: DataFrame) -> Iterator[dict[str, Any]]:
    """A frame's rows as plain dicts, streamed to the driver a partition at a time."""
    return (row.asDict(recursive=True) for row in frame.toLocalIterator())


def store_pages(
    spark: SparkSession,
    store: Store,
    parquet: str,
    options: Options,
    on_failure: Callable[[IngestFailure], None] | None,
) -> tuple[DigestReport, set[str]]:
    """Store each page's article less its outlet's template, de-duplicated, in input order (which copy
    is the original and what is an outlet's template depend on it).

    Returns the report and the ids of the articles retold without a template: what the executors
    embedded and analysed of them no longer fits the stored text.
    """
    report, retold = DigestReport(), set()
    index = NearDuplicateIndex(options.near_duplicate_threshold)
    index.load(store.minhashes())
    # Input order: by file, then by place in the file, as `storyline digest` reads them.
    pages = (
        spark.read.parquet(parquet)
        .orderBy("path", "position")
        .select("path", "position", "raw", "failure", "article")
    )
    for row in progress(read_rows(pages), options, "store"):
        page = from_row(Page, row)
        if page.failure is not None:
            record_failure(store, page.failure, report, options, on_failure)
        else:
            article = drop_outlet_template(page.article, store)
            if article is not page.article:
                retold.add(article.id)
            store_article(store, page.raw, article, index, report)
    return report, retold


def save_results(spark: SparkSession, store: Store, parquet: str, stale: set[str]) -> None:
    """The embeddings and analyses of the stored originals (copies get none, as in `storyline digest`),
    but for the `stale` articles, whose stored text is not the text the executors read."""
    unembedded = {article.id for article in store.unembedded()} - stale
    unanalysed = {article.id for article in store.unanalysed()} - stale
    articles = spark.read.parquet(parquet).where("article IS NOT NULL")
    rows = read_rows(articles.select("article.id", "embedding", "analysis"))
    for batch in chunked(rows, EMBED_BATCH):
        store.save_embeddings(
            {row["id"]: from_row(np.ndarray, row["embedding"]) for row in batch if row["id"] in unembedded}
        )
        for row in batch:
            if row["id"] in unanalysed:
                store.save_analysis(from_row(Analysis, row["analysis"]))


# -- records as rows ----------------------------------------------------------------------------------


@cache
def field_types(record_type: type) -> dict[str, Any]:
    return get_type_hints(record_type)


def optional_of(hint: Any) -> Any:
    """`X` for `X | None`, else the hint itself."""
    if get_origin(hint) in (Union, types.UnionType):
        return next(arg for arg in get_args(hint) if arg is not type(None))
    return hint


def spark_type(hint: Any) -> DataType:
    """The Spark SQL type that holds a record field of type `hint`."""
    hint = optional_of(hint)
    if get_origin(hint) is tuple:  # tuple[str, ...], or a (start, end) span
        return ArrayType(spark_type(get_args(hint)[0]))
    if get_origin(hint) is Literal:
        return StringType()
    if is_dataclass(hint):
        return record_schema(hint)
    return SCALAR_TYPES[hint]


def record_schema(record_type: type) -> StructType:
    """A record type's fields as a Spark struct, so the schema follows the records as they change."""
    hints = field_types(record_type)
    return StructType(
        [StructField(field.name, spark_type(hints[field.name])) for field in fields(record_type)]
    )


def to_row(record: Any) -> dict[str, Any]:
    """A record as a plain row: nested records as dicts, datetimes as ISO text, vectors as lists."""
    return plain(asdict(record))


def plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, np.ndarray):
        return value.tolist()
    return value


def from_row(hint: Any, value: Any) -> Any:
    """The value of type `hint` that `to_row` made `value` from."""
    hint = optional_of(hint)
    if value is None:
        return None
    if get_origin(hint) is tuple:
        return tuple(from_row(get_args(hint)[0], item) for item in value)
    if is_dataclass(hint):
        hints = field_types(hint)
        return hint(**{name: from_row(hints[name], item) for name, item in value.items()})
    if hint is datetime:
        return datetime.fromisoformat(value)
    if hint is np.ndarray:
        return np.asarray(value, dtype=np.float32)
    return value
