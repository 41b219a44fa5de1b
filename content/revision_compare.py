"""What an approver reads when comparing two revisions of a page.

Wagtail compares rich text as its bare text (``text_from_html``), so the items of a
list, the paragraphs and the lines of a plain text field run together into one
line ("KTP asliKartu Keluarga asli"). Here each block of rich text (paragraph, list
item, heading) keeps a line of its own, a list item keeps its bullet or number, and
every line is shown on its own in the comparison. The word-by-word diff is
Wagtail's own (``diff_text``).
"""

from bs4 import BeautifulSoup, NavigableString
from django.utils.encoding import force_str
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.admin import compare

# Tags that start a line of their own in rich text.
BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "div", "pre")


def lines_from_html(html) -> str:
    """The text of rich text ``html``, one line per paragraph, heading and list item;
    list items start with "•" or their number (nested lists indented)."""
    soup = BeautifulSoup(force_str(html or ""), "html.parser")
    for br in soup.find_all("br"):
        br.replace_with(NavigableString("\n"))
    for item in soup.find_all("li"):
        depth = len(item.find_parents(["ol", "ul"])) - 1
        parent = item.find_parent(["ol", "ul"])
        if parent is not None and parent.name == "ol":
            number = len(item.find_previous_siblings("li")) + 1
            marker = f"{number}."
        else:
            marker = "•"
        item.insert(0, NavigableString(f"\n{'    ' * depth}{marker} "))
        item.append(NavigableString("\n"))
    for block in soup.find_all(BLOCK_TAGS):
        block.insert(0, NavigableString("\n"))
        block.append(NavigableString("\n"))
    lines = (line.rstrip() for line in soup.get_text().split("\n"))
    return "\n".join(line for line in lines if line.strip())


def with_line_breaks(diff_html) -> str:
    """Wagtail's diff HTML with each line of the text ended by a ``<br>`` (the diff
    escapes the text, so the only newlines left are the text's own)."""
    return mark_safe(force_str(diff_html).replace("\n", "<br>\n"))


class RichTextLinesComparison(compare.RichTextFieldComparison):
    """A rich text field compared line by line (see the module)."""

    def htmlvalue(self, val):
        return with_line_breaks(escape(lines_from_html(val)))

    def htmldiff(self):
        if not self.has_changed():
            return self.htmlvalue(self.val_a)
        diff = compare.diff_text(lines_from_html(self.val_a), lines_from_html(self.val_b))
        return with_line_breaks(diff.to_html())


class TextLinesComparison(compare.TextFieldComparison):
    """A plain text field (product, guarantees, ...) with its lines kept."""

    def htmlvalue(self, val):
        return with_line_breaks(escape(force_str(val or "")))

    def htmldiff(self):
        if not self.has_changed():
            return self.htmlvalue(self.val_a)
        return with_line_breaks(compare.diff_text(self.val_a, self.val_b).to_html())
