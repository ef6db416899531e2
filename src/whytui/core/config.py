"""Repository configuration, as values: what `.whytui.toml` may say.

Everything the judge or the rules would otherwise get wrong for a repository is fixed here, in
a file that is reviewed like code: names that are systems not people, people's names the
built-in list lacks, extra structural categories, the sessions folder, the default due date.
Finding, reading and writing the file is `whytui.store.repo_config`'s work.
"""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from whytui.core.categories import BUILTIN_CATEGORIES, Category

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
