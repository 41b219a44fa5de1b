"""Wagtail's default workflow and its task are called "Moderators approval" (made from
the group's name), which the admin then shows inside Indonesian sentences
("Pengajuan ke Moderators approval"). Give them Indonesian names."""

from django.db import migrations

ENGLISH, INDONESIAN = "Moderators approval", "Persetujuan moderator"


def rename(apps, old, new):
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(name=old).update(name=new)


def forwards(apps, schema_editor):
    rename(apps, ENGLISH, INDONESIAN)


def backwards(apps, schema_editor):
    rename(apps, INDONESIAN, ENGLISH)


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0004_navigation_open_data_complaint_channels"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
