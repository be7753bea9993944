"""Online clustering of articles into events, and of events into storylines (see `stream`)."""

from storyline.cluster.stream import (
    Assignment,
    ClusterItem,
    EntityWeights,
    StreamClusterer,
    days_outside,
    stable_id,
)
from storyline.cluster.terms import count_terms

__all__ = [
    "Assignment",
    "ClusterItem",
    "EntityWeights",
    "StreamClusterer",
    "count_terms",
    "days_outside",
    "stable_id",
]
