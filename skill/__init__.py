"""SI joint fusion recovery skill: answers from the clinic's guide, for Alexa and locally."""

__version__ = "0.1.0"
