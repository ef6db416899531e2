"""Session text as display content: data, never markup, never terminal control.

Session files come from other people's pull requests. Their text must neither run Textual
actions (`[@click=app.quit]`) nor reach the terminal as escape sequences, so every piece of
user text on screen goes through `user_text`: literal content, with control characters shown
as their Unicode pictures (ESC as ␛).
"""

import textwrap

from textual.content import Content

from whytui.core.text import one_line, pictured


def line_text(text: str) -> str:
    """User text for one line on screen (a tree line, a table cell): literal, whitespace runs
    as single spaces, control characters as pictures."""
    return one_line(text if text.isprintable() else pictured(text))


def user_text(text: str, style: str = "") -> Content:
    """`text` exactly as typed, safe to show; optionally in one `style`."""
    content = Content(pictured(text))
    return content.stylize(style) if style else content


def hanging(prefix: Content, text: str, width: int) -> Content:
    """`prefix` then `text` wrapped to fit `width` cells, later lines indented under the text.

    Textual wraps long lines back to the left edge, which hides where one item of a list ends;
    the checklist and the judge's reasons wrap this way instead. A `width` of 0 (not laid out
    yet) leaves the wrapping to Textual.
    """
    room = width - prefix.cell_length
    if room < 10:
        return prefix + user_text(text)
    first, *rest = _without_orphan(text, room)
    content = prefix + user_text(first)
    for line in rest:
        content += Content("\n" + " " * prefix.cell_length) + user_text(line)
    return content


def _without_orphan(text: str, room: int) -> list[str]:
    """`text` wrapped to `room` cells; if that leaves one word alone on the last line, the
    lines are made a little narrower (as many of them) so it has company."""
    lines = textwrap.wrap(text, room, break_on_hyphens=False) or [""]
    if len(lines) < 2 or " " in lines[-1]:
        return lines
    for narrower in range(room - 1, max(room * 3 // 4, 10), -1):
        tried = textwrap.wrap(text, narrower, break_on_hyphens=False)
        if len(tried) == len(lines) and " " in tried[-1]:
            return tried
    return lines


def clamped(content: Content, width: int, lines: int) -> Content:
    """`content` wrapped to `width` cells and cut to `lines` lines, an ellipsis where it was
    cut (a width of 0, not laid out yet, leaves the wrapping to Textual)."""
    if width <= 1:
        return content
    wrapped = content.wrap(width)
    if len(wrapped) <= lines:
        return content
    kept = wrapped[:lines]
    last = kept[-1].rstrip()
    if last.cell_length >= width:
        last = last.truncate(width - 1)
    kept[-1] = last + Content("…")
    return Content("\n").join(kept)
