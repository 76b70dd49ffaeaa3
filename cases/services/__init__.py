"""Writes of the cases app, one function per use case (`<noun>_<verb>`)."""
