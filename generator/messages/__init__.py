"""The message catalog: the generator's own words, looked up in the site's language."""
