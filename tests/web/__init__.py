"""Tests for skill/web."""
