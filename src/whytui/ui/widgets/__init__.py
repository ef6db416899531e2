"""Widgets of the app, one module each."""
