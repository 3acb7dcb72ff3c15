"""Subcommands of the ``openfisca-ajk`` command line."""
