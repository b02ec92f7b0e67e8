from django.db import migrations

from articles.roles import sync_role_groups


class Migration(migrations.Migration):
    """Editors and reviewers may view assignments and recommendations in the admin."""

    dependencies = [
        ("articles", "0011_distribution"),
    ]

    operations = [
        migrations.RunPython(sync_role_groups, migrations.RunPython.noop),
    ]
