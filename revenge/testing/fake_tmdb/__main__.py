"""`python -m revenge.testing.fake_tmdb --port 8765 --synthetic 1000`."""

from revenge.testing.fake_tmdb.process import serve

serve()
