"""Benchmark re-screening of stored certificates by one real Celery worker.

Run from the project folder, with PostgreSQL and Redis on the loopback address:

    DJANGO_SETTINGS_MODULE=config.settings DEBUG=true \\
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/euc_bench \\
    CELERY_BROKER_URL=redis://127.0.0.1:6379/12 \\
    .venv/bin/python -m benchmarks.rescreening --certificates 10000 [--fresh]

The script creates the database named in DATABASE_URL when it is missing
(--fresh drops it first), migrates it and loads the reference data. It then
bulk-creates the missing submitted certificates, 500 at a time: certificates,
versions and results with bulk_create, and each version's parties, items and
uses with version_fill_from_document. Each certificate's first
ScreeningResult comes from a real screening of its document, the same engine
call that screening_preview makes. Seeding writes no audit events, because
re-screening never reads them. By default every third certificate is
approved, and the end users have distinct, generated Japanese company names.

A run puts every certificate back into its seeded state, starts one worker
(`celery worker --pool=solo --concurrency=1 -E`), imports a watch list that
names a share of the end users and times the import until every
rescreen_batch task has finished. Completion is counted from the worker's
task events, so the end condition is exact: rescreen_all has succeeded and
as many rescreen_batch tasks have finished as it queued. The database is
left for the next run.
"""

import argparse
import datetime
import logging
import math
import os
import random
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

PROJECT = Path(__file__).resolve().parent.parent
REFERENCE_PREFIX = "RB-"
APPROVED_MARK = "-A"
WATCHLIST_SLUG = "bench-watch"
INSERT_BATCH = 500
# The worker's log goes here, so that a failed run can be diagnosed.
WORKER_LOG = PROJECT / "var" / "bench-rescreening-worker.log"

logger = logging.getLogger("benchmarks.rescreening")

PLACES = [
    ("大和", "Yamato"),
    ("北陸", "Hokuriku"),
    ("東邦", "Toho"),
    ("三和", "Sanwa"),
    ("日東", "Nitto"),
    ("浪速", "Naniwa"),
    ("信州", "Shinshu"),
    ("筑波", "Tsukuba"),
    ("播磨", "Harima"),
    ("駿河", "Suruga"),
    ("相模", "Sagami"),
    ("越後", "Echigo"),
    ("出雲", "Izumo"),
    ("讃岐", "Sanuki"),
    ("土佐", "Tosa"),
    ("肥後", "Higo"),
    ("薩摩", "Satsuma"),
    ("奥州", "Oshu"),
    ("常磐", "Joban"),
    ("湘南", "Shonan"),
    ("京浜", "Keihin"),
    ("中京", "Chukyo"),
    ("阪神", "Hanshin"),
    ("九州", "Kyushu"),
    ("北海", "Hokkai"),
    ("瀬戸", "Seto"),
    ("加賀", "Kaga"),
    ("房総", "Boso"),
    ("甲斐", "Kai"),
    ("伊勢", "Ise"),
]
CORES = [
    ("光陽", "Koyo"),
    ("旭", "Asahi"),
    ("昭栄", "Shoei"),
    ("富士見", "Fujimi"),
    ("松葉", "Matsuba"),
    ("若葉", "Wakaba"),
    ("白鷺", "Shirasagi"),
    ("青葉", "Aoba"),
    ("日進", "Nisshin"),
    ("共栄", "Kyoei"),
    ("丸山", "Maruyama"),
    ("高砂", "Takasago"),
    ("千代田", "Chiyoda"),
    ("朝日", "Asahi"),
    ("栄光", "Eiko"),
    ("新星", "Shinsei"),
    ("東洋", "Toyo"),
    ("萬世", "Bansei"),
    ("黎明", "Reimei"),
    ("鳳凰", "Hoo"),
    ("ミナト", "Minato"),
    ("サクラ", "Sakura"),
    ("ヤマト", "Yamato"),
    ("アサヒ", "Asahi"),
]
INDUSTRIES = [
    ("精機", "Seiki"),
    ("電子", "Denshi"),
    ("化成", "Kasei"),
    ("工業", "Kogyo"),
    ("製作所", "Seisakusho"),
    ("マテリアル", "Material"),
    ("エレクトロニクス", "Electronics"),
    ("モーター", "Motor"),
    ("磁材", "Jizai"),
    ("金属", "Kinzoku"),
    ("精密", "Seimitsu"),
    ("技研", "Giken"),
    ("電機", "Denki"),
    ("重工", "Juko"),
    ("ドライブ", "Drive"),
    ("オプトロニクス", "Optronics"),
]
LEGAL_FORMS = [("株式会社", "Co., Ltd."), ("有限会社", "Ltd."), ("合同会社", "LLC")]
CITIES = ["静岡県浜松市", "愛知県豊田市", "大阪府東大阪市", "長野県諏訪市", "福岡県北九州市"]
USES = [
    ("産業用ロボット向けサーボモーターのロータに使用", "industrial machinery", "servo motors"),
    ("電気自動車の駆動用モーターに使用", "automotive", "traction motors"),
    ("風力発電機の発電機用磁石として使用", "energy", "wind turbine generators"),
    ("一般産業用、各種用途", "", ""),
]


