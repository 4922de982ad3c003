"""The ``newsfacts`` command line.

Every command has ``--help`` and ``--db``; errors are one line on stderr and a
non-zero exit. Heavy modules (spaCy, Prefect, DuckDB) are imported inside the
commands so ``--help`` stays instant.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from flows.settings import DB_ENV, default_db

EXIT_ERROR = 1
EXIT_USAGE = 2


def _db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None,
        help=f"DuckDB facts store (default: ${DB_ENV} or ./{default_db()})",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="newsfacts",
        description="Monitor news, extract typed facts (visa programmes, fees, quotes, "
        "people, dated events) and query them in DuckDB.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (helptext, adder) in _COMMANDS.items():
        sub = commands.add_parser(name, help=helptext, description=helptext)
        adder(sub)
        _db_option(sub)
    return parser


def _json_flag(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument("--json", action="store_true", help=f"print {what}")


def _config_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("config", metavar="CONFIG", help="TOML file listing feeds and pages")


def _add_ingest(p: argparse.ArgumentParser) -> None:
    p.add_argument("target", metavar="URL_OR_PATH", help="http(s) URL, or a local .html/.txt file")
    _json_flag(p, '{"article": {...}, "facts": [...]}')


def _add_monitor(p: argparse.ArgumentParser) -> None:
    _config_argument(p)
    _json_flag(p, "the run summary as JSON")
    _runner_options(p)


def _runner_options(p: argparse.ArgumentParser) -> None:
    """Where the per-article work runs (flows/scale.py, flows/cluster.py)."""
    p.add_argument(
        "--runner",
        choices=["threads", "dask"],
        default="threads",
        help="threads: this process (default); dask: extract each article on a Dask cluster",
    )
    p.add_argument(
        "--dask-address",
        metavar="ADDRESS",
        default=None,
        help="scheduler of a running Dask cluster, e.g. tcp://10.0.0.5:8786 (default: a temporary local one)",
    )
    p.add_argument(
        "--staging",
        metavar="DIR",
        default=None,
        help="folder the workers stage extractions in, shared with this machine (default: STORE.staging)",
    )


def _add_backfill(p: argparse.ArgumentParser) -> None:
    _config_argument(p)
    p.add_argument("--topic", metavar="NAME", default=None, help="re-evaluate for this topic only")
    _json_flag(p, "the backfill summary as JSON")


def _add_serve(p: argparse.ArgumentParser) -> None:
    _config_argument(p)
    when = p.add_mutually_exclusive_group(required=True)
    when.add_argument("--cron", metavar="EXPR", help='cron schedule, e.g. "*/30 * * * *"')
    when.add_argument("--interval", metavar="SECONDS", type=float, help="run every SECONDS")
    p.add_argument("--name", default="newsfacts-monitor", help="deployment name")
    _runner_options(p)


def _add_deploy(p: argparse.ArgumentParser) -> None:
    _config_argument(p)
    p.add_argument("--pool", metavar="NAME", required=True, help="Prefect work pool whose workers run it")
    when = p.add_mutually_exclusive_group(required=True)
    when.add_argument("--cron", metavar="EXPR", help='cron schedule, e.g. "*/30 * * * *"')
    when.add_argument("--interval", metavar="SECONDS", type=float, help="run every SECONDS")
    p.add_argument("--name", default="newsfacts-monitor", help="deployment name")
    _runner_options(p)


def _add_load(p: argparse.ArgumentParser) -> None:
    p.add_argument("staging", metavar="DIR", help="staging folder of a `monitor --runner dask` run")
    _json_flag(p, "what was loaded, skipped and refused, as JSON")


def _add_query(p: argparse.ArgumentParser) -> None:
    p.add_argument("sql", metavar="SQL", help="a read-only statement (SELECT ...)")
    _json_flag(p, "a JSON array, one object per row")


def _add_timeline(p: argparse.ArgumentParser) -> None:
    p.add_argument("programme", metavar="PROGRAMME", help='e.g. "K visa", "H-1B"')
    _json_flag(p, "the rows as a JSON array")
    p.add_argument("--html", metavar="FILE", help="write a self-contained page (chart, quotes, conflicts)")


def _window_options(p: argparse.ArgumentParser) -> None:
    when = p.add_mutually_exclusive_group()
    when.add_argument(
        "--since", metavar="WHEN", help="a date (2025-10-01), a UTC time, or a duration (24h, 7d)"
    )
    when.add_argument("--day", metavar="YYYY-MM-DD", help="one UTC day")


def _add_alerts(p: argparse.ArgumentParser) -> None:
    _window_options(p)
    _json_flag(p, "the alerts as a JSON array (facts, sources, delivery state)")


def _add_digest(p: argparse.ArgumentParser) -> None:
    _window_options(p)
    p.add_argument("--md", metavar="FILE", help="write the digest as Markdown to FILE")
    p.add_argument("--html", metavar="FILE", help="write the digest as a self-contained HTML page to FILE")


def _add_demo(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site", metavar="DIR", default=None, help="fixture site to serve (default: bundled)")


def _add_eval(p: argparse.ArgumentParser) -> None:
    # extractors.evaluate.SPLITS and "all", not imported for --help
    splits = ["train", "validation", "holdout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6",
              "blind7", "blind8", "blind9", "blind10", "blind11", "blind12",
              "blind13", "blind14", "blind15", "all"]
    p.add_argument("--split", choices=splits, default="all", help="gold split")
    p.add_argument("--no-misses", action="store_true", help="print only the scores")
    _json_flag(p, "the scores as JSON")


def _run_eval(args: argparse.Namespace) -> int:
    from extractors.evaluate import SPLITS, format_report, run

    reports = run(SPLITS if args.split == "all" else (args.split,))
    if args.json:
        _print_json([r.to_dict() for r in reports])
    else:
        print("\n\n".join(format_report(r, misses=not args.no_misses) for r in reports))
    return 0


def _run_ingest(args: argparse.Namespace) -> int:
    from extractors.background import BackgroundExtractor
    from extractors.nlp import FactExtractor

    # The model loads in a child process from here on, while this one imports
    # trafilatura, httpx and DuckDB and fetches and reads the page.
    with BackgroundExtractor(FactExtractor(), articles=1) as extractor:
        from flows.pipeline import ingest
        from flows.settings import resolve_db

        extraction, saved = ingest(args.target, resolve_db(args.db), extractor)
    if args.json:
        _print_json(extraction.to_json())
    else:
        from flows.render import ingest_summary

        print(ingest_summary(extraction, saved))
    return 0


def _run_monitor(args: argparse.Namespace) -> int:
    from flows.scale import cluster_settings
    from flows.settings import quiet_prefect, resolve_db

    # Checked before Prefect starts: a bad combination fails in one line, at once.
    cluster_settings(args.runner, args.dask_address, args.staging, resolve_db(args.db))
    quiet_prefect()
    from flows.monitor import monitor, store_held

    with store_held(resolve_db(args.db)):  # a second run on this store stops here, in one line
        summary = monitor(
            args.config,
            str(resolve_db(args.db)),
            runner=args.runner,
            dask_address=args.dask_address,
            staging=args.staging,
        )
    if args.json:
        _print_json(summary)
    else:
        from flows.render import monitor_summary

        print(monitor_summary(summary))
    return 0


def _run_backfill(args: argparse.Namespace) -> int:
    from flows.backfill import backfill
    from flows.render import backfill_summary
    from flows.settings import resolve_db

    summary = backfill(args.config, resolve_db(args.db), topic=args.topic)
    if args.json:
        _print_json(summary.to_dict())
    else:
        print(backfill_summary(summary.to_dict()))
    return 0


def _run_serve(args: argparse.Namespace) -> int:
    from flows.scale import cluster_parameters
    from flows.settings import quiet_prefect, resolve_db

    db = str(resolve_db(args.db))
    extra = cluster_parameters(db, runner=args.runner, dask_address=args.dask_address, staging=args.staging)
    quiet_prefect()
    from flows.serve import serve

    serve(args.config, db, name=args.name, cron=args.cron, interval=args.interval, extra=extra)
    return 0


def _run_deploy(args: argparse.Namespace) -> int:
    from flows.scale import monitor_parameters
    from flows.settings import quiet_prefect, resolve_db

    db = str(resolve_db(args.db))
    parameters = monitor_parameters(
        args.config, db, runner=args.runner, dask_address=args.dask_address, staging=args.staging
    )
    quiet_prefect()
    from flows.deploy import register

    deployment_id = register(
        parameters, pool=args.pool, name=args.name, cron=args.cron, interval=args.interval
    )
    print(f"deployment monitor/{args.name} ({deployment_id}) on work pool {args.pool}; "
          f"start its workers with: prefect worker start --pool {args.pool}")
    return 0


def _run_load(args: argparse.Namespace) -> int:
    from pathlib import Path

    from flows.settings import resolve_db
    from store.db import open_store
    from store.loader import load_pending

    con = open_store(resolve_db(args.db))
    try:
        report = load_pending(con, Path(args.staging))
    finally:
        con.close()
    if args.json:
        _print_json({"loaded": sorted(report.loaded), "skipped": report.skipped, "refused": report.refused})
    else:
        print(f"loaded {len(report.loaded)} staged files, skipped {len(report.skipped)} loaded before, "
              f"refused {len(report.refused)}")
    for name, reason in sorted(report.refused.items()):
        print(f"newsfacts: error: refused {name}: {reason}", file=sys.stderr)
    return EXIT_ERROR if report.refused else 0


def _run_query(args: argparse.Namespace) -> int:
    from flows.render import table
    from flows.settings import resolve_db
    from store.queries import run_readonly

    result = run_readonly(resolve_db(args.db), args.sql)
    if args.json:
        _print_json([dict(zip(result.columns, row, strict=True)) for row in result.rows])
    else:
        print(table(result.columns, result.rows))
    return 0


def _run_timeline(args: argparse.Namespace) -> int:
    from flows.render import timeline_text
    from flows.timeline import load_timeline, write_timeline_page

    if args.html:
        print(write_timeline_page(args.db, args.programme, args.html))
        return 0
    name, rows = load_timeline(args.db, args.programme)
    if args.json:
        _print_json([row.to_dict() for row in rows])
    else:
        print(timeline_text(name, rows))
    return 0


def _run_alerts(args: argparse.Namespace) -> int:
    from flows.digest import alert_rows, load_alerts, window
    from flows.render import table

    span = window(args.since, args.day) if (args.since or args.day) else None
    alerts = load_alerts(args.db, span)
    if args.json:
        _print_json([alert.to_dict() for alert in alerts])
    else:
        print(table(*alert_rows(alerts)))
    return 0


def _run_digest(args: argparse.Namespace) -> int:
    from flows.digest import write_digest

    print(write_digest(args.db, args.since, args.day, md=args.md, html=args.html))
    return 0


def _run_demo(args: argparse.Namespace) -> int:
    from flows.settings import quiet_prefect

    quiet_prefect()
    from flows.demo import run_demo

    return run_demo(args.db, args.site)


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


_COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    "ingest": ("Fetch one URL (or read a local file) and store its facts.", _add_ingest),
    "monitor": ("Run every feed and page in CONFIG once (a Prefect flow run).", _add_monitor),
    "serve": ("Serve the monitor flow on a cron or interval schedule through Prefect.", _add_serve),
    "backfill": (
        "Re-evaluate stored and off-topic-skipped articles against CONFIG's topics, without fetching.",
        _add_backfill,
    ),
    "deploy": ("Register the monitor flow on a Prefect work pool, on a schedule.", _add_deploy),
    "load": ("Load staged extractions (monitor --runner dask) not yet in the store.", _add_load),
    "query": ("Run a read-only SQL query on the facts store.", _add_query),
    "timeline": ("Dated events and fees of one visa programme, oldest first, with sources.", _add_timeline),
    "alerts": ("List stored alerts (what the alert rules raised), oldest first.", _add_alerts),
    "digest": ("What changed in a day (or since WHEN), grouped by topic, as Markdown and HTML.", _add_digest),
    "demo": ("Serve the bundled fixture site on loopback, monitor it, print timelines.", _add_demo),
    "eval": ("Score extraction on the gold set: P/R/F1 per fact kind and field, and the misses.", _add_eval),
}
_RUNNERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "ingest": _run_ingest,
    "monitor": _run_monitor,
    "serve": _run_serve,
    "backfill": _run_backfill,
    "deploy": _run_deploy,
    "load": _run_load,
    "query": _run_query,
    "timeline": _run_timeline,
    "alerts": _run_alerts,
    "digest": _run_digest,
    "demo": _run_demo,
    "eval": _run_eval,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``newsfacts``; returns the exit status."""
    args = build_parser().parse_args(argv)
    from sources.errors import NewsfactsError

    try:
        return _RUNNERS[args.command](args)
    except NewsfactsError as exc:
        print(f"newsfacts: error: {exc.one_line()}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("newsfacts: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the last boundary: one line unless debugging
        from store.messages import is_ctrl_c

        if is_ctrl_c(exc):  # a Ctrl-C that DuckDB caught while it ran the user's query
            print("newsfacts: interrupted", file=sys.stderr)
            return 130
        if os.environ.get("NEWSFACTS_DEBUG"):
            raise
        message = " ".join(str(exc).split()) or type(exc).__name__
        print(f"newsfacts: internal error: {type(exc).__name__}: {message} "
              "(set NEWSFACTS_DEBUG=1 for a traceback)", file=sys.stderr)
        return EXIT_ERROR


# Commands that leave nothing open when they return (``ingest`` has closed its
# store and joined its child by then): they end without Python's teardown.
_ENDS_AT_ONCE = frozenset({"ingest"})


def run() -> None:
    """The ``newsfacts`` executable: :func:`main`, then exit with its status.

    After ``ingest`` the process ends at once, once its output is flushed:
    Python's teardown of the modules it imported (trafilatura's, DuckDB's,
    Arrow's and NumPy's objects freed one by one) took 90-160 ms, a tenth of
    the command, and does nothing a finished command needs.
    """
    argv = sys.argv[1:]
    code = main(argv)
    if argv[:1] and argv[0] in _ENDS_AT_ONCE:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)
    sys.exit(code)


if __name__ == "__main__":
    run()
