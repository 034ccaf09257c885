"""Extraction: main text and metadata, sentences, and the language model underneath."""
