"""Web pages to text: the main text of an HTML page, its title, author and date."""

from __future__ import annotations


def extract_html(html: str) -> dict[str, str | None]:
    """Return the main text (paragraphs separated by blank lines), title, author and
    date of a web page; navigation, comments and scripts are left out."""
    import trafilatura

    result = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True
    )
    if result is not None and not isinstance(result, dict):
        result = result.as_dict()
    if result and (result.get("text") or "").strip():
        text = "\n\n".join(line for line in result["text"].split("\n") if line.strip())
        return {
            "text": text,
            "title": result.get("title"),
            "author": result.get("author"),
            "date": result.get("date"),
        }
    return _extract_html_fallback(html)


def _extract_html_fallback(html: str) -> dict[str, str | None]:
    """Text of the paragraphs of a small page that the main-text extractor declines."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "form"]):
        tag.decompose()
    blocks = [p.get_text(" ", strip=True) for p in soup.find_all(["p", "h1", "h2", "h3", "li"])]
    if not any(blocks):
        blocks = [soup.get_text("\n", strip=True)]
    title = soup.title.get_text(strip=True) if soup.title else None
    return {
        "text": "\n\n".join(b for b in blocks if b),
        "title": title or None,
        "author": None,
        "date": None,
    }

