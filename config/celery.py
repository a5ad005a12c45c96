"""The Celery application; settings come from Django's CELERY_* names."""

import os

from celery import Celery
from celery.signals import before_task_publish, task_prerun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("euc_review")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@before_task_publish.connect
def _attach_request_id(headers: dict[str, object] | None = None, **_: object) -> None:
    from config.middleware import current_request_id

    if headers is not None:
        headers["request_id"] = current_request_id()


@task_prerun.connect
def _restore_request_id(task: object = None, **_: object) -> None:
    from config.middleware import set_request_id

    request = getattr(task, "request", None)
    value = getattr(request, "request_id", None) if request is not None else None
    set_request_id(str(value) if value else "task")
