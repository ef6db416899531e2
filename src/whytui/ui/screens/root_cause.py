"""Closing a leaf as a root cause: pick its category, check the rules, refuse a person.

The tree screen starts it with `r`; the dialogs it opens (the category picker, the refusal)
are imported when first used, since the first frame needs neither. A leaf that ends at a
person is refused with the reasons and a question that moves from the person to the system;
the facilitator asks that question as the next why, rewords the leaf, or, when the judge
mistook a system for a person, records the name in the repository's `.whytui.toml`, a change
reviewers see, and the close is tried again; or, when no list could fix it, closes the leaf
with the room's written reason for calling it structural.
"""

from typing import TYPE_CHECKING, Protocol

from textual.app import App

from whytui.core import edits, rules
from whytui.core.config import Config
from whytui.core.errors import InputError
from whytui.core.judge import judge_cause
from whytui.core.models import Session
from whytui.core.text import quote
from whytui.ui.host import session_host
from whytui.ui.widgets.editor import EditMode

if TYPE_CHECKING:
    from whytui.ui.screens.refusal import Resolution


class TreeEditor(Protocol):
    """What the flow needs of the screen it runs on."""

    @property
    def app(self) -> App[object]: ...

    def edit(self, session: Session, label: str, select: str | None) -> None: ...

    def open_editor(
        self, mode: EditMode, target: str, placeholder: str = "", text: str | None = None
    ) -> None: ...

    def select(self, node_id: str) -> None: ...


class RootCauseFlow:
    def __init__(self, screen: TreeEditor) -> None:
        self._screen = screen
        self._app = screen.app

    @property
    def _session(self) -> Session:
        return session_host(self._app).session

    @property
    def _config(self) -> Config:
        return session_host(self._app).config

    def pick_category(self, node_id: str) -> None:
        """Ask for the category, then try to close the leaf under it."""
        from whytui.ui.screens.category import CategoryScreen

        node = self._session.node(node_id)

        def chosen(category: str | None) -> None:
            if category is not None:
                self.try_close(node_id, category)

        self._app.push_screen(
            CategoryScreen(self._config.all_categories(), node.text, node.category), chosen
        )

    def try_close(self, node_id: str, category: str, judged: str | None = None) -> None:
        """Close `node_id` under `category` if the rules allow; otherwise say why not.
        `judged`: the room's written reason for closing it over the cause judge."""
        session = self._session
        problems = rules.leaf_close_problems(session, node_id, category, self._config, judged)
        if not problems:
            node = session.node(node_id)
            reason = node.judged if judged is None else judged
            how = "as structural over the judge" if reason else "as a root cause"
            self._screen.edit(
                edits.close_as_root_cause(session, node_id, category, reason),
                f"close {quote(node.text)} {how} ({category})",
                node_id,
            )
            return
        if any(p.rule == "cause-ends-at-person" for p in problems):
            from whytui.ui.screens.refusal import RefusalScreen

            text = session.node(node_id).text
            verdict = judge_cause(text, self._config)

            def resolved(resolution: "Resolution | None") -> None:
                if resolution is not None:
                    self._resolve(node_id, category, verdict.reframe, resolution)

            self._app.push_screen(RefusalScreen(text, verdict), resolved)
            return
        self._app.notify("; ".join(p.message for p in problems), severity="warning", markup=False)

    def _resolve(self, node_id: str, category: str, reframe: str, resolution: "Resolution") -> None:
        from whytui.ui.screens.refusal import Choice

        if resolution.choice is Choice.ASK:
            self._screen.select(node_id)
            self._screen.open_editor(EditMode.WHY, node_id, reframe)
        elif resolution.choice is Choice.REWORD:
            self._screen.select(node_id)
            self._screen.open_editor(EditMode.EDIT, node_id)
        elif resolution.choice is Choice.JUDGED:
            self.try_close(node_id, category, resolution.reason)
        else:
            self._add_system_name(resolution.name, node_id, category)

    def _add_system_name(self, name: str, node_id: str, category: str) -> None:
        from whytui.store.repo_config import add_system_name, config_path_for

        host = session_host(self._app)
        path = config_path_for(host.path)
        try:
            config = add_system_name(path, name)
        except (InputError, OSError) as error:
            self._app.notify(
                f"{path} was not changed: {error}. Fix the file, or reword the statement.",
                severity="error",
                markup=False,
            )
            return
        host.config = config
        host.wrote_config = True
        self._app.notify(
            f"Added '{name}' to system_names in {path}. Closing commits it with the session, "
            "so reviewers see why the judge reads it as a system.",
            title="Repository config changed",
            timeout=12,
            markup=False,
        )
        self.try_close(node_id, category)
