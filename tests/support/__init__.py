"""Helpers the tests share (and bench may import): no test module imports another."""
