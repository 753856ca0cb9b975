"""Import of initiatives and people from CSV and XLSX spreadsheets."""
