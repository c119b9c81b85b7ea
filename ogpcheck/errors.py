"""The one exception type the CLI turns into a one-line message and exit 2."""


class InputError(Exception):
    """Bad input or usage: the message names the file and the problem."""


class FewerVersions(InputError):
    """The input holds one language version or none: nothing to compare.
    A batch run takes such a file for an untranslated document."""
