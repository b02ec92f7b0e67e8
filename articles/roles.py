"""The desk's roles as groups, and the permissions each needs.

Admins are superusers. Data migrations call `sync_role_groups` so that a new database
(and an upgraded one) gets exactly these groups: change the table here, then add a
migration that calls it again.
"""

EDITORS = "Editors"
REVIEWERS = "Reviewers"

_READ_ALL = [
    "view_sourcedocument",
    "view_section",
    "view_article",
    "view_revision",
    "view_entity",
    "view_entityalias",
    "view_mention",
    "view_annotation",
    "view_annotationreply",
    "view_correction",
    "view_auditentry",
    "view_backgroundjob",
    # Who reviews what and what they recommended (written by their services).
    "view_assignment",
    "view_recommendation",
]

ROLE_PERMISSIONS: dict[str, list[str]] = {
    EDITORS: [
        *_READ_ALL,
        "add_sourcedocument",
        "split_sourcedocument",
        "add_section",
        "change_section",
        "add_article",
        "change_article",
        "submit_article",
        "approve_article",
        "publish_article",
        "retract_article",
        "add_entity",
        "change_entity",
        "delete_entity",
        "add_entityalias",
        "change_entityalias",
        "delete_entityalias",
        "view_ignoredname",
        "add_ignoredname",
        "delete_ignoredname",
        "add_annotation",
        "change_annotation",
        "add_annotationreply",
        "add_correction",
        "change_correction",
    ],
    REVIEWERS: [
        *_READ_ALL,
        "review_article",
        "add_annotation",
        "change_annotation",
        "add_annotationreply",
    ],
}


def sync_role_groups(apps, schema_editor=None) -> None:
    """Create or update the role groups with exactly the permissions listed above."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    # An earlier migration's state lacks later models: their permissions wait for
    # the migration that adds the model (and calls this again).
    models = {m._meta.model_name for m in apps.get_app_config("articles").get_models()}
    for role, listed in ROLE_PERMISSIONS.items():
        codenames = [c for c in listed if c.partition("_")[2] in models]
        group, _ = group_model.objects.get_or_create(name=role)
        permissions = permission_model.objects.filter(
            content_type__app_label="articles", codename__in=codenames
        )
        missing = set(codenames) - set(permissions.values_list("codename", flat=True))
        if missing:
            raise RuntimeError(f"Permissions missing for {role}: {sorted(missing)}")
        group.permissions.set(permissions)
