"""Scenario files: the TOML format (``_scenario``), its ``[[rest]]`` entries
(``_scenario_rest``) and the one-pass reading of the text's layout
(``_toml_layout``), run by ``plivoxml-plus simulate``."""
