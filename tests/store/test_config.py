"""`.whytui.toml`: read and validated like a session file, found at the repository's top and
not above it, and its extra categories offered beside the built-in ones."""

from pathlib import Path

import pytest

from whytui.core.categories import BUILTIN_CATEGORIES
from whytui.core.config import CONFIG_NAME, Config
from whytui.core.errors import InputError
from whytui.store.repo_config import config_for, find_config, load_config

FULL = """\
sessions = "reviews"
system_names = ["Hermes", "Atlas"]
people_names = ["Oluwaseun"]
due_days = 14

[[category]]
id = "vendor-limit"
name = "Vendor quota"
description = "A provider's quota we had not planned for."

[[category]]
id = "flaky-test"
name = "Flaky test"
"""


def write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / CONFIG_NAME
    path.write_text(text, encoding="utf-8")
    return path


def test_a_full_config_is_read_and_its_categories_join_the_built_in_ones(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, FULL))
    assert config.sessions == "reviews"
    assert config.system_names == ("Hermes", "Atlas")
    assert config.people_names == ("Oluwaseun",)
    assert config.due_days == 14
    categories = config.all_categories()
    assert categories[: len(BUILTIN_CATEGORIES)] == BUILTIN_CATEGORIES
    assert [c.id for c in categories[len(BUILTIN_CATEGORIES) :]] == ["vendor-limit", "flaky-test"]
    assert categories[-2].description == "A provider's quota we had not planned for."
    assert {"vendor-limit", "flaky-test", "missing-check"} <= config.category_ids()


def test_an_empty_config_means_the_defaults(tmp_path: Path) -> None:
    assert load_config(write(tmp_path, "")) == Config()
    assert Config().all_categories() == BUILTIN_CATEGORIES


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("due_days = 0\n", 1, "due_days: Input should be greater than or equal to 1"),
        ('sessions = "s"\nsystem_name = ["Hermes"]\n', 2, "system_name: is not a field whytui"),
        ('system_names = ["Hermes", ""]\n', 1, "system_names item 2: must not be empty"),
        (
            FULL.replace('id = "flaky-test"', 'id = "Flaky Test"'),
            12,
            "[[category]] #2 id: 'Flaky Test'",
        ),
        (FULL.replace('name = "Flaky test"\n', ""), 11, "[[category]] #2 name: is required"),
        (FULL + 'colour = "red"\n', 14, "[[category]] #2 colour: is not a field whytui knows"),
        ("due_days = \n", 1, "invalid TOML"),
    ],
    ids=["range", "typo", "empty name", "bad id", "missing name", "unknown key", "invalid"],
)
def test_a_broken_config_names_the_line_and_the_problem(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(InputError) as caught:
        load_config(path)
    assert caught.value.path == path
    assert caught.value.line == line
    assert message in caught.value.problem


def test_a_broken_config_is_never_silently_ignored(tmp_path: Path) -> None:
    write(tmp_path, "due_days = 1000\n")
    with pytest.raises(InputError, match="due_days"):
        config_for(tmp_path)


def test_the_config_is_found_from_any_folder_inside_the_repository(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    path = write(repo, 'sessions = "reviews"\n')
    deep = repo / "services" / "checkout"
    deep.mkdir(parents=True)
    assert find_config(deep) == path.resolve()
    assert find_config(repo) == path.resolve()
    assert config_for(deep).sessions == "reviews"


def test_the_search_stops_at_the_repositorys_top(tmp_path: Path) -> None:
    """A config above the repository belongs to someone else (a home folder, a monorepo's
    parent) and must not change how this repository's sessions are judged."""
    write(tmp_path, 'sessions = "elsewhere"\n')
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    inside = repo / "docs"
    inside.mkdir()
    assert find_config(inside) is None
    assert config_for(inside) == Config()


def test_a_git_worktree_file_marks_the_top_too(tmp_path: Path) -> None:
    write(tmp_path, 'sessions = "elsewhere"\n')
    worktree = tmp_path / "worktree"
    worktree.mkdir()
    (worktree / ".git").write_text("gitdir: /somewhere/.git/worktrees/x\n")
    assert find_config(worktree) is None
