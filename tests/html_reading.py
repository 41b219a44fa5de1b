"""A public page read as a visitor reads it: answered, parsed, its text on one line."""

from bs4 import BeautifulSoup


def soup(response):
    """The page's HTML, parsed; the page must have answered 200."""
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text(node):
    """A node's text with the white space of the markup folded."""
    return " ".join(node.get_text(" ").split())
