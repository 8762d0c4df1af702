"""Random knowledge-map graphs for the layout tests (test_map_svg.py, test_map_column.py)."""

from __future__ import annotations

import random

from tilfriskning.kinds import RELATIONS
from tilfriskning.map_svg import TYPES, Edge, Node


def random_graph(seed: int, n: int, m: int, words: list[str], max_words: int) -> tuple[list[Node], list[Edge]]:
    """`n` pages with titles of 1 to `max_words` of `words` and `m` relations, the same for the same seed."""
    rng = random.Random(seed)
    nodes = [
        Node(f"side-{i}.md", " ".join(rng.choices(words, k=rng.randint(1, max_words))), rng.choice(TYPES), "Beskrivelse.")
        for i in range(n)
    ]
    edges = [Edge(*(x.path for x in rng.sample(nodes, 2)), rng.choice(list(RELATIONS))) for _ in range(m)]
    return nodes, edges
