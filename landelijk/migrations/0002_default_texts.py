from django.db import migrations

TEXTS = {
    "ondersteuning": (
        "Samenwerkingsverbanden verschillen sterk in grootte: van enkele duizenden tot ruim veertigduizend "
        "leerlingen. De deelname aan het speciaal (basis)onderwijs en het praktijkonderwijs hangt samen met "
        "het aanbod in de regio en met keuzes van het samenwerkingsverband.\n\n"
        "De verzuimcijfers komen uit de leerplichtrapportage (artikel 25 Leerplichtwet) die gemeenten via "
        "VNG en Ingrado aanleveren. Die gegevens zijn onvolledig en slecht gedocumenteerd: niet elke "
        "gemeente levert aan en definities verschillen. Samenwerkingsverbanden melden verzuim ook aan de "
        "inspectie, maar die cijfers worden niet gepubliceerd. Er bestaat dus nog geen volledig en "
        "betrouwbaar overzicht van alle vormen van verzuim (absoluut, langdurig relatief, relatief, "
        "vrijstellingen)."
    ),
    "financien": (
        "Het ondersteuningsbudget van een samenwerkingsverband bestaat uit een deel voor lichte en een deel "
        "voor zware ondersteuning; in het voortgezet onderwijs komen daar de middelen voor "
        "leerwegondersteunend onderwijs en praktijkonderwijs bij. Door de verevening, die tot en met "
        "2020-2021 stapsgewijs is ingevoerd, ging er geld van samenwerkingsverbanden met veel deelname aan "
        "het speciaal onderwijs naar samenwerkingsverbanden met weinig deelname.\n\n"
        "Het budget voor passend onderwijs is een relatief klein deel van de totale bekostiging van het "
        "onderwijs: het grootste deel gaat als lumpsum rechtstreeks naar de schoolbesturen."
    ),
    "organisatie": (
        "Samenwerkingsverbanden zijn stichtingen of verenigingen van schoolbesturen. De sectorraden hebben "
        "afgesproken dat er ten minste één onafhankelijk lid in het bestuur of de raad van toezicht zit. "
        "De inspectie beoordeelt samenwerkingsverbanden eens in de vier jaar."
    ),
}


def add_texts(apps, schema_editor):
    ThemaContext = apps.get_model("landelijk", "ThemaContext")
    for thema, tekst in TEXTS.items():
        ThemaContext.objects.get_or_create(thema=thema, defaults={"tekst": tekst})


class Migration(migrations.Migration):
    dependencies = [("landelijk", "0001_thema_context")]
    operations = [migrations.RunPython(add_texts, migrations.RunPython.noop)]
