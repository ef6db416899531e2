"""`whytui open PATH` on a terminal of its own, for tests/test_hangup.py.

It makes the pty on its stdin its controlling terminal (so closing the pty's other end hangs
it up, as closing a terminal window or a tmux pane does) and sets autosave's delay to a
minute, so an edit is certainly not saved by autosave before the test sends its signal: what
reaches the disk got there through the hang-up handling.
"""

import fcntl
import sys
import termios

from whytui.commands.cli import main
from whytui.ui import saving

if __name__ == "__main__":
    fcntl.ioctl(sys.stdin.fileno(), termios.TIOCSCTTY, 0)
    saving.AUTOSAVE_DELAY = 60.0
    sys.exit(main(["open", sys.argv[1]]))
