"""Queue systems report how many people each service served (POST
/api/v1/service-users/) with the Loket group's token, as they issue receipts."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SERVICE_POINT_GROUP = "Loket"
CODENAMES = ("add_population", "change_population", "view_population")


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    loket, _ = Group.objects.get_or_create(name=SERVICE_POINT_GROUP)
    loket.permissions.add(
        *Permission.objects.filter(content_type__app_label="feedback", codename__in=CODENAMES)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    loket = Group.objects.filter(name=SERVICE_POINT_GROUP).first()
    if loket is not None:
        loket.permissions.remove(
            *Permission.objects.filter(content_type__app_label="feedback", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [("feedback", "0015_rollup_tables_autovacuum_fillfactor")]

    operations = [migrations.RunPython(grant, revoke)]
