"""Pure, deterministic extraction: article text in, an Article of records with offsets out."""
