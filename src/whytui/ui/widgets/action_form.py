"""The action item form, with the judge speaking while the facilitator types.

A vague item is the cheapest way for a review to feel finished, so the verdict is shown under
the text as it is typed (why it is vague, what a specific one looks like), and what is still
missing (owner, due date, `done when`, a root cause) is listed before saving. Only a vague text
is refused; the rest may be filled in later and shows as problems until then.
"""

import datetime as dt
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from whytui.core.judge import ActionVerdict, judge_action
from whytui.core.models import ActionItem, Session
from whytui.core.rules import action_problems
from whytui.ui.usertext import hanging, user_text
from whytui.ui.widgets.cause_picker import CausePicker, Choice

DATE_FORMAT = "YYYY-MM-DD"
_TEXT_FIELDS = ("text", "owner", "due", "done-when", "tracker")

_MISSING = {
    "action-no-owner": "owner",
    "action-no-due": "due date",
    "action-no-done-when": "done when",
    "action-no-cause": "linked root cause",
}
"""Short names for what the form lists as missing; other rules show their own message."""

_JUDGED_HERE = {"action-vague", "action-done-when-vague"}
"""Rules the live verdicts under the text fields already explain."""


def parse_due(value: str) -> dt.date | None:
    """An empty field means no due date yet; anything else must be an ISO date."""
    value = value.strip()
    return dt.date.fromisoformat(value) if value else None


class DueDate(Validator):
    def validate(self, value: str) -> ValidationResult:
        try:
            parse_due(value)
        except ValueError:
            return self.failure(f"'{value}' is not a date: use {DATE_FORMAT}")
        return self.success()


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why the form can't be saved yet, and the field to fix."""

    message: str
    field: str


@dataclass(frozen=True, slots=True)
class ActionDraft:
    text: str
    owner: str
    due: dt.date | None
    done_when: str
    causes: tuple[str, ...]
    tracker: str

    def fields(self) -> dict[str, object]:
        return {
            "text": self.text,
            "owner": self.owner,
            "due": self.due,
            "done_when": self.done_when,
            "causes": self.causes,
            "tracker": self.tracker,
        }


def _reasons(verdict: ActionVerdict) -> str:
    return "; ".join(verdict.reasons) or "it needs judgment to check"


def _verdict_content(
    verdict: ActionVerdict, labels: tuple[str, str], width: int, hint: bool
) -> Content:
    """✓ and a word, or ✗ with each reason on its own line and, if asked, the judge's rewrite.

    `labels`: what to call a vague text and a specific one.
    """
    vague, specific = labels
    if verdict.is_specific:
        return Content.assemble(("✓ ", "$success"), specific)
    lines = [Content.assemble(("✗ ", "$error"), (vague, "bold"))]
    lines += [hanging(Content("  · "), reason, width) for reason in verdict.reasons]
    if hint and verdict.hint:
        lines.append(hanging(Content("  → "), verdict.hint, width))
    return Content("\n").join(lines)


def _show(static: Static, content: Content) -> None:
    """Update only on a change of text: the form re-judges on every keystroke."""
    if static.content != content:
        static.update(content)


def _row(label: str, *fields: Widget) -> Horizontal:
    return Horizontal(Label(label, classes="field-label"), *fields, classes="row")


