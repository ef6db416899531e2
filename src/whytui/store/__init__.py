"""The store: session files and everything that keeps them safe on disk.

Reading untrusted TOML, the session file format and its atomic save, the repository's
`.whytui.toml`, the lock, autosave, the changed-on-disk watch, recovery after a crash, the
corpus of a repository's sessions, lint, and `OpenSession`, the one place a session file is
edited from. Builds on `whytui.core`; imports neither Textual nor git.
"""
