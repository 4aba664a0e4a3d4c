"""`python -m torchkeras run SCRIPT [args...]`: run a Keras / tf.keras script on torchkeras.
`python -m torchkeras check SCRIPT`: list the names it uses that torchkeras lacks."""

import os
import runpy
import sys
import traceback

USAGE = "usage: torchkeras run SCRIPT [args...] | torchkeras check SCRIPT [SCRIPT ...]"


def _script_traceback(error, script):
    """The traceback from the script's first frame on: the shim's own frames are not shown."""
    tb = error.__traceback__
    script = os.path.abspath(script)
    while tb is not None and os.path.abspath(tb.tb_frame.f_code.co_filename) != script:
        tb = tb.tb_next
    return tb or error.__traceback__


def run(script, args):
    """Run `script` as `__main__` with the compat shim installed; return the exit status."""
    if not os.path.exists(script):
        print(
            f"{sys.executable}: can't open file '{os.path.abspath(script)}': "
            "[Errno 2] No such file or directory",
            file=sys.stderr,
        )
        return 2
    from torchkeras import compat

    compat.install()
    sys.argv = [script] + list(args)
    sys.path.insert(0, os.path.dirname(os.path.abspath(script)))
    try:
        runpy.run_path(script, run_name="__main__")
    except SystemExit as e:
        code = e.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code
        print(code, file=sys.stderr)
        return 1
    except SyntaxError:
        traceback.print_exc(limit=0)
        return 1
    except BaseException as e:  # the script's own error, shown as Python would show it
        traceback.print_exception(type(e), e, _script_traceback(e, script))
        return 1
    return 0


def check(scripts):
    """Print the names each script uses that torchkeras lacks; exit status 1 if any."""
    from torchkeras.compat import check as check_lib

    missing = False
    for script in scripts:
        try:
            lines = check_lib.check_file(script)
        except OSError as e:
            print(f"{script}: {e.strerror}", file=sys.stderr)
            return 2
        except SyntaxError as e:
            print(f"{script}:{e.lineno}: SyntaxError: {e.msg}", file=sys.stderr)
            return 2
        for line in lines:
            print(line)
            missing = missing or ": missing (" in line
        if not lines:
            print(f"{script}: every keras/tensorflow name it uses is provided by torchkeras")
    return 1 if missing else 0


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if len(argv) >= 2 and argv[0] == "run":
        return run(argv[1], argv[2:])
    if len(argv) >= 2 and argv[0] == "check":
        return check(argv[1:])
    print(USAGE, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
