"""Commands for signed entries (spec section 16): `pilkada key init` makes an office's key pair, `pilkada key
show` prints again the line its public key takes under the plan's `keys:`."""

import os
from typing import Annotated, Optional

import typer

from pilkada_cli.cli.app import HELP, LangOpt, PlanOpt, Session, app, handled
from pilkada_cli.i18n import t

key_app = typer.Typer(help=t("help.key", HELP), no_args_is_help=True, add_completion=False, rich_markup_mode=None)
app.add_typer(key_app, name="key")

IdentityOpt = Annotated[Optional[str], typer.Option("--identity", help=t("help.opt.identity", HELP),
                                                    metavar="NAME", show_default=False)]


@key_app.command("init", help=t("help.key.init", HELP), epilog=t("help.key.init.example", HELP))
@handled
def key_init(identity: IdentityOpt = None, plan: PlanOpt = None, lang: LangOpt = None) -> None:
    from pilkada_cli import signing

    s = Session(plan, None, lang)
    name = (identity or s.tracker.identity()).strip()
    signer = signing.create(name, os.environ)
    s.print(t("key.created", s.lang, identity=name, folder=str(signing.key_dir(os.environ))))
    s.print(f'  {name}: "{signer.public}"')


@key_app.command("show", help=t("help.key.show", HELP), epilog=t("help.key.show.example", HELP))
@handled
def key_show(identity: IdentityOpt = None, plan: PlanOpt = None, lang: LangOpt = None) -> None:
    from pilkada_cli import signing
    from pilkada_cli.errors import BadInput

    s = Session(plan, None, lang)
    names = [identity.strip()] if identity else signing.held(os.environ)
    lines = []
    for name in names:
        signer = signing.load(name, os.environ)
        if signer is None:
            raise BadInput("key.missing", identity=name, folder=str(signing.key_dir(os.environ)))
        listed = s.plan.keys.get(name, ())
        state = "current" if listed and listed[0] == signer.public else "retired" if signer.public in listed \
            else "not_listed"
        lines += [f'  {name}: "{signer.public}"', "    " + t(f"key.state.{state}", s.lang, plan=s.plan.id)]
    if not lines:
        raise BadInput("key.none", folder=str(signing.key_dir(os.environ)))
    s.print("\n".join(lines))
