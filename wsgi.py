"""WSGI entry point: ``flask --app wsgi run`` or ``gunicorn wsgi:app``."""

from navigator.web import create_app

app = create_app()
