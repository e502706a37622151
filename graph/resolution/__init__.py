"""Corpus-wide name resolution: every stored name to an actor with a stable id, the analyst"s
decisions applied first. Pure: names and decisions in, actor definitions out.
"""

from graph.resolution.actors import ActorDef, Decision, NameStat, actor_id, resolve

__all__ = ["ActorDef", "Decision", "NameStat", "actor_id", "resolve"]
