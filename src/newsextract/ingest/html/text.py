"""Block-aware plain text of the article container: paragraphs split by a blank line, inline markup kept in the
sentence, table cells joined by " | "."""

from __future__ import annotations

import re
from typing import Any

from bs4 import Comment, NavigableString, Tag

from .tags import BLOCK, CELL, PARA, WS

__all__ = ["to_text"]

_CJK = "\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
#: a source line break next to a CJK character is not a space (Chinese has none between words or before digits)
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t]*\n\s*|[ \t]*\n\s*(?=[{_CJK}])")


def _norm_inline(s: str) -> str:
    s = _CJK_BREAK.sub("", s)
    s = s.replace("\n", " ")
    return WS.sub(" ", s)


def to_text(root: Tag) -> str:
    """Block-aware plain text of ``root``: paragraphs split by a blank line, inline markup kept in the sentence."""
    out: list[str] = []

    def brk(n: int) -> None:
        # n = 1: new line, n = 2: new paragraph
        tail = "".join(out[-2:]) if out else "\n\n"
        have = len(tail) - len(tail.rstrip("\n"))
        if out and have < n:
            out.append("\n" * (n - have))

    # a walk with an explicit stack: pages nest deeper than Python's recursion limit
    stack: list[tuple[Any, bool] | int] = [(root, False)]
    while stack:
        item = stack.pop()
        if isinstance(item, int):  # the break after a block's children
            brk(item)
            continue
        node, pre = item
        if isinstance(node, Comment):
            continue
        if isinstance(node, NavigableString):
            s = str(node)
            out.append(s if pre else _norm_inline(s))
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name
        if name == "br":
            brk(1)
            continue
        if name in CELL:
            out.append("\t")
            stack.extend((child, pre) for child in reversed(node.contents))
            continue
        if name in BLOCK:
            n = 2 if name in PARA else 1
            brk(n)
            stack.append(n)
        stack.extend((child, pre or name == "pre") for child in reversed(node.contents))
    text = "".join(out)
    lines = [ln.strip(" \t") for ln in text.split("\n")]
    lines = [re.sub(r"\t+", " | ", ln) if "\t" in ln else ln for ln in lines]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()
