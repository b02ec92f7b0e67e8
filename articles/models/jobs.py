"""Background work as rows: what a job is doing, how far it is, and how it ended.

A job is split into chunks when it is planned (in a task, never in a request); each
chunk is one task and one transaction, so two workers share a job, a crash loses at
most the chunk it was in, and running a chunk again finds it done and does nothing.
"""

from django.db import models


class JobKind(models.TextChoices):
    RELINK = "relink", "Relink entity mentions"
    REPUBLISH = "republish", "Republish live articles"
    CHECKS = "checks", "Run the checks on a source document"


class JobState(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class BackgroundJob(models.Model):
    kind = models.CharField(max_length=20, choices=JobKind.choices)
    target = models.CharField(
        max_length=200, blank=True, help_text="What the job is about, for people."
    )
    params = models.JSONField(default=dict, blank=True)
    state = models.CharField(
        max_length=10, choices=JobState.choices, default=JobState.QUEUED
    )
    total = models.PositiveIntegerField(null=True, blank=True)
    done = models.PositiveIntegerField(default=0)
    outcome = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["kind", "state"], name="backgroundjob_kind_state"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=JobKind.values), name="job_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(state__in=JobState.values), name="job_state_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_state_display().lower()})"

    @property
    def progress(self) -> str:
        """ "relinking 12,400 of 100,000" style, for the admin."""
        verb = {
            "relink": "relinking",
            "republish": "republishing",
            "checks": "checking",
        }[self.kind]
        if self.state == JobState.QUEUED:
            return f"{verb}: waiting for a worker"
        if self.total is None:
            return f"{verb}: planning"
        return f"{verb} {self.done:,} of {self.total:,}"


class JobChunk(models.Model):
    """One batch of a job: the items `first`..`last` (ids), done at most once."""

    job = models.ForeignKey(
        BackgroundJob, on_delete=models.CASCADE, related_name="chunks"
    )
    number = models.PositiveIntegerField()
    step = models.CharField(max_length=20, choices=JobKind.choices)
    first = models.BigIntegerField()
    last = models.BigIntegerField()
    ids = models.JSONField(
        null=True, blank=True, help_text="The exact ids, when not a whole range."
    )
    size = models.PositiveIntegerField()
    finished_at = models.DateTimeField(null=True, blank=True)
    runs = models.PositiveSmallIntegerField(
        default=0, help_text="How many times the chunk's work was committed."
    )
    outcome = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["job", "number"]
        constraints = [
            models.UniqueConstraint(fields=["job", "number"], name="jobchunk_unique"),
        ]
        indexes = [
            models.Index(
                fields=["job"],
                condition=models.Q(finished_at__isnull=True),
                name="jobchunk_pending",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.job_id}#{self.number}"
