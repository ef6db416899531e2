"""Agreement of the judges with labelled statements: the shared corpus, a held-out set, and
statements from 30 public postmortems.

The shared corpus is what the judges were built against; the held-out statements (in
tests/data) are of the same kinds with other wording, people, systems and domains, so a judge
that memorised the corpus fails them. The postmortem corpus (tests/data/postmortems, see its
README) was written and labelled before the judges were reworked on it, and split once: rules
were tuned on the dev split and only reported on the test split. Each failure lists every
statement judged wrongly.
"""

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

from whytui.judge import judge_action, judge_cause

SHARED_CORPUS = Path(__file__).parents[3] / "shared" / "corpus"
HELD_OUT = Path(__file__).parents[1] / "data"

CAUSE_AGREEMENT = 0.95
ACTION_AGREEMENT = 0.90
POSTMORTEMS = HELD_OUT / "postmortems"
POSTMORTEM_CAUSES = 0.97
POSTMORTEM_ACTIONS = 0.95


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


def _postmortem_rows(name: str) -> list[dict[str, str]]:
    with (POSTMORTEMS / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _caught(rows: list[dict[str, str]]) -> float:
    return sum(_ends_at_person(r["text"]) for r in rows) / len(rows)


def test_cause_judge_agrees_with_statements_from_real_postmortems() -> None:
    rows = _postmortem_rows("causes.tsv")
    assert len(rows) >= 150
    _check([(r["label"], r["text"]) for r in rows], "person", _ends_at_person, POSTMORTEM_CAUSES)


@pytest.mark.parametrize("name", ["actions.tsv", "done_when.tsv"])
def test_action_judge_agrees_with_items_from_real_postmortems(name: str) -> None:
    rows = _postmortem_rows(name)
    _check([(r["label"], r["text"]) for r in rows], "specific", _is_specific, POSTMORTEM_ACTIONS)


def test_no_system_with_a_persons_name_is_refused() -> None:
    systems = [r for r in _postmortem_rows("causes.tsv") if r["kind"] == "system-name"]
    assert systems and all(r["label"] == "structural" for r in systems)
    refused = [r["text"] for r in systems if _ends_at_person(r["text"])]
    assert refused == []


def test_blame_through_a_name_from_anywhere_is_caught_as_often_as_through_an_english_one() -> None:
    """On the dev split: the rows of both kinds are the same statements with the name changed,
    so this compares the names alone (the test split is reported by the benchmark)."""
    rows = [r for r in _postmortem_rows("causes.tsv") if r["split"] == "dev"]
    world = [r for r in rows if r["kind"] == "name-world"]
    english = [r for r in rows if r["kind"] == "name-english"]
    assert len(world) >= 15 and len(english) >= 15
    missed = [r["text"] for r in world if not _ends_at_person(r["text"])]
    assert _caught(world) >= _caught(english), f"missed through names from anywhere: {missed}"
