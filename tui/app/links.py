"""The link of an entry that `o` opens and `y` copies: its page's address,
else its first link, and only when it is an http(s) URL. A page's og:url may
say file:, javascript:, smb: or vscode:; such a link is shown, never opened."""

from __future__ import annotations

from tui.library import EntryDetail
from tui.textnorm import web_url


def entry_link(detail: EntryDetail | None) -> tuple[str | None, str | None]:
    """(url, None) for a web link; (url or None, why not) otherwise."""
    url = None
    if detail is not None:
        url = detail.page_url or (detail.links[0][0] if detail.links else None)
    if url is None:
        return None, "This entry has no link."
    if web_url(url) is None:
        return url, f"Not opened or copied: {url} (only http and https links are)."
    return url, None
