"""`whytui schema`: the session file's JSON Schema, for editors (taplo, Even Better TOML)."""

import argparse
import json
from typing import Any


def register(sub: Any) -> None:
    parser = sub.add_parser("schema", help="print the session file's JSON Schema")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from whytui.core.models import Session

    schema = Session.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "whytui session file"
    print(json.dumps(schema, indent=2, sort_keys=True))
    return 0
