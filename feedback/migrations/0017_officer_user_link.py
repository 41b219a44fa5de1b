"""An officer's own login: the Officer <-> User link, and the "Petugas" group whose
members may enter the admin to read their own performance (nothing else)."""

import django.db.models.deletion
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

OFFICER_GROUP = "Petugas"


def create_group(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    group, _ = Group.objects.get_or_create(name=OFFICER_GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    )


def drop_group(apps, schema_editor):
    apps.get_model("auth.Group").objects.filter(name=OFFICER_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0016_loket_records_service_users"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="officer",
            name="user",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="officer",
                to=settings.AUTH_USER_MODEL,
                verbose_name="akun login",
            ),
        ),
        migrations.RunPython(create_group, drop_group),
    ]
