"""Text sizes of every tag of a page from one bottom-up pass (asking bs4 tag by tag walks each subtree: quadratic on
deeply nested pages)."""

from __future__ import annotations

from bs4 import Comment, NavigableString, Tag

from .tags import BLOCK, MAIN_STRINGS, WS, preorder


class Measures:
    """Text lengths of every tag under a root, from one bottom-up pass.

    Asking bs4 for ``tag.get_text()`` or ``tag.find_all("p")`` walks the tag's whole subtree; doing it for every
    tag of a page made deeply nested pages quadratic (10,000 nested ``<div>``: 22 s). Values are those the bs4
    calls give: ``text`` = ``len(WS.sub("", tag.get_text()))``, ``para`` = the same summed over the ``<p>``
    below the tag, ``link`` over the ``<a>`` below it, ``nlink`` = ``len(tag.find_all("a"))``. A pass is valid
    until the tree changes; callers that remove tags while they walk in document order only ever ask about
    tags whose subtree is still intact (a removed tag's subtree is skipped, earlier tags are done).
    """

    def __init__(self, root: Tag) -> None:
        self.text: dict[int, int] = {}
        self.para: dict[int, int] = {}
        self.link: dict[int, int] = {}
        self.nlink: dict[int, int] = {}
        for tag in reversed(preorder(root)):  # children before their parents
            text = para = link = nlink = 0
            for child in tag.contents:
                if isinstance(child, Tag):
                    k = id(child)
                    ct = self.text[k]
                    text += ct
                    para += self.para[k] + (ct if child.name == "p" else 0)
                    link += self.link[k] + (ct if child.name == "a" else 0)
                    nlink += self.nlink[k] + (child.name == "a")
                elif type(child) in MAIN_STRINGS:
                    text += len(WS.sub("", child))
            k = id(tag)
            self.text[k], self.para[k], self.link[k], self.nlink[k] = text, para, link, nlink

    def text_len(self, tag: Tag) -> int:
        if id(tag) not in self.text or tag.interesting_string_types not in (None, MAIN_STRINGS):
            return len(WS.sub("", tag.get_text()))
        return self.text[id(tag)]

    def para_text_len(self, tag: Tag) -> int:
        """Characters inside <p> under ``tag`` (half its text when it has no paragraphs)."""
        n = self.para[id(tag)] + (self.text_len(tag) if tag.name == "p" else 0)
        if n == 0:
            n = self.text_len(tag) // 2
        return n

    def own_text_len(self, tag: Tag) -> int:
        """Text directly in ``tag`` (strings and inline children), not in its block children."""
        n = 0
        for child in tag.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                n += len(WS.sub("", str(child)))
            elif isinstance(child, Tag) and child.name not in BLOCK:
                n += self.text_len(child)
        return n

    def link_density(self, tag: Tag) -> float:
        total = self.text_len(tag)
        if total == 0:
            return 0.0
        return self.link[id(tag)] / total


class ShortTexts:
    """``tag.get_text(sep, strip=True)`` of every tag under a root whose text is at most ``cap`` non-space
    characters (None for longer ones), from one bottom-up pass: a check such as "a heading of at most 40
    characters" asked of every tag must not walk every tag's subtree.

    With ``prefix=True`` a longer text is cut after the string that passes ``cap`` instead of None (for checks
    that read only the start of a text, such as a date).
    """

    def __init__(self, root: Tag, cap: int, prefix: bool = False) -> None:
        # per tag: its stripped strings with their non-space counts, and the total (None: over the cap)
        self.parts: dict[int, tuple[list[tuple[str, int]], int] | None] = {}
        for tag in reversed(preorder(root)):
            parts: list[tuple[str, int]] = []
            size = 0
            over = False
            for child in tag.contents:
                if isinstance(child, Tag):
                    sub = self.parts[id(child)]
                    if sub is None:
                        over = True
                        break
                    add, add_size = sub
                elif type(child) in MAIN_STRINGS:
                    stripped = child.strip()
                    if not stripped:
                        continue
                    add = [(stripped, sum(1 for ch in stripped if not ch.isspace()))]
                    add_size = add[0][1]
                else:
                    continue
                if size + add_size <= cap:
                    parts.extend(add)
                    size += add_size
                    continue
                over = True
                if prefix:  # keep the start: pieces up to the first that passes the cap
                    for piece in add:
                        parts.append(piece)
                        size += piece[1]
                        if size > cap:
                            break
                break
            self.parts[id(tag)] = None if over and not prefix else (parts, size)

    def get(self, tag: Tag, sep: str = " ") -> str | None:
        if id(tag) not in self.parts or tag.interesting_string_types not in (None, MAIN_STRINGS):
            return tag.get_text(sep, strip=True)
        got = self.parts[id(tag)]
        return None if got is None else sep.join(piece for piece, _ in got[0])
