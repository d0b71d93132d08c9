"""Reading article formats into the plain-text article form that extraction and the store use."""
