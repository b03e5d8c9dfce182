"""Dates: publication dates from metadata and deal dates from short candidate spans (dateparser).

>>> parse_date("2025-03-04")
datetime.date(2025, 3, 4)
>>> parse_date("Monday", relative_to=datetime.date(2025, 3, 6))
datetime.date(2025, 3, 3)
>>> parse_date("on 8 Jan", relative_to=datetime.date(2025, 3, 6)), parse_date("3月4日", relative_to=datetime.date(2025, 3, 6))
(datetime.date(2025, 1, 8), datetime.date(2025, 3, 4))

The month and weekday names and the regexes are in ``patterns/en/dates.yml`` and ``patterns/zh/dates.yml``
(``months``, ``weekdays``, ``regexes``).
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass

from ..patterns import RegexTable, load_file, regex_table

__all__ = ["dateline", "parse_date"]

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class _DateWords:
    """The month and weekday names and the date regexes of ``patterns/en/dates.yml`` and ``patterns/zh/dates.yml``."""

    months: dict[str, int]  # the first three letters of a month, lower case → its number
    weekdays: tuple[str, ...]  # lower case, Monday first
    en: RegexTable
    zh: RegexTable


@functools.cache
def _words() -> _DateWords:
    data = load_file("en", "dates")
    return _DateWords(months={m[:3].lower(): i for i, m in enumerate(data["months"], 1)},
                      weekdays=tuple(d.lower() for d in data["weekdays"]),
                      en=regex_table("en", "dates"), zh=regex_table("zh", "dates"))


@functools.lru_cache(maxsize=4096)
def parse_date(text: str, relative_to: datetime.date | None = None, lang: str = "en") -> datetime.date | None:
    """A date from a short span ("March 3, 2025", "Monday", "2025年3月4日"); None when it is not one."""
    m = _ISO.match(text)
    if m:
        try:
            return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    words = _words()
    if words.zh["date.zh_today_span"].match(text):
        return relative_to  # 今日: the publication date (none without one)
    zh = words.zh["date.zh_month_day"].search(text)
    if zh:
        year = int(zh.group("year")) if zh.group("year") else (relative_to.year if relative_to else None)
        if year is None:
            return None
        try:
            return datetime.date(year, int(zh.group("mon")), int(zh.group("day")))
        except ValueError:
            return None
    m = words.en["date.month_day"].match(text) or words.en["date.day_month"].match(text)
    if m:
        return _month_day(m, relative_to)
    m = words.en["date.weekday"].match(text)
    if m:
        if relative_to is None:
            return None
        back = (relative_to.weekday() - words.weekdays.index(m.group("wd").lower())) % 7 or 7
        return relative_to - datetime.timedelta(days=back)  # the last such day before the publication date
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if relative_to is not None:
        settings["RELATIVE_BASE"] = datetime.datetime(relative_to.year, relative_to.month, relative_to.day)
    cleaned = words.en["date.lead_on"].sub("", text.strip())
    got = dateparser.parse(cleaned, languages=["en"], settings=settings)
    if got is None:
        return None
    if relative_to is None and not re.search(r"(19|20)\d\d", text):
        return None  # "March 3" with no year and no publication date: unknown year
    return got.date()


def _month_day(m: re.Match[str], relative_to: datetime.date | None) -> datetime.date | None:
    """A month and day, with the year written or the latest such date not after ``relative_to``."""
    month, day = _words().months[m.group("mon")[:3].lower()], int(m.group("day"))
    try:
        if m.group("year"):
            return datetime.date(int(m.group("year")), month, day)
        if relative_to is None:
            return None  # "March 3" with no year and no publication date: unknown year
        got = datetime.date(relative_to.year, month, day)
        return got if got <= relative_to else datetime.date(relative_to.year - 1, month, day)
    except ValueError:
        return None


def dateline(text: str, lang: str = "en", head: int = 400, lines: int = 4) -> datetime.date | None:
    """The date of a dateline or byline: the first full date (with its year) in the first ``lines`` lines of the
    text, within its first ``head`` characters ("By Staff | March 4, 2026", "SHANGHAI, March 4, 2026 /PRNewswire/",
    "2026年3月4日"); None when there is none."""
    top = "\n".join(text[:head].split("\n")[:lines])
    for m in _words().en["date.dateline"].finditer(top):
        if _PERIOD_END.search(top, max(0, m.start() - 16), m.start()):
            continue  # "12 Months Ended Dec. 31, 2024", "as of June 30, 2025": the end of a period, no dateline
        return parse_date(m.group(0), lang=lang)
    return None


_PERIOD_END = re.compile(r"(?i)\b(?:ended|ending|as of|as at|through|until|to|from|between|and)\s*$|截至\s*$|至\s*$")
