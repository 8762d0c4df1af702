"""What the hooks share that needs MkDocs: the facts of one build, and the one seam to mkdocs-bibtex.

Kept beside the hooks, not in `tilfriskning`, which stays free of MkDocs.
"""
