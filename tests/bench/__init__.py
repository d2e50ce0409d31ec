"""Tests that the benchmark scripts still run."""
