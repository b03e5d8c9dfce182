"""Quality: scoring against hand-made gold (``evaluate``), output snapshots (``snapshots``), the quality gate
(``gate``) and the HTML evidence view (``show``). Nothing in the extraction pipeline imports this package."""
