"""Outputs built from one assessment: JSON (API and CLI), the guidance PDF and the calendar.

Pure Python like the engine (no Flask), so the CLI produces exactly what the web does.
"""
