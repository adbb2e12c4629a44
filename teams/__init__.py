"""Who may do what: museum teams, translators, workflows, their admin dashboard and login."""
