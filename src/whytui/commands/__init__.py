"""The command line: `whytui.commands.cli` dispatches to one module a command (or family).

The non-interactive commands never import Textual; `app` imports it only once a session is
ready to open.
"""
