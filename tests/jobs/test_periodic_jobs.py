"""Periodic jobs without cron: the workers queue each job once per slot, however many run."""

import datetime
from concurrent.futures import ThreadPoolExecutor

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from advertising.periodic import purge_enquiries
from advertising.tasks import sweep_notify_jobs
from jobs.schedule import JOBS, schedule_due
from jobs.tasks import clear_expired_sessions, heartbeat
from tests.advertising.helpers import run_worker

NOON = datetime.datetime(2026, 12, 3, 12, 0, 30, tzinfo=datetime.UTC)


def _queued(task):
    return DBTaskResult.objects.filter(task_path=task.module_path).count()


def test_the_site_schedules_its_housekeeping_without_a_crontab():
    assert {purge_enquiries.module_path, sweep_notify_jobs.module_path} <= JOBS.keys()
    assert {heartbeat.module_path, clear_expired_sessions.module_path} <= JOBS.keys()


@pytest.mark.django_db
def test_each_job_is_queued_once_per_slot_and_again_in_the_next():
    first = schedule_due(now=NOON)
    assert set(first) == set(JOBS)
    assert schedule_due(now=NOON + datetime.timedelta(seconds=20)) == []

    later = schedule_due(now=NOON + datetime.timedelta(minutes=1))
    assert later == [heartbeat.module_path]  # the only job due every minute
    assert _queued(heartbeat) == 2 and _queued(purge_enquiries) == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_several_workers_scheduling_at_once_queue_each_job_once():
    def one_worker(_):
        try:
            return schedule_due(now=NOON)
        finally:
            connection.close()

    with ThreadPoolExecutor(4) as pool:
        queued = [name for names in pool.map(one_worker, range(4)) for name in names]

    assert sorted(queued) == sorted(JOBS)
    assert all(_queued(job.task) == 1 for job in JOBS.values())


@pytest.mark.django_db(transaction=True)
def test_the_jobs_run_on_the_worker_and_expired_sessions_are_cleared():
    Session.objects.create(
        session_key="old", session_data="", expire_date=timezone.now() - datetime.timedelta(days=1)
    )
    Session.objects.create(
        session_key="new", session_data="", expire_date=timezone.now() + datetime.timedelta(days=1)
    )
    schedule_due()
    run_worker()

    assert list(Session.objects.values_list("session_key", flat=True)) == ["new"]
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}


@pytest.mark.django_db(transaction=True)
def test_the_full_health_check_reports_a_worker_that_stopped_taking_jobs(client, settings):
    settings.WORKER_STALLED_MINUTES = 5
    response = client.get("/healthz/full?format=json")
    assert response.status_code == 500
    assert response.json()["WorkerHeartbeat()"] == (
        "Unavailable: no worker has ever run the heartbeat job"
    )

    schedule_due()
    run_worker()
    response = client.get("/healthz/full?format=json")
    assert response.json() == {
        "Database(alias='default')": "OK",
        "Cache(alias='default')": "OK",
        "Storage(alias='default')": "OK",
        "Migrations()": "OK",
        "WorkerHeartbeat()": "OK",
    }
    assert response.status_code == 200

    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=6)):
        response = client.get("/healthz/full?format=json")
    assert response.status_code == 500
    assert "no worker has run a job since" in response.json()["WorkerHeartbeat()"]
