"""`whytui render`: Markdown a reviewer reads in a pull request, with session text kept literal.

Escaping is checked the way a reader meets it: the Markdown is rendered to HTML by a CommonMark
parser with GitHub's tables, and the text a reader sees must be the text that was typed, with
no emphasis, links, headings, code, extra list items or extra table cells made out of it.
"""

import datetime as dt
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from markdown_it import MarkdownIt

from gitrepo import closable_session, open_session
from strategies import any_sessions, texts
from whytui.commands.cli import main
from whytui.core import edits
from whytui.core.config import Config, ExtraCategory
from whytui.core.ids import ROOT_ID
from whytui.core.models import ActionStatus, Session
from whytui.core.render import escape, escape_block, mermaid_label, render
from whytui.store.sessionfile import load, save

MARKDOWN = MarkdownIt("commonmark").enable("table").enable("strikethrough")


class _Html(HTMLParser):
    """Tags seen and text shown (a <br> shows as a newline)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)
        if tag == "br":
            self.text.append("\n")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def html_of(markdown: str) -> _Html:
    parsed = _Html()
    parsed.feed(MARKDOWN.render(markdown))
    return parsed


def shown(text: str) -> str:
    """What a reader should see of `text`: every character, whitespace runs aside."""
    pictures = {c: chr(0x2400 + c) for c in range(0x20) if c not in (9, 10, 13)}
    pictures |= {0x7F: "\u2421"} | dict.fromkeys(range(128, 160), "�")
    return " ".join(text.translate(pictures).replace("\xa0", " ").split())


@given(texts())
def test_inline_text_in_a_list_item_reads_literally(text: str) -> None:
    html = html_of(f"- {escape(text)}\n")

    assert set(html.tags) <= {"ul", "li", "br"}
    assert html.tags.count("li") == 1
    assert shown("".join(html.text)) == shown(text)


@given(texts())
def test_inline_text_in_a_table_cell_stays_one_cell(text: str) -> None:
    html = html_of(f"| a | b |\n|---|---|\n| {escape(text)} | end |\n")

    assert set(html.tags) <= {"table", "thead", "tbody", "tr", "th", "td", "br"}
    assert html.tags.count("td") == 2
    assert shown("".join(html.text)) == shown(f"a b {text} end")


@given(texts())
def test_block_text_reads_literally_as_paragraphs(text: str) -> None:
    html = html_of(escape_block(text) + "\n")

    assert set(html.tags) <= {"p", "br"}
    assert shown("".join(html.text)) == shown(text)


def test_escaping_keeps_the_raw_markdown_readable() -> None:
    assert escape("a | b * c _d_ `e` [f](g) <h> #i \\ ~k~") == (
        "a \\| b \\* c \\_d\\_ \\`e\\` \\[f\\](g) \\<h\\> \\#i \\\\ \\~k\\~"
    )
    assert escape("- not a list\n1. nor this\n+ nor\n===") == (
        "\\- not a list<br>1\\. nor this<br>\\+ nor<br>\\==="
    )
    assert escape("R&D, &amp; literally") == "R&D, \\&amp; literally"
    assert escape("[@click=app.quit]") == "\\[@click=app.quit\\]"


# -- the document -----------------------------------------------------------------------------


def test_a_closed_review_renders_every_section() -> None:
    session = closable_session()
    cause = session.root_causes()[0]
    session = edits.mark_done(
        session, session.actions[0].id, "https://ci.example/1", dt.date(2026, 8, 18)
    )
    session = edits.update_action(session, session.actions[0].id, tracker="PLAT-377")

    text = render(session)

    assert text.startswith("# Checkout outage: Redis ran out of memory\n\n")
    assert "2 whys, 1 root cause: 1 Unsafe default; 1 action item: 0 open, 1 done." in text
    for row in (
        "| Date | 2026-08-12 |",
        "| Status | closed |",
        "| Facilitator | Priya Raman |",
        "| Incidents | INC-2291 |",
        "| Services | checkout, redis-sessions |",
        "| Participants | — |",
    ):
        assert row in text
    assert "## Problem\n\nFor 47 minutes, 38% of checkout requests failed with HTTP 500.\n" in text
    assert (
        "- The session store rejected every write.\n"
        "  - **Root cause RC1** (Unsafe default): "
        f"{cause.text} (actions: A1)\n"
    ) in text
    assert (
        "| A1 | Set maxmemory-policy to volatile-lru in the Helm chart's default values. "
        "| Ade Okafor | 2026-08-19 "
        "| helm template renders maxmemory-policy volatile-lru for every Redis release. "
        "| done 2026-08-18<br>https://ci.example/1 | RC1 | PLAT-377 |"
    ) in text
    assert "**What would have had to be true for this not to happen?**\n\nThe chart's" in text
    assert "Every other Redis release" in text
    assert "```mermaid" not in text


def test_open_leaves_unanswered_questions_and_missing_actions_are_marked() -> None:
    session = open_session()
    session, cause = edits.add_why(session, session.nodes[0].id, "The consumer default is latest.")
    session = edits.close_as_root_cause(session, cause, "unsafe-default")
    session, _ = edits.add_why(session, ROOT_ID, "Nobody noticed for six hours.")

    text = render(session)

    assert "(no action item yet)" in text
    assert "- **Open**, still asking why: Nobody noticed for six hours." in text
    assert text.count("_Not answered yet._") == 2
    assert "_No action items yet._" in text
    assert "| Status | open |" in text


def test_repository_categories_are_named_as_the_config_names_them() -> None:
    config = Config(categories=(ExtraCategory(id="vendor-quirk", name="Vendor quirk"),))
    session = open_session()
    session = edits.close_as_root_cause(session, session.nodes[0].id, "vendor-quirk")

    assert "**Root cause RC1** (Vendor quirk):" in render(session, config)


def test_a_root_cause_closed_over_the_judge_shows_the_rooms_reason_literally() -> None:
    session = open_session()
    session, cause = edits.add_why(session, ROOT_ID, "Priya followed the runbook's old table.")
    reason = "structural: the runbook names the *old* table; Priya is context"
    session = edits.close_as_root_cause(session, cause, "knowledge-gap", reason)

    text = render(session)

    [line] = [line for line in text.splitlines() if "Priya followed" in line]
    assert "(the room overruled the judge: " in line
    assert reason in shown("".join(html_of(line).text))
    assert "em" not in html_of(line).tags, "the reason is text, not emphasis"


def test_the_tree_nests_by_depth_in_tree_order() -> None:
    session = Session(title="t", date=dt.date(2026, 1, 1), problem="p")
    session, a = edits.add_why(session, ROOT_ID, "a")
    session, b = edits.add_why(session, a, "b")
    session, _ = edits.add_why(session, b, "c")
    session, _ = edits.add_why(session, a, "d")
    session, _ = edits.add_why(session, ROOT_ID, "e")

    tree = render(session).split("## Why tree\n\n")[1].split("\n\n")[0]

    assert tree.splitlines() == [
        "- a",
        "  - b",
        "    - **Open**, still asking why: c",
        "  - **Open**, still asking why: d",
        "- **Open**, still asking why: e",
    ]


@given(any_sessions())
def test_rendering_is_deterministic_and_keeps_user_text_out_of_the_markup(
    session: Session,
) -> None:
    text = render(session, mermaid=True)

    assert render(session, mermaid=True) == text
    html = html_of(text)
    assert "a" not in html.tags and "img" not in html.tags and "script" not in html.tags
    assert html.tags.count("h1") == 1
    assert html.tags.count("li") == len(session.nodes)
    rows = html.tags.count("tr")
    assert rows == 7 + (len(session.actions) + 1 if session.actions else 0)


# -- Mermaid ----------------------------------------------------------------------------------


def test_mermaid_labels_escape_quotes_and_markup() -> None:
    assert mermaid_label('He said "stop" <b>#1</b> & `x`') == (
        "He said #quot;stop#quot; #lt;b#gt;#35;1#lt;/b#gt; #amp; #96;x#96;"
    )
    assert mermaid_label("a\nb\tc") == "a b c"
    assert mermaid_label("x" * 300).endswith("…")


@given(any_sessions())
def test_the_flowchart_has_a_node_per_why_and_an_edge_to_its_parent(session: Session) -> None:
    text = render(session, mermaid=True)
    chart = text.split("```mermaid\n")[1].split("```")[0].splitlines()

    labels = [line for line in chart if re.fullmatch(r'    [a-z_0-9]+\["[^"]*"\]', line)]
    assert len(labels) == len(session.nodes) + 1
    for node in session.nodes:
        node_id, parent = node.id.replace("-", "_"), node.parent.replace("-", "_")
        assert f"    {parent} --> {node_id}" in chart
    if session.root_causes():
        causes = ",".join(n.id.replace("-", "_") for n in session.root_causes())
        assert f"    class {causes} cause" in chart


# -- the command ------------------------------------------------------------------------------


@pytest.fixture
def session_file(tmp_path: Path) -> Path:
    path = tmp_path / "review.toml"
    save(closable_session(), path)
    return path


def test_render_prints_markdown(session_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(session_file)]) == 0
    assert capsys.readouterr().out == render(load(session_file))


def test_render_writes_a_file_with_mermaid(session_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "review.md"

    assert main(["render", "--mermaid", "-o", str(out), str(session_file)]) == 0
    assert out.read_text(encoding="utf-8") == render(load(session_file), mermaid=True)


def test_render_refuses_to_write_over_the_session_file(
    session_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = session_file.read_bytes()

    assert main(["render", "-o", str(session_file), str(session_file)]) == 2
    assert "is the session file itself" in capsys.readouterr().err
    assert session_file.read_bytes() == before


def test_render_of_an_unreadable_file_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("schema = 2\ntitle = \n")

    assert main(["render", str(broken)]) == 2
    assert f"{broken}:2: invalid TOML" in capsys.readouterr().err


def test_done_actions_show_their_status() -> None:
    session = closable_session()
    done = edits.update_action(session, session.actions[0].id, status=ActionStatus.DONE)

    assert "| done | RC1 |" in render(done)


def test_render_is_pure_it_loads_neither_textual_nor_git() -> None:
    script = (
        "import sys, whytui.core.render\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'git')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
