"""The care-team phone number the tests configure."""

from __future__ import annotations

PHONE = "555-010-0199"
