"""Radicale's own storage with its UID check kept in memory: the sync benchmark's second server.

Stock Radicale answers the PUT of each new card by reading every card already in the address
book, to check that its UID is not taken (`has_uid` in radicale/storage/__init__.py), so a first
sync of n cards costs the server O(n^2) card reads, whatever the client does. This storage is
Radicale's multifilesystem one with the UIDs of each collection in a set, so the benchmark can
tell that O(n^2) check apart from what each write costs Radicale anyway. Used as
`--storage-type radicale_uid_index` with this folder on PYTHONPATH; never in tests.
"""

import threading

from radicale.storage import multifilesystem

_uids = {}  # a collection's path -> the UIDs of its items
_lock = threading.Lock()


class Collection(multifilesystem.Collection):
    def _known_uids(self):
        uids = _uids.get(self.path)
        if uids is None:
            uids = _uids[self.path] = {item.uid for item in self.get_all()}
        return uids

    def has_uid(self, uid):
        with _lock:
            return uid in self._known_uids()

    def upload(self, href, item):
        uploaded, replaced = super().upload(href, item)
        with _lock:
            self._known_uids().add(uploaded.uid)
        return uploaded, replaced

    def delete(self, href=None):
        super().delete(href)
        with _lock:
            _uids.pop(self.path, None)


class Storage(multifilesystem.Storage):
    _collection_class = Collection
