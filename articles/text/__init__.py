"""Plain-Python text processing: no Django here, strings in and dataclasses out."""
