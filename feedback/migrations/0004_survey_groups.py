"""Service-point staff issue receipts and set up kiosks; approvers moderate comments."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SERVICE_POINT_GROUP = "Loket"


def setup_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")

    def perms(*codenames):
        return Permission.objects.filter(content_type__app_label="feedback", codename__in=codenames)

    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    loket, _ = Group.objects.get_or_create(name=SERVICE_POINT_GROUP)
    loket.permissions.add(
        *access_admin,
        *perms(
            "add_receipt", "view_receipt", "add_kiosk", "change_kiosk", "view_kiosk",
            "view_service", "view_servicepoint", "view_unit",
        ),
    )
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    moderators.permissions.add(*perms("moderate_comment"))


class Migration(migrations.Migration):
    dependencies = [("feedback", "0003_survey")]

    operations = [migrations.RunPython(setup_groups, migrations.RunPython.noop)]
