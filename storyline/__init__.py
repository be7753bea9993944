"""Storyline: a pile of raw news articles in, cited story briefs out."""

__version__ = "0.1.0"
