"""`whytui ARGS…` on a terminal of its own, for the tests that drive it through a pty.

It makes the pty on its stdin its controlling terminal (so closing the pty's other end hangs
it up, as closing a terminal window or a tmux pane does). WHYTUI_TEST_AUTOSAVE_DELAY, when
set, replaces autosave's half second: a test of hang-ups sets a minute, so that an edit can
only reach the disk through the hang-up handling.
"""

import fcntl
import os
import sys
import termios

from whytui.commands.cli import main
from whytui.ui import saving

if __name__ == "__main__":
    fcntl.ioctl(sys.stdin.fileno(), termios.TIOCSCTTY, 0)
    delay = os.environ.get("WHYTUI_TEST_AUTOSAVE_DELAY")
    if delay is not None:
        saving.AUTOSAVE_DELAY = float(delay)
    sys.exit(main(sys.argv[1:]))
