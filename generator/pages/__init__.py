"""Pages: the catalog rendered with Jinja, with their pictures, QR codes and calendars."""
