"""The admin form of a unit's reply templates (models.ReplyTemplate): unit staff
may only file a template under one of their own units."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from ..models import Unit
from . import items


class ReplyTemplateForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        units = items.unit_ids_for(self.for_user) if self.for_user else []
        if units is not None and "unit" in self.fields:
            # A forged id for another unit is then an invalid choice: refused, with
            # the field's message, and nothing is stored.
            field = self.fields["unit"]
            field.queryset = Unit.objects.filter(pk__in=units)
            field.error_messages["invalid_choice"] = _(
                "Pilih salah satu unit Anda: templat hanya dapat dibuat untuk unit "
                "tempat Anda bertugas."
            )
