"""Search: full-text movie search with facets and autocomplete, kept in line with the catalog."""
