"""The jobs ports (JobQueue, JobRuns, JobReporter, JobHistory, the outbox relay): the same
behaviour from the in-memory twins and from PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

import pytest

from revenge.adapters.memory.job_delivery import InMemoryOutboxRelay
from revenge.adapters.memory.jobs import (
    OUTBOX,
    RUNS,
    InMemoryJobQueue,
    InMemoryJobReporter,
    InMemoryJobRuns,
    InMemoryJobsUnitOfWork,
)
from revenge.adapters.memory.unit_of_work import InMemoryState, InMemoryUnitOfWork
from revenge.adapters.postgres.database import Database
from revenge.adapters.postgres.jobs import (
    PostgresJobQueue,
    PostgresJobReporter,
    PostgresJobRuns,
    PostgresJobsUnitOfWork,
)
from revenge.adapters.postgres.outbox_relay import OutboxRelay
from revenge.adapters.postgres.unit_of_work import PostgresUnitOfWork
from revenge.application.jobs.ports import JobReporter, JobRuns, JobsUnitOfWork
from revenge.domain.errors import NotFound, RuleViolation, Unavailable
from tests.conftest import delete_rows, open_database
from tests.support.jobs import raw_job


class RecordingBroker:
    """A `JobBroker` double: records what it is sent; `down` makes it refuse."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str, dict[str, Any]]] = []
        self.down = False

    async def send(self, actor: str, job_id: str, payload: Mapping[str, Any]) -> None:
        if self.down:
            raise Unavailable("broker", "connection refused")
        self.sent.append((actor, job_id, dict(payload)))


class Kicks:
    def __init__(self) -> None:
        self.count = 0

    async def __call__(self) -> None:
        self.count += 1


class Relay(Protocol):
    async def relay_once(self) -> int: ...


@dataclass
class Jobs:
    unit_of_work: Callable[[], JobsUnitOfWork]
    runs: JobRuns
    reporter: JobReporter
    relay: Relay
    broker: RecordingBroker
    kicks: Kicks
    unrelayed: Callable[[], Awaitable[list[str]]]  # job ids, oldest first
    silence: Callable[[str, float], Awaitable[None]]  # a run's worker quiet for N seconds

    async def enqueue(self, actor: str = "library.scan", payload: Mapping[str, Any] | None = None,
                      dedupe_key: str | None = None) -> str:
        async with self.unit_of_work() as uow:
            job_id = await uow.jobs.enqueue(raw_job(actor, payload), dedupe_key=dedupe_key)
            await uow.commit()
        return job_id

    async def prune(self, finished_before: datetime) -> tuple[int, int]:
        async with self.unit_of_work() as uow:
            pruned = await uow.job_history.prune(finished_before)
            await uow.commit()
        return pruned.runs, pruned.outbox_rows

    async def requeue_abandoned(self, silent_seconds: float) -> list[str]:
        async with self.unit_of_work() as uow:
            requeued = await uow.jobs.requeue_abandoned(timedelta(seconds=silent_seconds))
            await uow.commit()
        return requeued


def memory_jobs() -> Jobs:
    state, broker, kicks = InMemoryState(), RecordingBroker(), Kicks()

    def queue(uow: InMemoryUnitOfWork) -> InMemoryJobQueue:
        return InMemoryJobQueue(uow, wake_relay=kicks, max_attempts=3)

    async def unrelayed() -> list[str]:
        rows = state.table(OUTBOX)
        return [rows[i]["job_id"] for i in sorted(rows) if rows[i]["relayed_at"] is None]

    async def silence(job_id: str, seconds: float) -> None:
        state.table(RUNS)[job_id]["updated_at"] = datetime.now(UTC) - timedelta(seconds=seconds)

    return Jobs(lambda: InMemoryJobsUnitOfWork(state, job_queue=queue), InMemoryJobRuns(state),
                InMemoryJobReporter(state), InMemoryOutboxRelay(state, broker), broker, kicks,
                unrelayed, silence)


def postgres_jobs(database: Database) -> Jobs:
    broker, kicks = RecordingBroker(), Kicks()

    def queue(uow: PostgresUnitOfWork) -> PostgresJobQueue:
        return PostgresJobQueue(uow, wake_relay=kicks, max_attempts=3)

    async def unrelayed() -> list[str]:
        async with database.connection() as conn:
            cur = await conn.execute(
                "SELECT job_id FROM job_outbox WHERE relayed_at IS NULL ORDER BY id")
            return [str(row["job_id"]) for row in await cur.fetchall()]

    async def silence(job_id: str, seconds: float) -> None:
        async with database.transaction() as conn:
            await conn.execute("UPDATE job_runs SET updated_at = now() - %s WHERE id = %s",
                               (timedelta(seconds=seconds), job_id))

    return Jobs(lambda: PostgresJobsUnitOfWork(database, job_queue=queue),
                PostgresJobRuns(database), PostgresJobReporter(database),
                OutboxRelay(database, broker), broker, kicks, unrelayed, silence)


