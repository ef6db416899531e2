"""Adding a system name to `.whytui.toml`: a reviewable change that keeps everything else."""

import tomllib
from pathlib import Path

import pytest

from whytui.core.errors import InputError
from whytui.store.repo_config import add_system_name, config_path_for, load_config, repository_root


def test_a_missing_config_is_created_with_just_the_name(tmp_path: Path) -> None:
    path = tmp_path / ".whytui.toml"
    config = add_system_name(path, "Hermes")
    assert config.system_names == ("Hermes",)
    assert path.read_text() == 'system_names = [\n    "Hermes",\n]\n'


def test_names_stay_sorted_and_unique(tmp_path: Path) -> None:
    path = tmp_path / ".whytui.toml"
    for name in ("hermes", "Apollo", "Zed", "Apollo"):
        add_system_name(path, name)
    assert load_config(path).system_names == ("Apollo", "hermes", "Zed")


def test_comments_other_keys_and_tables_are_kept(tmp_path: Path) -> None:
    path = tmp_path / ".whytui.toml"
    path.write_text(
        "# Our review config\n"
        'sessions = "reviews"\n'
        "system_names = [\n"
        '  "Kafka",  # the queue\n'
        "]\n"
        "due_days = 21\n"
        "\n"
        "[[category]]\n"
        'id = "vendor"\n'
        'name = "Vendor"\n'
    )
    add_system_name(path, "Greta")
    assert path.read_text() == (
        "# Our review config\n"
        'sessions = "reviews"\n'
        "system_names = [\n"
        '    "Greta",\n'
        '    "Kafka",\n'
        "]\n"
        "due_days = 21\n"
        "\n"
        "[[category]]\n"
        'id = "vendor"\n'
        'name = "Vendor"\n'
    )


def test_a_new_key_goes_before_the_first_table(tmp_path: Path) -> None:
    path = tmp_path / ".whytui.toml"
    path.write_text('[[category]]\nid = "vendor"\nname = "Vendor"\n')
    add_system_name(path, "Greta")
    data = tomllib.loads(path.read_text())
    assert data["system_names"] == ["Greta"]
    assert data["category"] == [{"id": "vendor", "name": "Vendor"}]


@pytest.mark.parametrize(
    "broken", ["system_names = [\n", 'system_names = "Hermes"\n', "surprise = 1\n"]
)
def test_a_config_that_cannot_be_read_is_not_touched(tmp_path: Path, broken: str) -> None:
    path = tmp_path / ".whytui.toml"
    path.write_text(broken)
    with pytest.raises(InputError) as error:
        add_system_name(path, "Greta")
    assert str(error.value).startswith(str(path))
    assert path.read_text() == broken


def test_the_config_lives_at_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    sessions = tmp_path / "docs" / "sessions"
    sessions.mkdir(parents=True)
    assert repository_root(sessions) == tmp_path
    assert config_path_for(sessions / "s.toml") == tmp_path / ".whytui.toml"
    (tmp_path / "docs" / ".whytui.toml").write_text("")
    assert config_path_for(sessions / "s.toml") == tmp_path / "docs" / ".whytui.toml"


def test_outside_a_repository_the_session_folder_is_the_root(tmp_path: Path) -> None:
    assert repository_root(tmp_path) == tmp_path.resolve()
