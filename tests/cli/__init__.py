"""Tests for skill/cli."""