@dataclass(frozen=True)
class Company:
    name: str
    name_local: str


@dataclass
class RunFigures:
    certificates: int
    seconds: float
    batches: int
    new_results: int
    flagged: int
    failed_batches: int


@dataclass
class TaskTracker:
    """Counts the worker's task events of one re-screening run."""

    names: dict[str, str] = field(default_factory=dict)
    queued_certificates: int | None = None
    finished_batches: int = 0
    failed_batches: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    ready: threading.Event = field(default_factory=threading.Event)

    def on_received(self, event: dict[str, Any]) -> None:
        with self.lock:
            self.names[event["uuid"]] = event.get("name", "")

    def on_succeeded(self, event: dict[str, Any]) -> None:
        self._finish(event, failed=False)

    def on_failed(self, event: dict[str, Any]) -> None:
        self._finish(event, failed=True)

    def _finish(self, event: dict[str, Any], *, failed: bool) -> None:
        with self.lock:
            name = self.names.get(event["uuid"], "")
            if name == "screening.tasks.rescreen_all" and not failed:
                self.queued_certificates = int(event.get("result") or 0)
            elif name == "screening.tasks.rescreen_batch":
                self.finished_batches += 1
                self.failed_batches += int(failed)

    def expected_batches(self) -> int | None:
        from screening.tasks import RESCREEN_BATCH

        with self.lock:
            if self.queued_certificates is None:
                return None
            return math.ceil(self.queued_certificates / RESCREEN_BATCH)

    def done(self) -> bool:
        expected = self.expected_batches()
        with self.lock:
            return expected is not None and self.finished_batches >= expected


def _parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--certificates", type=int, default=10000, help="certificates to seed")
    parser.add_argument(
        "--approved-share",
        type=float,
        default=0.3,
        help="share of certificates approved (0 to 1), applied as every round(1/share)-th",
    )
    parser.add_argument(
        "--listed-share",
        type=float,
        default=0.02,
        help="share of end users that the changed watch list names (0 to 1)",
    )
    parser.add_argument("--seed", type=int, default=2026, help="random seed of the synthetic data")
    parser.add_argument(
        "--timeout", type=float, default=3600, help="seconds to wait for the re-screening"
    )
    parser.add_argument("--fresh", action="store_true", help="drop and recreate the database")
    return parser.parse_args()


# Database and Django set-up ----------------------------------------------------------


def _database_url() -> tuple[str, str, str, str]:
    """Return the host, port, user and database name of DATABASE_URL."""
    url = urlsplit(os.environ.get("DATABASE_URL", ""))
    if url.scheme not in ("postgres", "postgresql") or not url.path.strip("/"):
        sys.exit("DATABASE_URL must name a PostgreSQL database, e.g. postgres://.../euc_bench")
    return (
        url.hostname or "127.0.0.1",
        str(url.port or 5432),
        url.username or "postgres",
        url.path.strip("/"),
    )


