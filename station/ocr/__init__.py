"""Optical character recognition with Tesseract, run locally."""
