import re

from attrib_converter.errors import InvalidOptionError

BUNDLE_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def check_bundle_name(name: str) -> None:
    """A bundle name is also its folder name, so it must be folder-safe.

    @throws InvalidOptionError naming the bad value and what is accepted.
    """
    if not BUNDLE_NAME.match(name):
        raise InvalidOptionError(
            f"invalid bundle name {name!r}: use lowercase letters, digits, '.', "
            "'_' and '-', starting with a letter or digit"
        )
