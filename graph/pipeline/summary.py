"""What an ingest run did: the counts, errors and bounds :func:`graph.pipeline.driver.ingest`
returns and the CLI prints (one place that the planner, the writer and the driver fill in)."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Summary"]


@dataclass
class Summary:
    """What an ingest run did."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    reextracted: int = 0
    failed: int = 0
    duplicates: int = 0  # the same story reached by another link, stored once
    actors: int = 0
    relations: int = 0
    words: int = 0
    seconds: float = 0.0
    resolved: bool = False  # actors were resolved again
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # articles kept, with a note
    skipped: list[str] = field(default_factory=list)  # files not read
    read: int = 0  # articles read from the input (what ``limit`` counts)
    stopped: str = ""  # "limit" or "stop" when a bound ended the run early
    left_out: int = 0  # articles read but not stored because the run stopped
    not_read: str = ""  # where reading stopped (an item's origin), if it did not finish

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0

    def lines(self) -> list[str]:
        redone = (f", {self.reextracted} re-extracted (extraction rules or model changed)"
                  if self.reextracted else "")
        return [
            f"articles: {self.new} new, {self.updated} updated, {self.unchanged} unchanged"
            f"{redone}, {self.failed} failed"
            + (f", {self.duplicates} duplicate{'s' * (self.duplicates > 1)}"
               if self.duplicates else "")
            + (f", {len(self.warnings)} warning{'s' * (len(self.warnings) > 1)}"
               if self.warnings else "")
            + (f"; {len(self.skipped)} skipped" if self.skipped else ""),
            f"store: {self.actors:,} actors, {self.relations:,} relations",
            f"time: {self.seconds:.2f} s, {self.words:,} words parsed "
            f"({self.words_per_second:,.0f} words/s)",
        ]
