"""Actors: a canonical registry, mentions with offsets, counts and co-mention networks.

- :mod:`~analysis.actors.registry`: :func:`~analysis.actor_registry` (the kit's registry plus yours),
  :func:`build_default_registry`;
- :mod:`~analysis.actors.matching`: the Aho-Corasick matcher over the registry's aliases;
- :mod:`~analysis.actors.discovery`: actors the registry does not know (people after a
  title or role, acronyms with their expansion, named organisations and places);
- :mod:`~analysis.actors.mentions`: :func:`~analysis.actor_mentions`, one row per mention;
- :mod:`~analysis.actors.tables`: :func:`~analysis.actor_counts`, :func:`~analysis.co_mentions`,
  :func:`~analysis.actor_attention`, :func:`~analysis.actor_contexts`, :func:`~analysis.unknown_actors`,
  :func:`~analysis.co_mention_graph`.
"""

from .mentions import MENTION_COLUMNS, actor_mentions
from .registry import KINDS, actor_registry, build_default_registry, rebuild_registry
from .tables import (
    actor_attention,
    actor_contexts,
    actor_counts,
    co_mention_graph,
    co_mentions,
    unknown_actors,
)

__all__ = ["actor_registry", "actor_mentions", "unknown_actors", "actor_counts", "co_mentions",
           "actor_attention", "actor_contexts", "co_mention_graph", "MENTION_COLUMNS", "KINDS",
           "build_default_registry", "rebuild_registry"]
