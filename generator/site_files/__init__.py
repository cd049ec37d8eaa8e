"""Files beside the pages: catalog JSON, search entries, structured data, redirects, CSP."""
