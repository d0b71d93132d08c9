"""Inline web links of a Markdown article, placed exactly on their words in its plain-text form."""

from __future__ import annotations

from store.read.markdown import article_text
from store.read.markdown_links import text_links

PAGE = """\
# Ferry Rules Explained

[Home](https://ferries.example.org/) > [Rules](https://ferries.example.org/rules)

The board [reportedly](https://www.harbour-news.example.com/2024/ferry) cut the fares, and the
[port office](https://port.example.gov/notice-7) agreed; see [the table](#fares) and [**the
law**](https://laws.example.gov/ch-9).

| Fare | Source |
|------|--------|
| 2 euro | [tariff](https://port.example.gov/tariff) |

- [Ferry history (PDF)](https://ferries.example.org/history.pdf)
"""


def test_links_of_the_running_text_sit_on_their_words() -> None:
    """Each web link of a paragraph is placed on its words (across a line break); in-page links, link lines
    and tables are not."""
    text = article_text(PAGE)
    links = text_links(PAGE, text)
    assert [text[link.start:link.end] for link in links] == ["reportedly", "port office", "the\nlaw"]
    assert [link.site for link in links] == ["harbour-news.example.com", "port.example.gov", "laws.example.gov"]


def test_a_link_whose_words_are_gone_is_left_out() -> None:
    """Words the plain-text form lost (a link line's) place no link, and the later links still do."""
    page = "[Front](https://a.example.org/x)\n\nSee [the filing](https://b.example.org/f) here."
    text = article_text(page)
    assert [(text[link.start:link.end], link.url) for link in text_links(page, text)] == [
        ("the filing", "https://b.example.org/f")]
