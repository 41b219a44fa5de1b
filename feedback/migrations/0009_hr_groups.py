"""HR manages indicators; an "HR Admin" group also reads the access log and sets who
sees which unit; page editors enter how many people each service served."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CRUD = ("add", "change", "delete", "view")


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

    hr, _ = Group.objects.get_or_create(name="HR")
    hr.permissions.add(*perms(*(f"{a}_indicator" for a in CRUD)))
    hr_admin, _ = Group.objects.get_or_create(name="HR Admin")
    hr_admin.permissions.add(
        *hr.permissions.all(),
        *perms("view_accesslog", *(f"{a}_hrscope" for a in CRUD)),
    )
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(*perms("add_population", "change_population", "view_population"))


class Migration(migrations.Migration):
    dependencies = [("feedback", "0008_officer_indicators")]

    operations = [migrations.RunPython(setup_groups, migrations.RunPython.noop)]
