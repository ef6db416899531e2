"""Session text as display content: data, never markup, never terminal control.

Session files come from other people's pull requests. Their text must neither run Textual
actions (`[@click=app.quit]`) nor reach the terminal as escape sequences, so every piece of
user text on screen goes through `user_text`: literal content, with control characters shown
as their Unicode pictures (ESC as ␛).
"""

from textual.content import Content

_PICTURES = {code: 0x2400 + code for code in range(0x20) if chr(code) not in "\n\t"}
_PICTURES[0x7F] = 0x2421


def user_text(text: str, style: str = "") -> Content:
    """`text` exactly as typed, safe to show; optionally in one `style`."""
    content = Content(text.translate(_PICTURES))
    return content.stylize(style) if style else content
