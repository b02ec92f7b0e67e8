"""Who reviews an article, and what reviewers recommended: workflow state as rows."""

from django.conf import settings
from django.db import models


class Assignment(models.Model):
    """The reviewer an article in review is given to (by an editor, or claimed)."""

    article = models.OneToOneField(
        "articles.Article", on_delete=models.CASCADE, related_name="assignment"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assignments"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    assigned_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["reviewer"])]

    def __str__(self) -> str:
        return f"{self.article} → {self.reviewer}"

    @property
    def is_claim(self) -> bool:
        return self.assigned_by_id == self.reviewer_id


class Recommendation(models.Model):
    """A reviewer's recommendation to approve one revision, with their note."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="recommendations"
    )
    revision = models.ForeignKey(
        "articles.Revision", on_delete=models.CASCADE, related_name="recommendations"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="recommendations",
    )
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["revision", "reviewer"],
                name="recommendation_once_per_revision_and_reviewer",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} recommends {self.revision}"
