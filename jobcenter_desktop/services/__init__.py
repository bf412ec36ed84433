"""Use cases: register a case, complete a milestone, list deadlines, recompute… Each user action is one
transaction with audit entries. Hands core records to the UI and CLI."""
