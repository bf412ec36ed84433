"""Excel worklists out, case lists in. Depends on core only; the services layer decides what goes in."""
