"""'Klopt dit niet?': the report form, its service and its admin (the model is swv.models.Melding)."""
