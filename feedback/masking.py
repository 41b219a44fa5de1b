"""Mask personal data that citizens type into free-text comments.

Applied before a comment is stored, so nothing downstream (moderation screen,
public page, export) can show it. No Django imports.
"""

import re

# NIK: 16 digits, often typed with spaces or dots in groups.
NIK_RE = re.compile(r"(?<!\d)(?:\d[\s.-]?){15}\d(?!\d)")
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Indonesian phone numbers: 08xx, +62 8xx, 62 8xx, and landlines (0xx) with separators.
PHONE_RE = re.compile(
    r"(?<![\w+(])(?:\+?62[\s.-]?|\(?0)\d{2,4}\)?[\s.-]?\d{3,4}[\s.-]?\d{2,5}(?!\d)"
)

NIK_MASK = "[NIK disamarkan]"
EMAIL_MASK = "[e-mail disamarkan]"
PHONE_MASK = "[nomor telepon disamarkan]"


def mask_personal_data(text: str) -> str:
    """Replace NIKs, e-mail addresses and phone numbers with neutral markers."""
    if not text:
        return text
    text = EMAIL_RE.sub(EMAIL_MASK, text)
    text = NIK_RE.sub(NIK_MASK, text)
    return PHONE_RE.sub(PHONE_MASK, text)
