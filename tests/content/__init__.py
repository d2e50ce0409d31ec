"""Tests for skill/content."""
