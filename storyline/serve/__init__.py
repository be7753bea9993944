"""The web stage: pages, JSON API and feed over the story store (`storyline serve`)."""

from storyline.serve.app import create_app

__all__ = ["create_app"]
