"""Replace Wagtail's placeholder welcome page with the portal's HomePage, so a new
installation (demo or production) serves the portal at / straight away."""

from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("content.HomePage")

    if HomePage.objects.exists():
        return
    Page.objects.filter(content_type__app_label="wagtailcore", content_type__model="page",
                        depth=2, slug="home").delete()
    root = Page.objects.get(depth=1)
    locale = Locale.objects.first()
    content_type, _ = ContentType.objects.get_or_create(app_label="content", model="homepage")
    # Path arithmetic as treebeard does it: the root's next free child slot.
    siblings = Page.objects.filter(depth=2).order_by("-path").values_list("path", flat=True)
    next_step = int(siblings[0][4:8], 36) + 1 if siblings else 1
    path = root.path + format_step(next_step)
    home = HomePage.objects.create(
        title="Beranda",
        draft_title="Beranda",
        slug="beranda",
        content_type=content_type,
        path=path,
        depth=2,
        numchild=0,
        url_path="/beranda/",
        locale=locale,
        live=True,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True,
                        site_name="Portal Layanan Publik")


def format_step(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while number:
        number, rem = divmod(number, 36)
        out = digits[rem] + out
    return out.rjust(4, "0")


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create_homepage, migrations.RunPython.noop)]
