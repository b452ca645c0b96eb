"""Bulk import of a partner's catalogue (docs/import.md): parse → validate → plan → apply.

`cells.py` turns text into values, `template.py` names the columns, `validate.py` turns rows into offer data or
problems, `plan.py` compares that data with the partner's offers, `apply.py` writes a plan in one transaction."""
