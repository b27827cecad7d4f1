"""Demo content for a fresh site (`manage.py load_demo`) and local accounts for each role
(`manage.py demo_accounts`): what `make run` shows. Only runtime dependencies; tests may reuse
the loader, never the reverse."""
