"""Dates: publication dates from metadata and deal dates from short candidate spans (dateparser).

>>> parse_date("2025-03-04")
datetime.date(2025, 3, 4)
>>> parse_date("Monday", relative_to=datetime.date(2025, 3, 6))
datetime.date(2025, 3, 3)
"""

from __future__ import annotations

import datetime
import functools
import re

__all__ = ["parse_date"]

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_MONTHS = {m[:3].lower(): i for i, m in enumerate(
    ("January February March April May June July August September October November December").split(), 1)}
_MON = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
#: "March 3, 2025", "Jan. 8", "3 March 2025": read directly (dateparser is slow and only needed for the rest)
_MDY = re.compile(rf"^\s*(?:on\s+)?{_MON}\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?\s*$")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"^\s*(?:on\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*$")
_DMY = re.compile(rf"^\s*(?:on\s+)?(?P<day>\d{{1,2}})\s+{_MON}(?:\s+(?P<year>(?:19|20)\d\d))?\s*$")


@functools.lru_cache(maxsize=4096)
def parse_date(text: str, relative_to: datetime.date | None = None, lang: str = "en") -> datetime.date | None:
    """A date from a short span ("March 3, 2025", "Monday", "2025年3月4日"); None when it is not one."""
    m = _ISO.match(text)
    if m:
        try:
            return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    zh = re.search(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]", text)
    if zh:
        year = int(zh.group(1)) if zh.group(1) else (relative_to.year if relative_to else None)
        if year is None:
            return None
        try:
            return datetime.date(year, int(zh.group(2)), int(zh.group(3)))
        except ValueError:
            return None
    m = _MDY.match(text) or _DMY.match(text)
    if m:
        return _month_day(m, relative_to)
    m = _WEEKDAY.match(text)
    if m:
        if relative_to is None:
            return None
        back = (relative_to.weekday() - _WEEKDAYS.index(m.group("wd").lower())) % 7 or 7
        return relative_to - datetime.timedelta(days=back)  # the last such day before the publication date
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if relative_to is not None:
        settings["RELATIVE_BASE"] = datetime.datetime(relative_to.year, relative_to.month, relative_to.day)
    cleaned = re.sub(r"^\s*on\s+", "", text.strip())
    got = dateparser.parse(cleaned, languages=["en"], settings=settings)
    if got is None:
        return None
    if relative_to is None and not re.search(r"(19|20)\d\d", text):
        return None  # "March 3" with no year and no publication date: unknown year
    return got.date()


def _month_day(m: re.Match[str], relative_to: datetime.date | None) -> datetime.date | None:
    """A month and day, with the year written or the latest such date not after ``relative_to``."""
    month, day = _MONTHS[m.group("mon")[:3].lower()], int(m.group("day"))
    try:
        if m.group("year"):
            return datetime.date(int(m.group("year")), month, day)
        if relative_to is None:
            return None  # "March 3" with no year and no publication date: unknown year
        got = datetime.date(relative_to.year, month, day)
        return got if got <= relative_to else datetime.date(relative_to.year - 1, month, day)
    except ValueError:
        return None
