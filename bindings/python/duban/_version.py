"""The binding's version. Its major number must equal the C library's: the
binding is written against that major version's ABI (STYLE.md, "Python
binding layout")."""

__version__ = "0.1.0"
VERSION_MAJOR = 0
# The oldest library minor version whose symbols the table in _ffi.py needs.
VERSION_MINOR = 1
