"""What an import may not do without the beheerder saying so: remove more than a small share of what is
stored. A file that ends early or covers fewer units than the last one is far more often a mistake than
an intended removal, and a removal shows on the public site at once."""

from swv.importing.problems import refusal

# More than this share of the stored rows of a period (or of the indeling) gone in one import needs
# the explicit option. Real corrections remove a handful of rows; a cut-off file removes hundreds.
SMALL_SHARE = 0.01
ALLOW_REMOVAL = "verwijderen"  # key in ImportRun.opties, set by import_data --verwijderen-toestaan
NEW_SWV = "nieuw_swv"  # {code: predecessor code}, set by import_data --nieuw-swv CODE=VOORGANGER


def removal_allowed(run) -> bool:
    return bool(run is not None and (run.opties or {}).get(ALLOW_REMOVAL))


def refuse_large_removal(*, file: str, removed: int, stored: int, what: str, run) -> None:
    if removed == 0 or stored == 0 or removal_allowed(run) or removed <= SMALL_SHARE * stored:
        return
    raise refusal(
        file,
        None,
        None,
        f"dit bestand zou {removed} van de {stored} opgeslagen {what} verwijderen "
        f"({removed * 100 / stored:.0f}%, meer dan {SMALL_SHARE:.0%}); is het bestand afgebroken of "
        "onvolledig? Is het verwijderen de bedoeling, importeer dan opnieuw met de optie "
        "'verwijderen toestaan' (import_data --verwijderen-toestaan)",
    )


def refuse_large_loss(existing: dict, desired: dict, *, file: str, what: str, run) -> None:
    """refuse_large_removal for a table made equal to `desired`: the stored keys it lacks would go."""
    removed = len(existing.keys() - desired.keys())
    refuse_large_removal(file=file, removed=removed, stored=len(existing), what=what, run=run)


def declared_new_swvs(run) -> dict[str, str]:
    """SWV codes the beheerder declared new for this import, each with the code it succeeds."""
    return dict((run.opties or {}).get(NEW_SWV, {})) if run is not None else {}
