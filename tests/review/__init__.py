"""Tests for skill/review."""