@pytest.fixture(scope="module")
async def jobs_database(migrated_database_url: str) -> AsyncIterator[Database]:
    async with open_database(migrated_database_url) as database:
        yield database


@pytest.fixture
async def empty_jobs_database(jobs_database: Database) -> AsyncIterator[Database]:
    """Only the jobs tables are emptied (much faster than truncating every table)."""
    await _empty_jobs_tables(jobs_database)
    yield jobs_database
    await _empty_jobs_tables(jobs_database)


async def _empty_jobs_tables(database: Database) -> None:
    await delete_rows(database, ("job_outbox", "job_runs"))


@pytest.fixture(params=["memory", "postgres"])
def jobs(request: pytest.FixtureRequest) -> Jobs:
    # A sync fixture: the Postgres fixtures it pulls in run their own event loop calls.
    if request.param == "memory":
        return memory_jobs()
    return postgres_jobs(request.getfixturevalue("empty_jobs_database"))


# --- enqueue inside a unit of work ---------------------------------------------------

async def test_a_rolled_back_enqueue_leaves_no_run_and_sends_nothing(jobs: Jobs) -> None:
    async with jobs.unit_of_work() as uow:
        await uow.jobs.enqueue(raw_job("library.scan", {"library_id": "l1"}))
    assert (await jobs.runs.list()).total == 0
    assert await jobs.unrelayed() == []
    assert await jobs.relay.relay_once() == 0
    assert jobs.broker.sent == []
    assert jobs.kicks.count == 0


async def test_a_committed_enqueue_is_a_queued_run_with_an_outbox_row(jobs: Jobs) -> None:
    job_id = await jobs.enqueue("library.scan", {"library_id": "l1"})
    run = await jobs.runs.get(job_id)
    assert (run.name, run.status, run.attempts, run.max_attempts, run.progress) == \
        ("library.scan", "queued", 0, 3, 0)
    assert (run.result, run.error, run.started_at, run.finished_at) == (None, None, None, None)
    assert await jobs.unrelayed() == [job_id]
    assert jobs.kicks.count == 1  # the relay is woken once the commit is durable


async def test_nothing_is_visible_before_the_commit(jobs: Jobs) -> None:
    async with jobs.unit_of_work() as uow:
        job_id = await uow.jobs.enqueue(raw_job("library.scan", {}))
        assert jobs.kicks.count == 0
        await uow.commit()
    assert (await jobs.runs.get(job_id)).status == "queued"


# --- the outbox relay -------------------------------------------------------------------

async def test_the_relay_sends_each_committed_request_once_in_order(jobs: Jobs) -> None:
    first = await jobs.enqueue("library.scan", {"library_id": "l1"})
    second = await jobs.enqueue("metadata.match", {"file_id": "f1"})
    assert await jobs.relay.relay_once() == 2
    assert jobs.broker.sent == [("library.scan", first, {"library_id": "l1"}),
                                ("metadata.match", second, {"file_id": "f1"})]
    assert await jobs.relay.relay_once() == 0
    assert await jobs.unrelayed() == []


async def test_while_the_broker_is_down_requests_stay_in_the_outbox(jobs: Jobs) -> None:
    job_id = await jobs.enqueue()
    jobs.broker.down = True
    with pytest.raises(Unavailable):
        await jobs.relay.relay_once()
    assert await jobs.unrelayed() == [job_id]
    jobs.broker.down = False
    assert await jobs.relay.relay_once() == 1
    assert [sent[1] for sent in jobs.broker.sent] == [job_id]


# --- dedupe keys -----------------------------------------------------------------------

async def test_an_active_run_holding_the_dedupe_key_is_returned_instead(jobs: Jobs) -> None:
    first = await jobs.enqueue(dedupe_key="scan:l1")
    await jobs.reporter.mark_running(first)
    assert await jobs.enqueue(dedupe_key="scan:l1") == first
    assert (await jobs.runs.list()).total == 1
    assert await jobs.unrelayed() == [first]


async def test_a_dedupe_key_held_in_the_same_unit_of_work_is_respected(jobs: Jobs) -> None:
    async with jobs.unit_of_work() as uow:
        first = await uow.jobs.enqueue(raw_job("library.scan", {}), dedupe_key="scan:l1")
        assert await uow.jobs.enqueue(raw_job("library.scan", {}), dedupe_key="scan:l1") == first
        await uow.commit()
    assert (await jobs.runs.list()).total == 1


