"""Tests for skill/alexa."""
