"""Repository configuration: `.whytui.toml` at the repository root.

Everything the judge or the rules would otherwise get wrong for a repository is fixed here, in
a file that is reviewed like code: names that are systems not people, people's names the
built-in list lacks, extra structural categories, the sessions folder, the default due date.
"""

from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from whytui.categories import BUILTIN_CATEGORIES, Category
from whytui.tomlfile import explain, parse, read_text

CONFIG_NAME = ".whytui.toml"

Name = Annotated[str, StringConstraints(min_length=1, max_length=100)]


class ExtraCategory(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]{1,40}$")]
    name: Name
    description: Annotated[str, StringConstraints(max_length=300)] = ""
    example: Annotated[str, StringConstraints(max_length=300)] = ""


class Config(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    sessions: str = Field(default="sessions", description="Folder of session files.")
    system_names: tuple[Name, ...] = Field(
        default=(), description="Names the judge must read as systems, not people (Hermes)."
    )
    people_names: tuple[Name, ...] = Field(
        default=(), description="People's names the judge's built-in list lacks."
    )
    due_days: int = Field(default=30, ge=1, le=365, description="Default days to a due date.")
    categories: tuple[ExtraCategory, ...] = Field(default=(), alias="category")

    def all_categories(self) -> tuple[Category, ...]:
        extra = tuple(Category(c.id, c.name, c.description, c.example) for c in self.categories)
        return BUILTIN_CATEGORIES + extra

    def category_ids(self) -> frozenset[str]:
        return frozenset(c.id for c in self.all_categories())


def load_config(path: Path) -> Config:
    """Read `.whytui.toml`; a broken one raises `InputError`, never silently ignored."""
    text = read_text(path)
    try:
        return Config.model_validate(parse(text, path))
    except ValidationError as error:
        raise explain(error, path, text, {"categories": "category"}) from None


def find_config(start: Path) -> Path | None:
    """The nearest `.whytui.toml` at or above `start`, stopping at a repository's top."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / CONFIG_NAME
        if path.is_file():
            return path
        if (candidate / ".git").exists():
            return None
    return None


def config_for(start: Path) -> Config:
    found = find_config(start)
    return load_config(found) if found else Config()
