"""The command line's foundation: the Typer app, the options every command shares, the `Session` (plan,
language, clock, journal) and the one place where errors become messages. The commands live beside it,
one module per group (items, plan_tools, daily); each parses options, calls the core, hands the result
to a renderer and prints once."""

import functools
import json
import os
import sys
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Annotated, Any, Optional, TypeVar

import typer

from pilkada_cli import dates
from pilkada_cli.errors import BadInput, PilkadaError, PlanInvalid
from pilkada_cli.cli import click_text, complete
from pilkada_cli.i18n import Lang, help_lang, problem_text, t
from pilkada_cli.safe_text import json_output

HELP = help_lang()
F = TypeVar("F", bound=Callable[..., Any])

app = typer.Typer(
    help=t("help.app", HELP),
    epilog=t("help.environment", HELP),
    no_args_is_help=True,
    # pilkada --install-completion: switched on by main() only when a shell asks for completions or someone
    # asks for help or to install them, so ordinary commands do not load Typer's completion machinery.
    add_completion=False,
    # Plain help and usage errors: Typer's Rich formatting imports Markdown and traceback machinery that
    # doubles the start-up of `--help` (benchmarks/run.py); a bug still shows a plain Python traceback.
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# Options every command takes; given before the command they apply to all (pilkada --on D status).
PlanOpt = Annotated[Optional[str], typer.Option("--plan", "-p", help=t("help.opt.plan", HELP), show_default=False)]
OnOpt = Annotated[Optional[str], typer.Option("--on", help=t("help.opt.on", HELP), show_default=False)]
LangOpt = Annotated[Optional[str], typer.Option("--lang", help=t("help.opt.lang", HELP), show_default=False)]
JsonOpt = Annotated[bool, typer.Option("--json", help=t("help.opt.json", HELP))]
StakeholderOpt = Annotated[list[str], typer.Option("--stakeholder", "-s", help=t("help.opt.stakeholder", HELP),
                                                   show_default=False, autocompletion=complete.stakeholders)]
PhaseOpt = Annotated[list[str], typer.Option("--phase", help=t("help.opt.phase", HELP), show_default=False,
                                             autocompletion=complete.phases)]
RegionOpt = Annotated[list[str], typer.Option("--region", "-r", help=t("help.opt.region", HELP),
                                              show_default=False, autocompletion=complete.regions)]
NoteOpt = Annotated[Optional[str], typer.Option("--note", help=t("help.opt.note", HELP), show_default=False)]
ByOpt = Annotated[Optional[str], typer.Option("--by", help=t("help.opt.by", HELP), show_default=False)]
COLORS = ("auto", "always", "never")
_color: list[str] = ["auto"]


def _set_color(value: str | None) -> str | None:
    """--color, read as it is parsed (before the command runs), for every Rich console made afterwards."""
    if value is not None:
        value = value.strip().lower()
        if value not in COLORS:
            raise typer.BadParameter(t("color.unknown", _error_lang[0], value=value[:20]))
        _color[0] = value
    return value


# auto: colour on a terminal unless NO_COLOR is set (Rich reads it); always: also into a pipe; never: none.
ColorOpt = Annotated[Optional[str], typer.Option("--color", help=t("help.opt.color", HELP), show_default=False,
                                                 callback=_set_color, metavar="auto|always|never")]
# The filters of `list`, shared by `export`.
StateOpt = Annotated[list[str], typer.Option("--state", help=t("help.opt.state", HELP), show_default=False)]
TagOpt = Annotated[list[str], typer.Option("--tag", help=t("help.opt.tag", HELP), show_default=False)]
CriticalOpt = Annotated[bool, typer.Option("--critical", help=t("help.opt.critical", HELP))]
BlockedOpt = Annotated[bool, typer.Option("--blocked", help=t("help.opt.blocked", HELP))]


class _Globals:
    """What was given before the command name."""

    plan: str | None = None
    on: str | None = None
    lang: str | None = None


GLOBAL = _Globals()
_error_lang: list[Lang] = [HELP]


def _shown_lang() -> Lang:
    return _error_lang[0]


click_text.install(_shown_lang)  # Typer's own words (help headings, usage errors) through the catalogue


def _early_lang(lang: str | None) -> Lang:
    chosen = lang or GLOBAL.lang or os.environ.get("PILKADA_LANG") or None
    if chosen is None:
        return "id"
    chosen = chosen.strip().lower()
    if chosen not in ("id", "en"):
        raise BadInput("lang.unknown", value=chosen[:20])
    return chosen  # type: ignore[return-value]


def handled(fn: F) -> F:
    """The error boundary: a PilkadaError becomes a short message on stderr and its exit code."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except PilkadaError as exc:
            _print_error(exc, _error_lang[0])
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]


def _print_error(exc: PilkadaError, lang: Lang) -> None:
    err = _console(stderr=True)
    if isinstance(exc, PlanInvalid):
        errors = [p for p in exc.problems if p.is_error]
        err.print(t("plan.invalid", lang, count=len(errors)), style="bold red", markup=False, highlight=False)
        for problem in errors[:5]:
            err.print("  " + problem_text(problem, lang), markup=False, highlight=False)
        if len(errors) > 5:
            err.print("  " + t("plan.more_problems", lang, count=len(errors) - 5), markup=False, highlight=False)
        err.print(t("plan.run_check", lang), markup=False, highlight=False)
        return
    err.print(t("error.prefix", lang) + t(exc.key, lang, **exc.params), style="red", markup=False, highlight=False)
    for detail in exc.details[:DETAILS_SHOWN]:
        err.print("  " + t(detail.key, lang, **detail.params), markup=False, highlight=False)
    if len(exc.details) > DETAILS_SHOWN:
        err.print("  " + t("tick.from_more", lang, count=len(exc.details) - DETAILS_SHOWN), markup=False,
                  highlight=False)


DETAILS_SHOWN = 20  # of thousands of bad lines (the wrong plan's ids), the first few, and a count


def _console(stderr: bool = False):
    from rich.console import Console

    # Messages are not wrapped: a coordinator copies them whole into a chat or a search.
    colors = {"always": {"force_terminal": True}, "never": {"no_color": True, "color_system": None}}
    return Console(stderr=stderr, highlight=False, soft_wrap=stderr, **colors.get(_color[0], {}))


class Session:
    """A command's view of the world: its language, and the library's `Tracker` (plan, journal, clock)."""

    def __init__(self, plan: str | None, on: str | None, lang: str | None, *, load: bool = True) -> None:
        self.lang: Lang = _early_lang(lang)
        self.lang_given = bool(lang or GLOBAL.lang or os.environ.get("PILKADA_LANG"))
        _error_lang[0] = self.lang
        on = on or GLOBAL.on
        self.now = _now()
        # `--on kemarin` is yesterday in the plan's time zone, read once the plan is (UTC's without a plan)
        self.on = dates.parse_date(on, today=dates.today_in(timezone.utc, self.now)) if on else None
        if load:
            from pilkada_cli.tracker import Tracker

            self.tracker = Tracker.open(plan or GLOBAL.plan, on, env=os.environ, now=self.now,
                                        fixed_clock=fixed_clock())
            if not self.lang_given and self.plan.language:
                self.lang = self.plan.language  # type: ignore[assignment]
                _error_lang[0] = self.lang
            self.on = self.tracker.on

    @property
    def plan(self):
        return self.tracker.plan

    @property
    def tz(self):
        return self.tracker.tz

    @property
    def clock(self):
        return self.tracker.clock

    def print(self, renderable: Any) -> None:
        # Plain lines go out as they are (never wrapped mid-sentence, no Rich to load for a tick);
        # tables lay themselves out to the terminal.
        if isinstance(renderable, str):
            sys.stdout.write(renderable + "\n")
        else:
            _console().print(renderable, markup=False)

    @property
    def width(self) -> int:
        """The terminal's width (COLUMNS, else the terminal's own, else 80): tables are fitted to it."""
        return _console().width

    def print_json(self, data: Any) -> None:
        """`data` as JSON: indented for a person at a terminal, compact for programs."""
        json_output(sys.stdout)
        sys.stdout.write(json_text(data, 2 if sys.stdout.isatty() else None) + "\n")


def json_text(data: Any, indent: int | None = None) -> str:
    """The one JSON encoding of every command's output (records' to_dict()): UTF-8 as it is, no NaN."""
    return json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)


def fixed_clock() -> bool:
    """PILKADA_NOW fixes the clock only where PILKADA_TESTING=1 says this is a test or a demo: in production a
    stray variable must not date a tick in 2099 (the journal's own clock times writes anyway)."""
    return bool(os.environ.get("PILKADA_NOW")) and os.environ.get("PILKADA_TESTING") == "1"


def _now() -> datetime:
    """The only place that reads the clock: the machine's, or PILKADA_NOW (an ISO time with offset) in tests."""
    if os.environ.get("PILKADA_NOW") and not fixed_clock():
        sys.stderr.write(t("now.ignored", _error_lang[0]) + "\n")
    fixed = os.environ.get("PILKADA_NOW") if fixed_clock() else None
    if fixed:
        try:
            moment = datetime.fromisoformat(fixed)
        except ValueError:
            raise BadInput("now.invalid", value=fixed[:40]) from None
        return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    return datetime.now(timezone.utc)


def _version(value: bool) -> None:
    if value:
        from pilkada_cli.version import __version__

        typer.echo(f"pilkada {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    plan: PlanOpt = None,
    on: OnOpt = None,
    lang: LangOpt = None,
    color: ColorOpt = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help=t("help.opt.version", HELP))] = False,
) -> None:
    GLOBAL.plan, GLOBAL.on, GLOBAL.lang = plan, on, lang
    chosen = (lang or "").strip().lower()
    _error_lang[0] = chosen if chosen in ("id", "en") else help_lang()  # until the command knows its own
    if color is None:
        _color[0] = "auto"  # a command's own --color is read after this