def _prepare_database(fresh: bool) -> None:
    host, port, user, name = _database_url()
    connection = ["-h", host, "-p", port, "-U", user]
    if fresh:
        # A guard against dropping a real database by a mistyped DATABASE_URL.
        if "bench" not in name:
            sys.exit(f"--fresh drops the database; refusing for {name!r}, which lacks 'bench'")
        subprocess.run(["dropdb", *connection, "--if-exists", name], check=True)
    exists = subprocess.run(
        [
            "psql",
            *connection,
            "-d",
            "postgres",
            "-tAc",
            f"SELECT 1 FROM pg_database WHERE datname = '{name}'",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    if exists != "1":
        subprocess.run(["createdb", *connection, name], check=True)
        logger.info("created database %s", name)


def _setup_django() -> None:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("load_reference_data", verbosity=0)


# Seeding ---------------------------------------------------------------------------


def _companies(count: int, rng: random.Random) -> list[Company]:
    """Draw distinct Japanese company names with their romanised English names."""
    combinations = [
        (place, core, industry) for place in PLACES for core in CORES for industry in INDUSTRIES
    ]
    if count > len(combinations):
        sys.exit(f"at most {len(combinations)} distinct end users can be generated")
    chosen = rng.sample(combinations, count)
    companies = []
    for place, core, industry in chosen:
        form_local, form = rng.choice(LEGAL_FORMS)
        local = place[0] + core[0] + industry[0]
        companies.append(
            Company(
                name=f"{place[1]} {core[1]} {industry[1]} {form}",
                name_local=f"{local}{form_local}" if rng.random() < 0.8 else f"{form_local}{local}",
            )
        )
    return companies


def _document(
    reference: str, end_user: Company, valid_until: datetime.date, rng: random.Random
) -> dict[str, Any]:
    from certificates.demo import demo_document

    use, sector, product = rng.choice(USES)
    city = rng.choice(CITIES)
    document = demo_document(reference)
    document["end_user"] = {
        "name": end_user.name,
        "name_local": end_user.name_local,
        "country": "JP",
        "address": city,
        "business": f"{product or '各種'}の製造",
    }
    document["declared_uses"][0].update(
        {"description": use, "sector": sector, "end_product": product, "site": city}
    )
    document["items"][0]["quantity"] = rng.randint(10, 2000)
    document["valid_until"] = valid_until.isoformat()
    return document


def _seed_actor() -> tuple[Any, Any]:
    from certificates.demo import ORGANISATIONS
    from certificates.models import Organisation, User
    from certificates.workflow import Role

    details = ORGANISATIONS["kansai"]
    organisation, _created = Organisation.objects.get_or_create(
        corporate_number=details["corporate_number"],
        defaults={"name": details["name"], "name_local": details["name_local"], "country": "JP"},
    )
    user, _created = User.objects.get_or_create(
        username="bench-importer",
        defaults={"role": Role.IMPORTER, "organisation": organisation, "is_active": False},
    )
    return organisation, user


def _seed(count: int, approved_share: float, rng: random.Random) -> list[Company]:
    """Create the missing certificates; return every seeded certificate's end user, in order."""
    from certificates.models import Certificate

    companies = _companies(count, rng)
    existing = Certificate.objects.filter(reference__startswith=REFERENCE_PREFIX).count()
    if existing >= count:
        return companies
    organisation, user = _seed_actor()
    started = time.perf_counter()
    for start in range(existing, count, INSERT_BATCH):
        numbers = range(start, min(start + INSERT_BATCH, count))
        _seed_batch(numbers, companies, approved_share, organisation, user, rng)
        logger.info("seeded %d of %d certificates", numbers[-1] + 1, count)
    logger.info("seeding took %.1f s", time.perf_counter() - started)
    return companies


def _reference(number: int, approved_share: float) -> str:
    # Every n-th certificate is approved, so the share holds for any count.
    approved = approved_share > 0 and number % round(1 / approved_share) == 0
    return f"{REFERENCE_PREFIX}{number:06d}{APPROVED_MARK if approved else ''}"


def _seed_batch(
    numbers: range,
    companies: list[Company],
    approved_share: float,
    organisation: Any,
    user: Any,
    rng: random.Random,
) -> None:
    from django.db import transaction
    from django.utils import timezone

    from certificates.conversion import version_fill_from_document
    from certificates.models import Certificate, CertificateVersion
    from certificates.workflow import Status
    from screening.models import ScreeningResult, ScreeningTrigger
    from screening.services.runs import (
        registry_records_per_document,
        screen_in_context,
        screening_context,
        screening_result_row,
    )

    now = timezone.now()
    valid_until = timezone.localdate() + datetime.timedelta(days=365)
    references = [_reference(number, approved_share) for number in numbers]
    documents = [
        _document(reference, companies[number], valid_until, rng)
        for number, reference in zip(numbers, references, strict=True)
    ]
    # The same engine call as screening_preview, with the lists loaded once per batch.
    context = screening_context()
    registries = registry_records_per_document(documents)
    results = [
        screen_in_context(document, context, registry)
        for document, registry in zip(documents, registries, strict=True)
    ]
    with transaction.atomic():
        certificates = Certificate.objects.bulk_create(
            Certificate(
                importer=organisation,
                reference=reference,
                status=Status.APPROVED if reference.endswith(APPROVED_MARK) else Status.SUBMITTED,
                band=result["band"],
                created_by=user,
                submitted_at=now,
            )
            for reference, result in zip(references, results, strict=True)
        )
        versions = CertificateVersion.objects.bulk_create(
            CertificateVersion(certificate=certificate, number=1, created_by=user, submitted_at=now)
            for certificate in certificates
        )
        # version_fill_from_document updates the version and bulk-creates its
        # parties, items and uses: four statements per certificate.
        for version, document in zip(versions, documents, strict=True):
            version_fill_from_document(version, document)
        ScreeningResult.objects.bulk_create(
            screening_result_row(
                certificate=certificate,
                version=version,
                result=result,
                trigger=ScreeningTrigger.SUBMISSION,
            )
            for certificate, version, result in zip(certificates, versions, results, strict=True)
        )


# One run ---------------------------------------------------------------------------


def _reset_previous_run() -> None:
    """Undo an earlier run: drop its results, list and flags, restore the seeded bands."""
    from django.db import transaction
    from django.db.models import OuterRef, Subquery

    from certificates.models import BAND_RANK, Certificate
    from certificates.workflow import Status
    from screening.models import ScreeningResult, ScreeningTrigger, Watchlist, WatchlistEntry

    seeded = Certificate.objects.filter(reference__startswith=REFERENCE_PREFIX)
    first_band = ScreeningResult.objects.filter(
        certificate=OuterRef("pk"), trigger=ScreeningTrigger.SUBMISSION
    ).values("band")[:1]
    with transaction.atomic():
        ScreeningResult.objects.filter(
            certificate__in=seeded, trigger=ScreeningTrigger.RESCREENING
        ).delete()
        seeded.update(band=Subquery(first_band))
        seeded.filter(reference__endswith=APPROVED_MARK).update(status=Status.APPROVED)
        seeded.exclude(reference__endswith=APPROVED_MARK).update(status=Status.SUBMITTED)
        for band, rank in BAND_RANK.items():
            seeded.filter(band=band).update(band_rank=rank)
        WatchlistEntry.objects.filter(version__watchlist__slug=WATCHLIST_SLUG).delete()
        watchlist = Watchlist.objects.filter(slug=WATCHLIST_SLUG).first()
        if watchlist is not None:
            watchlist.versions.all().delete()
            watchlist.delete()


def _watchlist_csv(companies: list[Company], share: float, rng: random.Random) -> bytes:
    listed = rng.sample(companies, max(1, round(len(companies) * share)))
    lines = ["id,name,aliases,country,corporate_number,address,list_kind,notes"]
    for number, company in enumerate(listed):
        lines.append(
            f'BENCH-{number:05d},"{company.name}",{company.name_local},JP,,,watch_list,benchmark'
        )
    return ("\n".join(lines) + "\n").encode()


def _start_worker() -> subprocess.Popen[bytes]:
    from config.celery import app

    WORKER_LOG.parent.mkdir(exist_ok=True)
    log = WORKER_LOG.open("wb")
    command = [
        sys.executable, "-m", "celery", "-A", "config", "worker",
        "--pool=solo", "--concurrency=1", "--loglevel=INFO", "-E",
        "--without-gossip", "--without-mingle", "--without-heartbeat",
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=PROJECT, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"the worker exited with {process.returncode}; see {WORKER_LOG}")
        if app.control.ping(timeout=1.0):
            return process
    process.terminate()
    sys.exit(f"the worker did not answer a ping within 60 s; see {WORKER_LOG}")


def _stop_worker(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _listen(tracker: TaskTracker) -> threading.Thread:
    """Start a thread that feeds the worker's task events to the tracker."""
    from celery.events.receiver import EventReceiver

    from config.celery import app

    class _Receiver(EventReceiver):
        def on_consume_ready(self, *args: Any, **kwargs: Any) -> None:
            super().on_consume_ready(*args, **kwargs)
            tracker.ready.set()

    def run() -> None:
        with app.connection_for_read() as connection:
            receiver = _Receiver(
                connection,
                handlers={
                    "task-received": tracker.on_received,
                    "task-succeeded": tracker.on_succeeded,
                    "task-failed": tracker.on_failed,
                },
                app=app,
            )
            receiver.capture(limit=None, timeout=None, wakeup=False)

    thread = threading.Thread(target=run, name="task-events", daemon=True)
    thread.start()
    if not tracker.ready.wait(timeout=30):
        sys.exit("the task-event receiver did not connect to the broker within 30 s")
    return thread


def _run(companies: list[Company], share: float, timeout: float, rng: random.Random) -> RunFigures:
    from certificates.models import Certificate
    from certificates.workflow import Status
    from screening.models import ScreeningResult, ScreeningTrigger
    from screening.services import watchlist_import

    tracker = TaskTracker()
    _listen(tracker)
    data = _watchlist_csv(companies, share, rng)
    started = time.perf_counter()
    watchlist_import(slug=WATCHLIST_SLUG, data=data, name="benchmark watch list")
    deadline = time.monotonic() + timeout
    while not tracker.done():
        if time.monotonic() > deadline:
            sys.exit(f"re-screening did not finish within {timeout:.0f} s; see {WORKER_LOG}")
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    seeded = Certificate.objects.filter(reference__startswith=REFERENCE_PREFIX)
    return RunFigures(
        certificates=tracker.queued_certificates or 0,
        seconds=seconds,
        batches=tracker.finished_batches,
        new_results=ScreeningResult.objects.filter(
            certificate__in=seeded, trigger=ScreeningTrigger.RESCREENING
        ).count(),
        flagged=seeded.filter(status=Status.FLAGGED).count(),
        failed_batches=tracker.failed_batches,
    )


def _report(figures: RunFigures, listed_share: float) -> None:
    rate = figures.certificates / figures.seconds if figures.seconds else 0.0
    print("| figure | value |")
    print("|---|---|")
    print(f"| certificates re-screened | {figures.certificates} |")
    print(f"| batches (failed) | {figures.batches} ({figures.failed_batches}) |")
    print(f"| end users on the changed list | {listed_share:.1%} |")
    print(f"| wall time, import to last batch | {figures.seconds:.1f} s |")
    print(f"| certificates per second | {rate:.1f} |")
    print(f"| new results stored | {figures.new_results} |")
    print(f"| approved certificates flagged | {figures.flagged} |")


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    arguments = _parse_arguments()
    _prepare_database(arguments.fresh)
    _setup_django()

    from config.celery import app

    rng = random.Random(arguments.seed)
    companies = _seed(arguments.certificates, arguments.approved_share, rng)
    _reset_previous_run()
    # Imports by load_reference_data queue rescreen_all while no worker runs.
    # Purged, because those messages would otherwise run inside the timed window.
    app.control.purge()
    worker = _start_worker()
    try:
        # A separate generator picks the listed end users, so a run on a reused
        # database lists the same companies as the run that seeded it.
        listing_rng = random.Random(arguments.seed + 1)
        figures = _run(companies, arguments.listed_share, arguments.timeout, listing_rng)
    finally:
        _stop_worker(worker)
    _report(figures, arguments.listed_share)


if __name__ == "__main__":
    main()
