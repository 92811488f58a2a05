"""Layer 2: the XSD contract, validation and safe parsing (issue 3 fills this in)."""
