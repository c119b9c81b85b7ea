"""PDF input: words to lines in reading order (``layout``), page furniture
(``furniture``), ruled tables (``tables``) and blocks (``paragraphs``);
``reader`` runs them."""