async def test_a_finished_run_frees_its_dedupe_key(jobs: Jobs) -> None:
    first = await jobs.enqueue(dedupe_key="scan:l1")
    await jobs.reporter.mark_running(first)
    await jobs.reporter.failed(first, "boom", final=True)
    second = await jobs.enqueue(dedupe_key="scan:l1")
    assert second != first
    assert await jobs.enqueue(dedupe_key="scan:l2") not in (first, second)


# --- reporting from a running job ------------------------------------------------------

async def test_a_run_goes_running_then_succeeded_with_its_result(jobs: Jobs) -> None:
    job_id = await jobs.enqueue()
    assert await jobs.reporter.mark_running(job_id)
    running = await jobs.runs.get(job_id)
    assert (running.status, running.attempts) == ("running", 1)
    assert running.started_at is not None and running.finished_at is None
    await jobs.reporter.succeeded(job_id, {"files": 12})
    done = await jobs.runs.get(job_id)
    assert (done.status, done.progress, done.result, done.error) == \
        ("succeeded", 100, {"files": 12}, None)
    assert done.finished_at is not None


async def test_progress_and_partial_results_are_visible_while_running(jobs: Jobs) -> None:
    job_id = await jobs.enqueue()
    await jobs.reporter.mark_running(job_id)
    await jobs.reporter.progress(job_id, 40, {"seen": 4})
    await jobs.reporter.progress(job_id, 60)
    run = await jobs.runs.get(job_id)
    assert (run.progress, run.result) == (60, {"seen": 4})


@pytest.mark.parametrize("percent", [-1, 101, 1000])
async def test_progress_outside_0_to_100_is_refused(jobs: Jobs, percent: int) -> None:
    job_id = await jobs.enqueue()
    await jobs.reporter.mark_running(job_id)
    with pytest.raises(RuleViolation) as refused:
        await jobs.reporter.progress(job_id, percent)
    assert refused.value.field == "percent"
    for bound in (0, 100):
        await jobs.reporter.progress(job_id, bound)
        assert (await jobs.runs.get(job_id)).progress == bound


async def test_a_retryable_failure_requeues_the_run_keeping_the_error(jobs: Jobs) -> None:
    job_id = await jobs.enqueue()
    await jobs.reporter.mark_running(job_id)
    await jobs.reporter.failed(job_id, "Unavailable: tmdb unavailable: timeout", final=False)
    waiting = await jobs.runs.get(job_id)
    assert (waiting.status, waiting.attempts, waiting.error) == \
        ("queued", 1, "Unavailable: tmdb unavailable: timeout")
    assert waiting.finished_at is None
    await jobs.reporter.mark_running(job_id)
    await jobs.reporter.failed(job_id, "not_found: gone", final=True)
    failed = await jobs.runs.get(job_id)
    assert (failed.status, failed.attempts, failed.error) == ("failed", 2, "not_found: gone")
    assert failed.finished_at is not None


async def test_a_finished_or_unknown_run_is_not_started_again(jobs: Jobs) -> None:
    job_id = await jobs.enqueue()
    await jobs.reporter.mark_running(job_id)
    await jobs.reporter.succeeded(job_id, None)
    assert not await jobs.reporter.mark_running(job_id)
    assert (await jobs.runs.get(job_id)).attempts == 1
    assert not await jobs.reporter.mark_running("01930000-0000-7000-8000-000000000000")
    assert not await jobs.reporter.mark_running("not-a-uuid")


# --- a worker that crashed (review finding 11) ------------------------------------------

async def test_a_run_whose_worker_still_reports_is_not_started_twice(jobs: Jobs) -> None:
    job_id = await jobs.enqueue()
    assert await jobs.reporter.mark_running(job_id)
    await jobs.silence(job_id, 60)
    await jobs.reporter.beat([job_id])
    assert not await jobs.reporter.mark_running(job_id)
    assert (await jobs.runs.get(job_id)).attempts == 1


async def test_a_message_handed_on_from_a_dead_worker_resumes_its_run(jobs: Jobs) -> None:
    """Review finding 11: a crashed worker's run stayed `running`; the message dramatiq
    hands on from that worker must be able to start it again."""
    job_id = await jobs.enqueue()
    assert await jobs.reporter.mark_running(job_id)
    await jobs.silence(job_id, 25)
    assert await jobs.reporter.mark_running(job_id)
    run = await jobs.runs.get(job_id)
    assert (run.status, run.attempts) == ("running", 2)


