"""The one exception family the CLI turns into a clean one-line message and a non-zero exit."""


class SilkledgerError(Exception):
    """An expected failure: bad input, a missing database, an unwritable path. The message is
    one line that names the file, record or setting at fault."""
