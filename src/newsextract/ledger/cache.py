"""The linking cache: the :class:`~newsextract.ledger.link.DealState` of every deal with active mentions, and
indexes (by party pair, by party and role, by asset key) that find a mention's candidate deals without a query.

Writers hold it across batches; at the start of each batch (under the write lock) :meth:`LinkCache.sync` catches
up with what other processes committed: mentions added since (ids only grow under the lock), or everything after a
supersede (the epoch changed).
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, select

from . import schema as S
from .link import DealState, Features

__all__ = ["LinkCache"]


class LinkCache:
    """Linking state of every deal with active mentions, with indexes to find candidates fast."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Forget everything (the next :meth:`sync` reads every active mention again)."""
        self.generation = -1
        self.epoch = -1
        self.max_mention = 0
        self.states: dict[int, DealState] = {}
        self.by_pair: dict[tuple[str, str], set[int]] = {}
        self.by_role: dict[tuple[str, str | None], set[int]] = {}
        self.by_asset: dict[str, set[int]] = {}

    def sync(self, conn: Connection, generation: int, epoch: int) -> None:
        """Catch up with the database: everything after a supersede, else only mentions added since."""
        if generation == self.generation and epoch == self.epoch:
            return
        if epoch != self.epoch:
            self.reset()
        q = (select(S.sources.c.entity_id, S.mentions.c.id, S.mentions.c.features)
             .join(S.mentions, S.mentions.c.id == S.sources.c.mention_id)
             .where(S.sources.c.kind == "deal", S.mentions.c.active, S.mentions.c.id > self.max_mention)
             .order_by(S.mentions.c.id))
        for deal_id, mid, feats in conn.execute(q):
            self.add(deal_id, Features.from_json(json.loads(feats)))
            self.max_mention = max(self.max_mention, mid)
        self.generation, self.epoch = generation, epoch

    def add(self, deal_id: int, f: Features) -> None:
        st = self.states.get(deal_id)
        if st is None:
            st = self.states[deal_id] = DealState(deal_id)
            self.by_role.setdefault(("licensor", None), set()).add(deal_id)
            self.by_role.setdefault(("licensee", None), set()).add(deal_id)
        before = (set(st.licensor), set(st.licensee))
        st.add(f)
        for role, old, new in (("licensor", before[0], st.licensor), ("licensee", before[1], st.licensee)):
            for r in new - old:
                self.by_role.setdefault((role, r), set()).add(deal_id)
            if new and not old:
                self.by_role[(role, None)].discard(deal_id)
        if st.licensor - before[0] or st.licensee - before[1]:
            for a in st.licensor:
                for b in st.licensee:
                    self.by_pair.setdefault((a, b), set()).add(deal_id)
        for k in f.assets:
            self.by_asset.setdefault(k, set()).add(deal_id)

    def candidates(self, f: Features) -> set[int]:
        lr, le = f.licensor_root, f.licensee_root
        role = self.by_role
        if lr and le:
            out = set(self.by_pair.get((lr, le), ())) | self.by_pair.get((le, lr), set())
            out |= role.get(("licensee", le), set()) & role.get(("licensor", None), set())
            out |= role.get(("licensor", lr), set()) & role.get(("licensee", None), set())
            if f.assets:  # co-licensors: same licensee, same asset
                by_asset = set().union(*(self.by_asset.get(a, set()) for a in f.assets))
                out |= role.get(("licensee", le), set()) & by_asset
            return out
        if lr:
            return set(role.get(("licensor", lr), ()))
        if le:
            return set(role.get(("licensee", le), ()))
        return set()
