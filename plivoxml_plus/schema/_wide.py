"""Elements with many children: libxml2 validates them in quadratic time.

libxml2 names each error's element by a path it finds by scanning siblings, so
many invalid children of one element, at any depth, would cost quadratic time:
the review (``_review.py``) validates such children in slices, and validation's
fast path (``_validate.py``) sends a document that has one straight to it.
"""

from __future__ import annotations

from lxml import etree

__all__ = ["NEVER_WIDE", "SLICE", "WIDE_ELEMENTS"]

# Children per validation call: small enough that libxml2's sibling scans stay
# cheap, large enough that a valid slice costs one call.
SLICE = 256
# Elements with more children than that.
WIDE_ELEMENTS = etree.XPath(f"//*[*[{SLICE + 1}]]")
# Fewer bytes than this hold no element with more than SLICE element children, in
# any encoding: each child takes at least four characters ("<a/>"), a character at
# least one byte. Webhook answers are this small: their size alone says so.
NEVER_WIDE = 4 * (SLICE + 1)