async def test_a_run_abandoned_by_its_worker_is_requeued_and_sent_again(jobs: Jobs) -> None:
    """Review finding 11: a crashed worker wedged its jobs for up to 15 minutes. A run
    silent past the bound goes back to the queue with a new message; a live one stays."""
    abandoned, alive = await jobs.enqueue(), await jobs.enqueue()
    for job_id in (abandoned, alive):
        await jobs.reporter.mark_running(job_id)
    await jobs.relay.relay_once()
    await jobs.silence(abandoned, 45)

    assert await jobs.requeue_abandoned(40) == [abandoned]

    run = await jobs.runs.get(abandoned)
    assert (run.status, run.error) == ("queued", "abandoned: its worker stopped reporting; "
                                                 "requeued")
    assert await jobs.unrelayed() == [abandoned]
    assert (await jobs.runs.get(alive)).status == "running"
    assert await jobs.requeue_abandoned(40) == []


async def test_a_request_for_the_key_of_an_abandoned_run_starts_a_new_run(jobs: Jobs) -> None:
    """Review finding 11: a rescan of a library whose scan was wedged returned the stuck
    run's id, so the library could not be rescanned."""
    stuck = await jobs.enqueue(dedupe_key="library.scan:1")
    await jobs.reporter.mark_running(stuck)
    assert await jobs.enqueue(dedupe_key="library.scan:1") == stuck
    await jobs.silence(stuck, 45)

    fresh = await jobs.enqueue(dedupe_key="library.scan:1")

    assert fresh != stuck
    assert (await jobs.runs.get(stuck)).status == "failed"
    assert (await jobs.runs.get(fresh)).status == "queued"


# --- reading runs ----------------------------------------------------------------------

@pytest.mark.parametrize("job_id", ["01930000-0000-7000-8000-000000000000", "nonsense"])
async def test_an_unknown_run_is_not_found(jobs: Jobs, job_id: str) -> None:
    with pytest.raises(NotFound):
        await jobs.runs.get(job_id)


async def test_the_list_pages_newest_first_without_gaps_or_repeats(jobs: Jobs) -> None:
    created = [await jobs.enqueue("library.scan", {"n": n}) for n in range(3)]
    async with jobs.unit_of_work() as uow:  # two runs created in the same instant
        created += [await uow.jobs.enqueue(raw_job("library.scan", {"n": n})) for n in (3, 4)]
        await uow.commit()
    seen: list[str] = []
    cursor: str | None = None
    for _ in range(3):
        page = await jobs.runs.list(limit=2, cursor=cursor)
        assert page.total == 5
        seen += [run.id for run in page.items]
        cursor = page.next_cursor
    assert cursor is None
    assert seen == list(reversed(created))


async def test_the_list_filters_by_status_and_by_name(jobs: Jobs) -> None:
    scan = await jobs.enqueue("library.scan")
    match = await jobs.enqueue("metadata.match")
    await jobs.reporter.mark_running(match)
    assert [r.id for r in (await jobs.runs.list(status="running")).items] == [match]
    assert [r.id for r in (await jobs.runs.list(name="library.scan")).items] == [scan]
    empty = await jobs.runs.list(status="failed", name="library.scan")
    assert (empty.items, empty.total, empty.next_cursor) == ([], 0, None)


@pytest.mark.parametrize("cursor", ["garbage", "bm90IGEgY3Vyc29y"])
async def test_a_cursor_the_server_did_not_issue_is_refused(jobs: Jobs, cursor: str) -> None:
    with pytest.raises(RuleViolation) as refused:
        await jobs.runs.list(cursor=cursor)
    assert refused.value.field == "cursor"


@pytest.mark.parametrize("limit", [0, 201])
async def test_a_page_size_outside_1_to_200_is_refused(jobs: Jobs, limit: int) -> None:
    with pytest.raises(RuleViolation):
        await jobs.runs.list(limit=limit)


# --- history ---------------------------------------------------------------------------

async def test_pruning_deletes_finished_runs_before_the_cutoff_only(jobs: Jobs) -> None:
    done = await jobs.enqueue()
    await jobs.reporter.mark_running(done)
    await jobs.reporter.succeeded(done, None)
    active = await jobs.enqueue()
    await jobs.relay.relay_once()
    now = datetime.now(UTC)
    assert await jobs.prune(now - timedelta(hours=1)) == (0, 0)
    assert await jobs.prune(now + timedelta(hours=1)) == (1, 2)
    assert [run.id for run in (await jobs.runs.list()).items] == [active]


async def test_pruning_rolls_back_with_its_unit_of_work(jobs: Jobs) -> None:
    done = await jobs.enqueue()
    await jobs.reporter.mark_running(done)
    await jobs.reporter.succeeded(done, None)
    async with jobs.unit_of_work() as uow:
        await uow.job_history.prune(datetime.now(UTC) + timedelta(hours=1))
    assert (await jobs.runs.get(done)).status == "succeeded"
