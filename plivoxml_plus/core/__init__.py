"""Layer 3: the reference core (issue 4 fills this in)."""
