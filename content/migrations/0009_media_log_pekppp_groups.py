"""Who works with the media log and the PEKPPP self-evaluation: editors (and
approvers) record where the standard and the SKM results were published; editors
read the self-evaluation, approvers fill in the evaluator's scores."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Editors": (
        "add_mediapublication",
        "change_mediapublication",
        "delete_mediapublication",
        "view_mediapublication",
        "view_pekpppassessment",
    ),
    "Moderators": (
        "add_mediapublication",
        "change_mediapublication",
        "delete_mediapublication",
        "view_mediapublication",
        "view_pekpppassessment",
        "add_pekpppassessment",
        "change_pekpppassessment",
    ),
}


def _permissions(apps, codenames):
    Permission = apps.get_model("auth.Permission")
    return Permission.objects.filter(content_type__app_label="content", codename__in=codenames)


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth.Group")
    for name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*_permissions(apps, codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.remove(*_permissions(apps, codenames))


class Migration(migrations.Migration):
    dependencies = [("content", "0008_media_log_pekppp_assessments")]

    operations = [migrations.RunPython(grant, revoke)]