class ActionForm(VerticalScroll, can_focus=False):
    """The fields of one action item; `refusal()` and `draft()` are what saving needs."""

    DEFAULT_CSS = """
    ActionForm {
        height: 1fr;
        padding: 0 1;
        scrollbar-gutter: stable;  /* a verdict growing long must not narrow the fields */
    }
    ActionForm .row {
        height: auto;
        margin-top: 1;
    }
    ActionForm .field-label {
        width: 11;
        text-style: bold;
    }
    ActionForm .inline-label {
        width: auto;
        padding: 0 1 0 2;
        text-style: bold;
    }
    ActionForm Input {
        width: 1fr;
    }
    ActionForm #due {
        width: 12;
    }
    ActionForm .verdict {
        height: auto;
        margin-left: 11;
        color: $text-muted;
    }
    ActionForm .verdict.-refused {
        background: $error 20%;
        color: $text;
    }
    ActionForm CausePicker {
        width: 1fr;
        height: auto;
        max-height: 6;
    }
    ActionForm #missing {
        height: auto;
        margin-top: 1;
    }
    """

    def __init__(
        self, session: Session, action: ActionItem | None, default_due: dt.date, *, id: str
    ) -> None:
        super().__init__(id=id)
        self._session = session
        self._action = action
        self._default_due = default_due

    def _input(self, field: str, placeholder: str) -> Input:
        """A one-line field, filled from the item being edited."""
        value = getattr(self._action, field.replace("-", "_"), "") if self._action else ""
        return Input(value, placeholder=placeholder, id=field, compact=True, select_on_focus=False)

    def compose(self) -> ComposeResult:
        due = self._action.due if self._action else self._default_due
        due_input = Input(
            due.isoformat() if due else "",
            placeholder=DATE_FORMAT,
            id="due",
            compact=True,
            validators=[DueDate()],
            valid_empty=True,
        )  # selected on focus: a date typed replaces the default one
        yield _row("Change", self._input("text", "what will change, e.g. alert at 90% pool use"))
        yield Static(id="text-verdict", classes="verdict")
        yield _row(
            "Owner", self._input("owner", "a name"), Label("Due", classes="inline-label"), due_input
        )
        yield _row("Done when", self._input("done-when", "what anyone could check, no judgment"))
        yield Static(id="done-when-verdict", classes="verdict")
        yield _row("Causes", self._cause_picker())
        yield _row("Tracker", self._input("tracker", "ticket or link where the work is planned"))
        yield Static(id="missing")

    def _cause_picker(self) -> CausePicker:
        """The session's root causes, plus any linked node that is no longer one (to unlink)."""
        linked = set(self._action.causes) if self._action else set()
        roots = self._session.root_causes()
        choices = [Choice(node.id, user_text(node.text)) for node in roots]
        for node_id in sorted(linked - {node.id for node in roots}):
            label = user_text(self._session.node(node_id).text) + Content(" (not a root cause)")
            choices.append(Choice(node_id, label))
        return CausePicker(choices, linked, id="causes")

    def on_mount(self) -> None:
        self.refresh_verdicts()

    def on_resize(self) -> None:
        self.refresh_verdicts()

    class Changed(Message):
        """Something in the form was typed or picked."""

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.refresh_verdicts()
        self.post_message(self.Changed())

    def on_cause_picker_changed(self, event: CausePicker.Changed) -> None:
        event.stop()
        self.refresh_verdicts()
        self.post_message(self.Changed())

    def typed(self) -> dict[str, str]:
        """Every field as typed, the linked causes as ids: what a draft keeps."""
        values = {field: self._value(field) for field in _TEXT_FIELDS}
        values["causes"] = " ".join(self._selected_causes())
        return values

    def fill(self, typed: dict[str, str]) -> None:
        """Put back what `typed` said (a draft), field by field."""
        for field in _TEXT_FIELDS:
            if field in typed:
                self.query_one(f"#{field}", Input).value = typed[field]
        picker = self.query_one(CausePicker)
        wanted = set(typed.get("causes", "").split()) & set(picker.choice_ids)
        for node_id in set(picker.linked) ^ wanted:
            picker.toggle(node_id)
        self.refresh_verdicts()

    def _value(self, field: str) -> str:
        return self.query_one(f"#{field}", Input).value

    def refresh_verdicts(self) -> None:
        """Show the judge's verdict on the text and `done when`, and what is still missing."""
        text_verdict = self.query_one("#text-verdict", Static)
        text_verdict.remove_class("-refused")
        text = self._value("text").strip()
        content = Content("Say what will change, concretely enough to check.")
        if text:
            labels = ("vague", "specific: someone could check it")
            content = _verdict_content(judge_action(text), labels, text_verdict.size.width, True)
        _show(text_verdict, content)

        done_when_verdict = self.query_one("#done-when-verdict", Static)
        done_when = self._value("done-when").strip()
        content = Content("A check anyone could run: no 'better' or 'enough'.")
        if done_when:
            labels = ("needs judgment", "checkable")
            width = done_when_verdict.size.width
            content = _verdict_content(judge_action(done_when), labels, width, hint=False)
        _show(done_when_verdict, content)

        _show(self.query_one("#missing", Static), self._missing_content())

    def _missing_content(self) -> Content:
        try:
            due = parse_due(self._value("due"))
        except ValueError:
            return Content.assemble(
                ("✗ ", "$error"), user_text(f"due date: use {DATE_FORMAT}, or leave it empty")
            )
        draft = ActionItem(
            id="a-draft",
            text=self._value("text") or "-",
            owner=self._value("owner"),
            due=due,
            done_when=self._value("done-when"),
            causes=self._selected_causes(),
        )
        problems = [p for p in action_problems(draft, self._session) if p.rule not in _JUDGED_HERE]
        if not problems:
            return Content.assemble(
                ("✓ ", "$success"), "nothing missing: owner, due date, done when, root cause"
            )
        names = [_MISSING.get(p.rule) or p.message for p in problems]
        return Content.assemble(
            ("✗ missing: ", "$warning"),
            user_text(", ".join(names)),
            Content(" (may be saved; listed as problems until filled in)").stylize("$text-muted"),
        )

    def _selected_causes(self) -> tuple[str, ...]:
        return self.query_one(CausePicker).linked

    def refusal(self) -> Refusal | None:
        """Why this item may not be saved: no text, vague text, or a due date that isn't one."""
        text = self._value("text").strip()
        if not text:
            return Refusal("Not saved: say what will change.", "text")
        verdict = judge_action(text)
        if not verdict.is_specific:
            return Refusal(
                f"Not saved: this item is vague: {_reasons(verdict)}. "
                "A specific rewrite is under the text.",
                "text",
            )
        try:
            parse_due(self._value("due"))
        except ValueError:
            return Refusal(
                f"Not saved: due date '{self._value('due')}' is not {DATE_FORMAT}.", "due"
            )
        return None

    def show_refusal(self, refusal: Refusal) -> None:
        """Mark the verdict that explains the refusal, and put the cursor where to fix it."""
        if refusal.field == "text":
            self.query_one("#text-verdict", Static).add_class("-refused")
        self.screen.set_focus(self.query_one(f"#{refusal.field}", Input))

    def draft(self) -> ActionDraft:
        """The typed values; call only when `refusal()` is None."""
        return ActionDraft(
            text=self._value("text").strip(),
            owner=self._value("owner").strip(),
            due=parse_due(self._value("due")),
            done_when=self._value("done-when").strip(),
            causes=self._selected_causes(),
            tracker=self._value("tracker").strip(),
        )
