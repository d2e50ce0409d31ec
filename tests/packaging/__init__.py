"""Tests for the Lambda artifact, the wheel and the SAM template."""
