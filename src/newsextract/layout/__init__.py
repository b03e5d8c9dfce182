"""Layout: where the sentences are (``segment``) and which lines form a table of deals (``tables``)."""
