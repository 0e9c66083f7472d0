"""Excel workbooks: templates to fill in, exports, and imports that take all rows or none.

An export is written in the import layout (the same sheet, headers and hint row),
so a workbook exported from one database imports into another.
"""
