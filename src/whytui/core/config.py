"""Repository configuration, as values: what `.whytui.toml` may say.

Everything the judge or the rules would otherwise get wrong for a repository is fixed here, in
a file that is reviewed like code: names that are systems not people, people's names the
built-in list lacks, extra structural categories, the sessions folder, the default due date.
Finding, reading and writing the file is `whytui.store.repo_config`'s work.
"""

from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from whytui.core.categories import BUILTIN_CATEGORIES, Category

CONFIG_NAME = ".whytui.toml"

Name = Annotated[str, StringConstraints(min_length=1, max_length=100)]


class ExtraCategory(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]{1,40}$")]
    name: Name
    description: Annotated[str, StringConstraints(max_length=300)] = ""
    example: Annotated[str, StringConstraints(max_length=300)] = ""


TrackerKind = Literal["github", "jira", "linear"]
Label = Annotated[str, StringConstraints(pattern=r"^[^\s,]{1,50}$")]


class TrackerConfig(BaseModel):
    """Where the team's backlog is: `whytui actions push` files action items there and
    `actions sync` reads them back. Only where, never how to log in: tokens come from the
    environment or the tracker's own credential store, and never from this reviewed file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: TrackerKind = Field(description="github, jira or linear.")
    repository: str = Field(
        default="", pattern=r"^$|^[\w.-]+/[\w.-]+$", description="GitHub: owner/name."
    )
    url: str = Field(
        default="",
        description="Jira: the site (https://acme.atlassian.net); GitHub Enterprise or Linear: "
        "the API base. The environment (JIRA_URL, GITHUB_API_URL, LINEAR_API_URL) wins.",
    )
    deployment: Literal["cloud", "datacenter"] = Field(
        default="cloud", description="Jira: cloud (REST v3) or datacenter (REST v2)."
    )
    project: str = Field(default="", description="Jira: the project key (PAY).")
    issue_type: Name = Field(default="Task", description="Jira: the issue type to file.")
    team: str = Field(default="", description="Linear: the team key (ENG).")
    labels: tuple[Label, ...] = Field(default=(), description="Labels every filed issue gets.")
    people: dict[Name, Name] = Field(
        default_factory=dict,
        description="Owner names as sessions write them -> tracker accounts (GitHub login, "
        "Jira accountId or user name, Linear email): reviewed, never guessed.",
    )

    @model_validator(mode="after")
    def _where(self) -> Self:
        needed = {"github": "repository", "jira": "project", "linear": "team"}[self.kind]
        if not getattr(self, needed):
            raise ValueError(f"a {self.kind} tracker needs `{needed}`")
        return self


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
    tracker: TrackerConfig | None = Field(
        default=None, description="The team's tracker, for `whytui actions push` and `sync`."
    )

    def all_categories(self) -> tuple[Category, ...]:
        extra = tuple(Category(c.id, c.name, c.description, c.example) for c in self.categories)
        return BUILTIN_CATEGORIES + extra

    def category_ids(self) -> frozenset[str]:
        return frozenset(c.id for c in self.all_categories())
