"""Unit staff who answer citizens ("Petugas unit"): the inbox and their unit's reply
templates; approvers ("Moderators") also publish replies and see the inbox."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

UNIT_STAFF_GROUP = "Petugas unit"


def setup_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")

    def perms(*codenames):
        return list(
            Permission.objects.filter(content_type__app_label="feedback", codename__in=codenames)
        )

    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    staff, _ = Group.objects.get_or_create(name=UNIT_STAFF_GROUP)
    staff.permissions.add(
        *access_admin,
        *perms(
            "handle_feedbackitem",
            "view_feedbackitem",
            "add_replytemplate",
            "change_replytemplate",
            "delete_replytemplate",
            "view_replytemplate",
        ),
    )
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    moderators.permissions.add(*perms("publish_reply", "view_feedbackitem"))


class Migration(migrations.Migration):
    dependencies = [("feedback", "0022_citizen_feedback_inbox")]

    operations = [migrations.RunPython(setup_groups, migrations.RunPython.noop)]
