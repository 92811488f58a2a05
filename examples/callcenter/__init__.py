"""A small call-centre app (``app.py``) and its tests, run with plivoxml_plus's pytest plugin."""
