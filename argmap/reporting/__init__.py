"""Reports: maps, their quotes and source views, and the comparison in one HTML or Markdown document."""

from __future__ import annotations

from argmap.reporting.build import REPORT_FORMATS, build_report, report
from argmap.reporting.document import Report, debate_groups

__all__ = ["REPORT_FORMATS", "Report", "build_report", "debate_groups", "report"]
