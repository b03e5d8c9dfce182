"""Assembly: facts → deal records."""

from .assembler import Assembler

__all__ = ["Assembler"]
