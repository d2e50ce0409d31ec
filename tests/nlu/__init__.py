"""Tests for skill/nlu."""
