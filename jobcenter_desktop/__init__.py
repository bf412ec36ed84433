"""Jobcenter Frister: deadlines (frister) for Danish jobcenter caseworkers."""

__version__ = "0.1.0"
