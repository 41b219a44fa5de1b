"""The citizen's survey form (web, QR and kiosk share it)."""

import datetime
import uuid

from django import forms
from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..rules.skm import ELEMENTS
from .parsing import AGE_RANGE, COMMENT_MAX_LENGTH, PROFILE_CHOICES, REASON_MAX_LENGTH, REASON_SCALE

FILL_SALT = "feedback.form.started"


def _optional(name: str) -> list:
    """A profile field's choices, with "-" for not given."""
    return [("", "-"), *PROFILE_CHOICES[name].choices]


def signed_start() -> str:
    return signing.TimestampSigner(salt=FILL_SALT).sign(str(int(timezone.now().timestamp())))


def new_idempotency_key() -> str:
    return str(uuid.uuid4())


class SurveyForm(forms.Form):
    """The nine elements, the optional profile and comment, plus two quiet traps for
    bots: a honeypot field people never see and a minimum time to fill in."""

    served_on = forms.DateField(
        label=_("Tanggal Anda dilayani"),
        # type="date" inputs need ISO values whatever the interface language.
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        initial=timezone.localdate,
    )
    age = forms.IntegerField(
        label=_("Usia (tahun)"), required=False, min_value=AGE_RANGE[0], max_value=AGE_RANGE[1]
    )
    sex = forms.ChoiceField(
        label=_("Jenis kelamin"),
        required=False,
        choices=_optional("sex"),
    )
    education = forms.ChoiceField(
        label=_("Pendidikan terakhir"),
        required=False,
        choices=_optional("education"),
    )
    occupation = forms.ChoiceField(
        label=_("Pekerjaan"),
        required=False,
        choices=_optional("occupation"),
    )
    comment = forms.CharField(
        label=_("Saran atau komentar (tidak wajib)"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Jangan menuliskan NIK, nomor telepon atau e-mail: data seperti itu disamarkan. "
            "Komentar ditinjau petugas sebelum ditampilkan."
        ),
    )
    contact_email = forms.EmailField(
        label=_("E-mail untuk kabar tanggapan (tidak wajib)"),
        required=False,
        max_length=254,
        help_text=_(
            "Kami mengirim satu e-mail saat tanggapan atas komentar Anda terbit. Alamat "
            "disimpan terpisah dari penilaian dan dihapus setelah masukan selesai."
        ),
    )
    contact_consent = forms.BooleanField(
        label=_("Saya setuju e-mail saya dipakai untuk kabar tanggapan ini"),
        required=False,
    )
    receipt = forms.CharField(
        label=_("Kode tanda terima (jika ada)"),
        required=False,
        max_length=16,
        help_text=_("Tertera pada struk atau slip yang Anda terima di loket."),
    )
    service_point = forms.CharField(required=False, widget=forms.HiddenInput)
    started = forms.CharField(widget=forms.HiddenInput)
    # Generated into each form shown, so a double click, a resent form or a
    # browser's retry stores the response once (storing.submit_once).
    idempotency_key = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)
    # The honeypot: hidden from people by CSS and aria-hidden, filled in by bots.
    website = forms.CharField(required=False, label=_("Jangan diisi"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for element in ELEMENTS:
            self.fields[element.field] = forms.TypedChoiceField(
                label=element.question,
                choices=[(value, label) for value, label, _en in element.choices()],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Pilih salah satu jawaban.")},
            )
            self.fields[element.field].element = element
            # Always in the page, so it works without JavaScript; the stylesheet hides
            # it until 1 or 2 is chosen, and a reason beside a better answer is ignored.
            self.fields[f"reason_{element.field}"] = forms.CharField(
                label=_("Apa yang kurang? (tidak wajib)"),
                required=False,
                max_length=REASON_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 2, "maxlength": REASON_MAX_LENGTH}),
                help_text=_("Hanya dibaca bila Anda memilih 1 atau 2."),
            )
            self.fields[f"reason_{element.field}"].element = element
        self.fields["started"].initial = signed_start()
        self.fields["idempotency_key"].initial = new_idempotency_key()

    def element_fields(self):
        return [self[e.field] for e in ELEMENTS]

    def element_rows(self):
        """(answer field, its "Apa yang kurang?" field) per element."""
        return [(self[e.field], self[f"reason_{e.field}"]) for e in ELEMENTS]

    def reasons(self) -> dict:
        """The reasons given beside an answer of 1 or 2; any other is ignored (a
        citizen without the stylesheet may type one and then choose 3)."""
        c = getattr(self, "cleaned_data", {})
        return {
            e.code: c[f"reason_{e.field}"]
            for e in ELEMENTS
            if c.get(e.field) in REASON_SCALE and c.get(f"reason_{e.field}", "").strip()
        }

    def profile_fields(self):
        return [self[name] for name in ("age", "sex", "education", "occupation")]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(_("Formulir tidak dapat diproses. Silakan coba lagi."))
        try:
            started = int(
                signing.TimestampSigner(salt=FILL_SALT).unsign(
                    cleaned.get("started", ""), max_age=datetime.timedelta(hours=6)
                )
            )
        except (signing.BadSignature, ValueError):
            self.data = self.data.copy()
            self.data["started"] = signed_start()
            raise forms.ValidationError(
                _("Formulir sudah terlalu lama dibuka. Periksa jawaban Anda lalu kirim lagi.")
            ) from None
        if timezone.now().timestamp() - started < settings.FEEDBACK_MIN_FILL_SECONDS:
            raise forms.ValidationError(
                _("Formulir terkirim terlalu cepat. Mohon baca pertanyaan lalu kirim lagi.")
            )
        return cleaned

    def submission_data(self, service_code: str) -> dict:
        """What the form could read, in the shape parsing.parse_submission takes: the
        parser reports what is wrong beside the form's own errors, in one round. A
        receipt code the form refused is passed on as typed, so attempts naming it
        are counted."""
        c = getattr(self, "cleaned_data", {})
        return {
            "service": service_code,
            "answers": {e.code: c.get(e.field) for e in ELEMENTS},
            "served_on": c.get("served_on"),
            "comment": c.get("comment", ""),
            "reasons": self.reasons(),
            "contact": {
                "email": c.get("contact_email", ""),
                "consent": bool(c.get("contact_consent")),
            },
            "respondent": {
                "age": c.get("age"),
                "sex": c.get("sex", ""),
                "education": c.get("education", ""),
                "occupation": c.get("occupation", ""),
            },
            "service_point": c.get("service_point") or None,
            "receipt": c.get("receipt") or self.data.get("receipt", "").strip()[:64] or None,
        }
