"""The one exception family the CLI turns into a clean one-line message and a non-zero exit."""


class SilkledgerError(Exception):
    """An expected failure: bad input, a missing database, an unwritable path. The message is
    one line that names the file, record or setting at fault."""


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message; for a database error, the driver's own message
    (SQLAlchemy wraps it as ``exc.orig`` and appends the SQL, which is noise in a one-line error)."""
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
