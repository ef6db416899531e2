"""The core: what a review is and how it is judged, with no disk, no terminal and no git.

Models, ids, categories, edits, the closing rules, the judges, rendering, patterns and
follow-up all work on values in memory. Everything here can be called from any thread and
tested without a temporary folder; `tests/core/test_purity.py` walks this folder and fails if
a module imports the store, the UI, git, Textual or anything that touches the filesystem.
"""
