"""The run as a report: text and JSON renderings of one run (``_report``)."""
