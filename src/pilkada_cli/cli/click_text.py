"""Typer's own words in the user's language: the help headings ("Options"), the help option's text, the
usage line, and usage errors ("No such option", "Missing argument").

Typer (pinned below 0.29) vendors Click as `typer._click` with these strings hard-coded in English. They
are swapped here, in one place, for the catalogue's: Typer's `core._` (its gettext hook) is pointed at the
catalogue, the help option's text is set where Click creates it, and usage errors are shown by our own
`show`, translating Click's message by its known patterns (an unknown one is shown as it is)."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any

from pilkada_cli.i18n import Lang, t

# Click's message patterns -> catalogue keys; the named groups are the parameters. Compiled on first use:
# a usage error is rare, and every command's start would pay for compiling them.
ERROR_PATTERNS: list[tuple[str, str]] = [
    (r"^No such option: (?P<name>\S+)(?: Did you mean (?P<close>\S+)\?)?"
     r"(?: \(Possible options: (?P<options>.+)\))?$", "click.no_such_option"),
    (r"^No such command '(?P<name>.+)'\.(?: Did you mean '(?P<close>.+)'\?)?$", "click.no_such_command"),
    (r"^Missing argument '(?P<name>.+)'\.$", "click.missing_argument"),
    (r"^Missing option '(?P<name>.+)'\.$", "click.missing_option"),
    (r"^Option '(?P<name>.+)' requires an argument\.$", "click.requires_argument"),
    (r"^Got unexpected extra argument(?:s|\(s\))? \((?P<args>.+)\)$", "click.extra_arguments"),
    (r"^Invalid value for '(?P<name>.+)': '?(?P<value>.+?)'? is not a valid (?P<kind>.+)\.$",
     "click.not_valid"),
    (r"^Invalid value for '(?P<name>.+)': (?P<value>.+) is not in the range (?P<range>.+)\.$",
     "click.out_of_range"),
    (r"^Missing command\.$", "click.missing_command"),
    (r"^Invalid value for '(?P<name>.+)': (?P<reason>.+)$", "click.invalid_value"),  # a callback's own reason
]
HEADINGS = {"Options": "click.options", "Arguments": "click.arguments", "Commands": "click.commands",
            "required": "click.required", "(dynamic)": "click.dynamic", "Aborted!": "click.aborted"}


def translate_error(message: str, lang: Lang) -> str:
    for pattern, key in ERROR_PATTERNS:
        match = re.match(pattern, message)
        if match:
            params = {k: v or "" for k, v in match.groupdict().items()}
            if "kind" in params:
                params["kind"] = t("click.kind_number", lang) if "float" in params["kind"] else t(
                    "click.kind_integer", lang)
            text = t(key, lang, **{k: v for k, v in params.items() if k not in ("close", "options")})
            close = params.get("close") or params.get("options")  # Click names one, or lists the possible
            if close:
                text += " " + t("click.did_you_mean", lang, close=close)
            return text
    return message


def install(current_lang: Callable[[], Lang]) -> None:
    """Route Typer's strings through the catalogue, in the language `current_lang()` gives when shown."""
    import typer.core as typer_core
    from typer._click import core as click_core
    from typer._click import exceptions, formatting

    def gettext(text: str) -> str:
        if text.startswith("default: "):
            return t("click.default", current_lang(), default="{default}")
        key = HEADINGS.get(text)
        return t(key, current_lang()) if key else text

    typer_core._ = gettext  # type: ignore[attr-defined]

    original_help_option = click_core.Command.get_help_option

    def get_help_option(self: Any, ctx: Any) -> Any:
        option = original_help_option(self, ctx)
        if option is not None:
            option.help = t("click.help_option", current_lang())
        return option

    click_core.Command.get_help_option = get_help_option  # type: ignore[method-assign]

    def translated(original: Callable[..., None]) -> Callable[..., None]:
        def format_options(self: Any, ctx: Any, formatter: Any) -> None:
            for param in self.get_params(ctx):  # Typer's completion options carry English help
                if param.name in ("install_completion", "show_completion"):
                    param.help = t(f"click.{param.name}", current_lang())
            original(self, ctx, formatter)
        return format_options

    for cls in (click_core.Command, typer_core.TyperCommand, typer_core.TyperGroup):
        cls.format_options = translated(cls.format_options)  # type: ignore[method-assign]

    original_write_usage = formatting.HelpFormatter.write_usage

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        lang = current_lang()
        args = args.replace("[OPTIONS]", t("click.options_placeholder", lang)).replace(
            "COMMAND [ARGS]...", t("click.command_placeholder", lang))
        original_write_usage(self, prog, args, prefix if prefix is not None else t("click.usage", lang))

    formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]

    # What an option or argument takes, named as a person would (`--plan FOLDER`, `ITEM...`, `BERKAS`), not
    # Typer's `<str>`, `{ref}` or `items...`: `metavar.<command>.<param>`, else `metavar.<param>`.
    def named(param: Any, ctx: Any) -> str:
        lang = current_lang()
        command = getattr(getattr(ctx, "command", None), "name", "") or ""
        for key in (f"metavar.{command}.{param.name}", f"metavar.{param.name}"):
            text = t(key, lang)
            if text != key:
                return text
        return (param.name or "").upper()

    def option_metavar(self: Any, ctx: Any) -> str:
        return self.metavar if self.metavar is not None else named(self, ctx)

    def argument_metavar(self: Any, ctx: Any, *, usage: bool = False) -> str:
        name = named(self, ctx) + ("..." if self.nargs != 1 else "")
        return f"[{name}]" if usage and not self.required else name

    typer_core.TyperOption.make_metavar = option_metavar  # type: ignore[method-assign]
    typer_core.TyperArgument.make_metavar = argument_metavar  # type: ignore[method-assign]
    # a missing argument is named as the usage line names it ("Argumen NAMA belum diberikan"), not by its
    # parameter's name in the code
    typer_core.TyperArgument.get_error_hint = lambda self, ctx: f"'{named(self, ctx)}'"  # type: ignore[method-assign]

    def show_usage_error(self: Any, file: Any = None) -> None:
        lang = current_lang()
        out = file or sys.stderr
        if self.ctx is not None:
            hint = ""
            if self.ctx.command.get_help_option(self.ctx) is not None:
                hint = t("click.try_help", lang, command=f"{self.ctx.command_path} {self.ctx.help_option_names[0]}")
            out.write(f"{self.ctx.get_usage()}\n{hint}\n\n")
        out.write(t("error.prefix", lang) + translate_error(self.format_message(), lang) + "\n")

    exceptions.UsageError.show = show_usage_error  # type: ignore[method-assign]

    _translate_completion_install(current_lang)


def _translate_completion_install(current_lang: Callable[[], Lang]) -> None:
    """`pilkada --install-completion` says what it did in the user's language (Typer's own says it in English).
    Typer builds the option from a placeholder function's defaults; their callback is swapped here."""
    import inspect

    from typer import completion

    def install_callback(ctx: Any, param: Any, value: Any) -> Any:
        if not value or ctx.resilient_parsing:
            return value
        from typer._completion_shared import install as install_script

        shell, path = install_script(shell=value) if isinstance(value, str) else install_script()
        sys.stdout.write(t("click.completion_installed", current_lang(), shell=shell, path=str(path)) + "\n")
        raise SystemExit(0)

    for placeholder in (completion._install_completion_placeholder_function,
                        completion._install_completion_no_auto_placeholder_function):
        for parameter in inspect.signature(placeholder).parameters.values():
            if parameter.name == "install_completion":
                parameter.default.callback = install_callback
