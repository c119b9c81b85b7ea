"""Document structure as facts: table grids and their headers, lists,
enumerations inside sentences, heading numbers and footnotes, so the compare
stage can check that every language version keeps the same structure."""
