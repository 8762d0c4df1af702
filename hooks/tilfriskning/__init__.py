"""Pure building blocks behind the hooks: read, check and format; no MkDocs state."""
