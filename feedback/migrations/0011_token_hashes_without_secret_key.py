"""API tokens and kiosk keys are hashed with a plain SHA-256 from now on, so a
SECRET_KEY rotation no longer revokes them. Existing rows hold the old keyed
hash: they are marked, matched once by it and upgraded on first use
(feedback.models.survey.find_by_key). The clear keys are not stored, so the
hashes cannot be converted here."""

from django.db import migrations, models


def mark_existing_hashes_keyed(apps, schema_editor):
    for name in ("ApiToken", "Kiosk"):
        apps.get_model("feedback", name).objects.update(key_hash_keyed=True)


class Migration(migrations.Migration):

    dependencies = [
        ('feedback', '0010_indicator_labels'),
    ]

    operations = [
        migrations.AddField(
            model_name='apitoken',
            name='key_hash_keyed',
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AddField(
            model_name='kiosk',
            name='key_hash_keyed',
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.RunPython(mark_existing_hashes_keyed, migrations.RunPython.noop),
    ]
