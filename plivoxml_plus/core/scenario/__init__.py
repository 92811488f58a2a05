"""Scenario files: the format's one declaration (``_format``: every table and
key, with its value, default and meaning), published as a JSON Schema and a
reference page (``_format_outputs``); the loader (``_scenario``), its ``[[rest]]``
entries (``_scenario_rest``) and the one-pass reading of the text's layout
(``_toml_layout``), run by ``plivoxml-plus simulate``."""
