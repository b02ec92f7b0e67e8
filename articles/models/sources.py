"""Raw copy exactly as it was received."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from articles.text.rawcopy import UTF8_BOM


class SourceDocument(models.Model):
    """The bytes an editor imported. Never modified: articles point at its lines."""

    content = models.BinaryField(editable=False)
    sha256 = models.CharField(max_length=64, unique=True, editable=False)
    filename = models.CharField(max_length=255)
    size = models.PositiveIntegerField(editable=False)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="imported_documents",
    )
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-imported_at", "-pk"]
        permissions = [
            ("split_sourcedocument", "Can split a source document into articles")
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(sha256__regex=r"^[0-9a-f]{64}$"),
                name="sourcedocument_sha256_hex",
            ),
        ]

    def __str__(self) -> str:
        return self.filename

    def get_absolute_url(self) -> str:
        return reverse("admin:articles_sourcedocument_change", args=[self.pk])

    @property
    def text(self) -> str:
        """The copy as text; import refused anything that is not UTF-8."""
        data = bytes(self.content)
        if data.startswith(UTF8_BOM):
            data = data[len(UTF8_BOM) :]
        return data.decode("utf-8")

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()
