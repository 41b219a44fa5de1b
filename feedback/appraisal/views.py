"""The one screen outside the admin: an officer opens HR's activation link and
chooses a login. Never cached; a used or expired link says so and stores nothing."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from ..models import ActivationLink
from . import accounts


@never_cache
def activate(request, key):
    link = ActivationLink.usable(key)
    context = {"link": link, "errors": {}, "username": ""}
    status = 200 if link else 404
    if link and request.method == "POST":
        username = request.POST.get("username", "")
        try:
            accounts.activate(key, username=username, password=request.POST.get("password", ""))
        except ValidationError as exc:
            context["errors"] = (
                exc.message_dict if hasattr(exc, "error_dict") else {"form": exc.messages}
            )
            context["username"] = username
            status = 400
        else:
            return redirect("/admin/login/?next=/admin/kinerja-saya/")
    return render(request, "feedback/activate.html", context, status=status)
