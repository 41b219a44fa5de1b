"""Create the HR group and give page editors read access to the registry.

Permissions are created explicitly because Django only creates them after all
migrations have run (post_migrate), too late for this one.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

HR_GROUP = "HR"
PAGE_GROUPS = ("Editors", "Moderators")
REGISTRY_VIEW_MODELS = ("unit", "service", "servicepoint")
HR_MODELS = ("officer", "assignment")


def setup_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")

    def perms(app_label, codenames):
        return Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)

    access_admin = perms("wagtailadmin", ["access_admin"])
    hr, _ = Group.objects.get_or_create(name=HR_GROUP)
    hr.permissions.add(
        *access_admin,
        *perms(
            "feedback",
            [f"{action}_{model}" for model in HR_MODELS
             for action in ("add", "change", "delete", "view")],
        ),
        *perms("feedback", [f"view_{model}" for model in REGISTRY_VIEW_MODELS]),
    )
    for name in PAGE_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *perms("feedback", [f"view_{model}" for model in REGISTRY_VIEW_MODELS])
        )


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(setup_groups, migrations.RunPython.noop)]
