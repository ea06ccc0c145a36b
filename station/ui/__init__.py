"""The operator's Qt interface: the only package that imports PySide6 (an import contract checks it)."""
