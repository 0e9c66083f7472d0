"""Printed documents: one layout module per document, and the parts they share."""
