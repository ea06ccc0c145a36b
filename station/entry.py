"""The `station` program: with no command (or `gui`) the operator's window, otherwise the command line.

It sits above the layers (cli below it never imports Qt), so a machine without PySide6 still has
every command, and a missing Qt is one clear sentence rather than a trace.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from station import cli


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    args = cli.build_parser().parse_args(args_list)
    if args.command in (None, "gui"):
        import os

        if sys.platform.startswith("linux") and not any(
                os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
            # Qt would abort the process with a core dump; say what to do instead.
            print("station: there is no screen to open the window on (no DISPLAY); start it from a desktop "
                  "session, or use the commands (`station --help`, `station demo`).", file=sys.stderr)
            return 1
        try:
            from station.ui.app import run as run_gui
        except ImportError as exc:
            print(f"station: the window cannot open ({exc}); install PySide6, or use the commands "
                  "(`station --help`).", file=sys.stderr)
            return 1
        return run_gui(getattr(args, "data_dir", None))
    return cli.main(args_list)


if __name__ == "__main__":
    raise SystemExit(main())
