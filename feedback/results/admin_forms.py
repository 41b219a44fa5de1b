"""The admin form of "jumlah pengguna layanan" (models.Population): the same check as
the import and the API (service_users.check_count), every reason beside its field."""

from wagtail.admin.forms import WagtailAdminModelForm

from . import service_users

# check_count's names for the model's fields.
FIELD_OF = {"service": "service", "period": "period", "service_users": "served"}


class PopulationForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        try:
            count = service_users.check_count(
                service=cleaned.get("service") or self.data.get("service"),
                period=cleaned.get("period", ""),
                service_users=cleaned.get("served", self.data.get("served")),
            )
        except service_users.CountRefused as exc:
            for name, messages in exc.errors.items():
                field = FIELD_OF[name]
                if field not in self.errors:  # the field's own error already says it
                    for message in messages:
                        self.add_error(field, message)
            return cleaned
        cleaned["period"] = count.period.code  # "2026-q3 " is stored as 2026-Q3
        return cleaned
