"""What an ingest did (:class:`IngestReport`)."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["IngestReport", "MAX_PROBLEMS"]

#: problems kept (and printed) per ingest; the count is always complete.
MAX_PROBLEMS = 100


@dataclass
class IngestReport:
    """What one ingest did."""

    lines: int = 0
    added: int = 0
    unchanged: int = 0
    revised: int = 0
    malformed: int = 0
    error_records: int = 0
    mentions: int = 0
    deals_created: int = 0
    deals_linked: int = 0
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def line(self) -> str:
        rate = f" in {self.seconds:.1f}s ({self.lines / self.seconds:.0f} records/s)" if self.seconds > 0 else ""
        return (f"ledger: {self.lines} records read: {self.added} added ({self.revised} new versions), "
                f"{self.unchanged} unchanged, {self.malformed} malformed, {self.error_records} error records; "
                f"{self.mentions} deal mentions → {self.deals_created} new deals, {self.deals_linked} linked to "
                f"existing ones{rate}")

    def problem(self, where: str, reason: str) -> None:
        self.malformed += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(f"{where}: {reason}")
