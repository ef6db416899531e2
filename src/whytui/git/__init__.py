"""Git: committing one session file through the user's own git, hooks and identity."""
