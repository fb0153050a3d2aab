"""When each office last got its own digest (spec section 18), for `status`: a delivery that failed, or an office
the last run did not reach, is seen without reading `log --summaries`."""

from __future__ import annotations

from rich.console import Group as RenderGroup
from rich.text import Text

from pilkada_cli.i18n import Lang, fmt_date_short, t
from pilkada_cli.report.offices import Reach
from pilkada_cli.safe_text import visible

OFFICES_LISTED = 8  # offices the last run missed, named on the status screen; the rest are counted


def reach_view(reaches: list[Reach], tz, lang: Lang, width: int) -> RenderGroup:
    """`Office digests last sent 27 Aug 2024 06:30: 21/22 offices got them.`, then each office that the last run
    did not reach or whose delivery failed, with when it was last reached."""

    def when(run) -> str:
        moment = run.ts.astimezone(tz)
        return f"{fmt_date_short(moment.date(), lang)} {moment:%H:%M}"

    runs = [run for r in reaches for run in (r.reached, r.failed) if run is not None]
    if not runs:
        return RenderGroup(Text(t("status.offices_never", lang), style="yellow"))
    latest = max(runs, key=lambda run: (run.day, run.ts))
    reached = sum(r.reached is not None and r.reached.day == latest.day for r in reaches)
    lines = [Text(t("status.offices_reached", lang, when=when(latest), reached=reached, total=len(reaches)),
                  style="green" if reached == len(reaches) and not any(r.failed for r in reaches) else "yellow")]
    missed = [r for r in reaches if r.failed is not None or r.reached is None or r.reached.day != latest.day]
    for r in missed[:OFFICES_LISTED]:
        name = visible(r.office.name if r.office.name is not None else t("office.leadership", lang))
        line = t("status.office_missed", lang, office=name, when=when(r.reached)) if r.reached else \
            t("status.office_not_yet", lang, office=name)
        lines.append(Text("  " + line, style="red" if r.failed is not None else "yellow"))
        if r.failed is not None:  # on a line of its own, cut to the screen: log --summaries has it whole
            failed = "    " + t("status.office_failed", lang, when=when(r.failed),
                                    reason=visible(r.failed.delivery or ""))
            lines.append(Text(failed if len(failed) <= width else failed[:width - 1].rstrip() + "…", style="red"))
    if len(missed) > OFFICES_LISTED:
        lines.append(Text("  " + t("status.offices_more", lang, count=len(missed) - OFFICES_LISTED), style="yellow"))
    return RenderGroup(*lines)
