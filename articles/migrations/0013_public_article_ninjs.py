from django.db import migrations, models


def store_ninjs(apps, schema_editor):
    """Render the ninjs item of every existing public row from its payload."""
    from articles.api.formats import ninjs_stored

    PublicArticle = apps.get_model("articles", "PublicArticle")
    rows = PublicArticle.objects.only("pk", "payload").order_by("pk")
    batch = []
    for row in rows.iterator(chunk_size=500):
        row.ninjs = ninjs_stored(row.payload)
        batch.append(row)
        if len(batch) == 500:
            PublicArticle.objects.bulk_update(batch, ["ninjs"])
            batch = []
    PublicArticle.objects.bulk_update(batch, ["ninjs"])


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0012_role_views"),
    ]

    operations = [
        migrations.AddField(
            model_name="publicarticle",
            name="ninjs",
            field=models.TextField(
                default="",
                editable=False,
                help_text="The payload as IPTC ninjs 2.2, serialized, its uri a path.",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(store_ninjs, migrations.RunPython.noop),
    ]
