"""newsreader: a terminal reader for news live blogs."""

__version__ = "0.1.0"