def actor(by: str | None) -> str | None:
    """On whose behalf a write is recorded: --by, else PILKADA_USER (a shared office login), else nobody.
    Who writes is never taken from here: that is the store's identity (the login or the database role)."""
    from pilkada_cli.safe_text import has_control, valid_utf8

    name = by.strip() if by and by.strip() else os.environ.get("PILKADA_USER") or None
    if name is None:
        return None
    name = valid_utf8(name)[:100]
    if has_control(name):  # one name, one line, as every journal takes it (spec section 13)
        raise BadInput("tick.bad_by", value=name.encode("unicode_escape").decode("ascii")[:60])
    return name


def output_file(output: Path | None) -> Path | None:
    """The file an --output names; None for none or for `-`, which means standard output (as for cat, curl)."""
    return None if output is None or str(output) == "-" else output


def main() -> None:
    """The console script."""
    from pilkada_cli.safe_text import plain_marks_where_needed

    plain_marks_where_needed(sys.stdout, sys.stderr)
    # The completion options belong to the top-level help however it is reached (pilkada, pilkada --lang en
    # -h), and to a shell asking for completions; a command's run does not load them.
    app._add_completion = bool(os.environ.get("_PILKADA_COMPLETE") or command_word(sys.argv[1:]) is None or  # type: ignore[attr-defined]
                               any(arg in ("--install-completion", "--show-completion") for arg in sys.argv))
    if not app._add_completion:  # type: ignore[attr-defined]
        only_the_command_given(sys.argv[1:])
    app(prog_name="pilkada")


def command_word(args: list[str]) -> str | None:
    """The command a command line names (the first word that is no option or an option's value), if any."""
    valued = {"--plan", "-p", "--on", "--lang", "--color"}
    words = iter(args)
    for word in words:
        if word in valued:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def only_the_command_given(args: list[str]) -> None:
    """Typer builds every registered command's options on each start; when the command line names one
    command, only that one is built (tens of milliseconds on every tick). Anything else (no command, an
    unknown one, top-level help) keeps them all, for the listing and the did-you-mean."""
    name = command_word(args)
    if name is None:
        return
    commands = [c for c in app.registered_commands if (c.name or c.callback.__name__) == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if commands or groups:
        app.registered_commands, app.registered_groups = commands, groups
