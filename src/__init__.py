"""silkledger: a relational database of China–Central Asia relations, built from articles."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("silkledger")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0"
