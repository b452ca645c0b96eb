"""The portal's one tabular format (docs/architecture.md): CSV in UTF-8 with BOM, semicolons, decimal comma, dates
as TT.MM.JJJJ, and an XLSX variant. Every export writes through `tabular.write`, every import reads through
`tabular.read`. Pure Python and openpyxl; it imports no app."""
