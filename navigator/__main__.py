"""``python -m navigator`` is the same as the ``navigator`` command."""

from navigator.cli import main

main()
