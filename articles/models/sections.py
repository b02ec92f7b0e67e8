"""The newsroom's hierarchical section taxonomy (World > Asia)."""

from django.core.exceptions import ValidationError
from django.db import models


class Section(models.Model):
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "name"], name="section_unique_name_per_parent"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.parent} > {self.name}" if self.parent_id else self.name

    def clean(self) -> None:
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError({"parent": "A section cannot be inside itself."})
            ancestor = ancestor.parent
