"""Agreement of the judges with labelled statements: the shared corpus, and a held-out set.

The shared corpus is what the judges were built against; the held-out statements (in
tests/data) are of the same kinds with other wording, people, systems and domains, so a judge
that memorised the corpus fails them. Each failure lists every statement judged wrongly.
"""

from collections.abc import Callable
from pathlib import Path

import pytest

from whytui.judge import judge_action, judge_cause

SHARED_CORPUS = Path(__file__).parents[3] / "shared" / "corpus"
HELD_OUT = Path(__file__).parents[1] / "data"

CAUSE_AGREEMENT = 0.95
ACTION_AGREEMENT = 0.90


def _rows(path: Path) -> list[tuple[str, str]]:
    """(label, text) rows of a TSV file whose first line is the header `label<TAB>text`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == ["label", "text"], f"{path}: unexpected header {lines[0]!r}"
    rows = [tuple(line.split("\t", 1)) for line in lines[1:] if line.strip()]
    return [(label, text) for label, text in rows]


def _shared(name: str) -> Path:
    if not SHARED_CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not beside the repository at {SHARED_CORPUS}")
    return SHARED_CORPUS / name


def _check(
    rows: list[tuple[str, str]], expected: str, judged: Callable[[str], bool], threshold: float
) -> None:
    misses = [(label, text) for label, text in rows if judged(text) != (label == expected)]
    agreement = 1 - len(misses) / len(rows)
    listing = "\n".join(f"  labelled {label}: {text}" for label, text in misses)
    assert agreement >= threshold, (
        f"agreement {agreement:.1%} ({len(rows) - len(misses)}/{len(rows)}) is below "
        f"{threshold:.0%}; misses:\n{listing}"
    )


def _ends_at_person(text: str) -> bool:
    return judge_cause(text).ends_at_person


def _is_specific(text: str) -> bool:
    return judge_action(text).is_specific


def test_cause_judge_agrees_with_the_shared_corpus() -> None:
    rows = _rows(_shared("causes.tsv"))
    _check(rows, "person", _ends_at_person, CAUSE_AGREEMENT)


def test_action_judge_agrees_with_the_shared_corpus() -> None:
    rows = _rows(_shared("actions.tsv"))
    _check(rows, "specific", _is_specific, ACTION_AGREEMENT)


def test_cause_judge_agrees_with_held_out_statements() -> None:
    rows = _rows(HELD_OUT / "heldout_causes.tsv")
    assert len(rows) >= 40
    assert {label for label, _ in rows} == {"person", "structural"}
    _check(rows, "person", _ends_at_person, CAUSE_AGREEMENT)


def test_action_judge_agrees_with_held_out_statements() -> None:
    rows = _rows(HELD_OUT / "heldout_actions.tsv")
    assert len(rows) >= 30
    assert {label for label, _ in rows} == {"vague", "specific"}
    _check(rows, "specific", _is_specific, ACTION_AGREEMENT)


def test_held_out_statements_are_not_copied_from_the_corpus() -> None:
    for name in ("causes.tsv", "actions.tsv"):
        corpus = {text.lower() for _, text in _rows(_shared(name))}
        held_out = {text.lower() for _, text in _rows(HELD_OUT / f"heldout_{name}")}
        assert not corpus & held_out, f"held-out {name} repeats corpus lines"
