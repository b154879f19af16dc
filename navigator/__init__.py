"""Exile legal-status navigator.

``navigator.engine`` is the pure-Python rule engine; ``navigator.web`` (Flask),
``navigator.outputs`` (JSON, PDF, calendar) and ``navigator.cli`` are thin
adapters around its single call, ``assess``.
"""

__version__ = "0.1.0"
