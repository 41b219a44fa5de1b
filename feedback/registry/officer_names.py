"""The officers' names as the comment masking reads them: one compiled pattern per
process (``masking.compile_officer_names``), rebuilt only when the names change.

Every submission with a comment is masked before it is stored, so this sits on
the hot path: the pattern is compiled once and kept. A change saved in this
process (admin, HR import, tests) drops it at once; other processes look at the
names again when their copy is older than REGISTRY_CACHE_SECONDS (one small
query) and compile anew only if the names differ. In that window a comment
naming a just-added officer could be stored unmasked by another process:
``manage.py remask_comments`` masks stored comments again.
"""

import re
import time

from django.conf import settings
from django.db.models.signals import post_delete, post_save

from ..models import Officer
from ..rules.masking import compile_officer_names, mask_personal_data

# (names, pattern, checked_at)
_current: tuple[frozenset, re.Pattern | None, float] | None = None


def pattern() -> re.Pattern | None:
    """The compiled pattern of every officer's name (active or not: a former
    officer's name is personal data too), or None when there are none."""
    global _current
    current = _current
    max_age = getattr(settings, "REGISTRY_CACHE_SECONDS", 30)
    if current is not None and time.monotonic() - current[2] <= max_age:
        return current[1]
    names = frozenset(Officer.objects.values_list("name", flat=True))
    if current is not None and current[0] == names:
        compiled = current[1]
    else:
        compiled = compile_officer_names(sorted(names))
    _current = (names, compiled, time.monotonic())
    return compiled


def mask_comment(text: str) -> str:
    """A citizen's comment with personal data and officers' names masked."""
    if not text:
        return text
    return mask_personal_data(text, officer_names=pattern())


def clear(**kwargs) -> None:
    global _current
    _current = None


post_save.connect(clear, sender=Officer, dispatch_uid="officer_names_save")
post_delete.connect(clear, sender=Officer, dispatch_uid="officer_names_delete")
