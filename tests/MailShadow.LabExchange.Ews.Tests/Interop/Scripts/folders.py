"""Folder tree and folder operations: tree walk, create, rename, move, empty, delete, hierarchy sync."""
from exchangelib import Folder, Message

from labews import account, emit

a = account()
root = a.root
tree = root.tree()
walk = sorted(f.name for f in root.walk())
inbox = a.inbox

projects = Folder(parent=inbox, name="Projects")
projects.save()
archive = Folder(parent=a.root.tois, name="Archive")
archive.save()

projects.name = "Projects 2026"
projects.save(update_fields=["name"])
projects.move(archive)

scratch = Folder(parent=inbox, name="Scratch")
scratch.save()
Message(account=a, folder=scratch, subject="scratch item", body="x").save()
scratch.refresh()
scratch_count_before = scratch.total_count
scratch.empty()
scratch.refresh()
scratch_count_after = scratch.total_count
scratch.delete()

changes = [(kind, getattr(f, "name", None)) for kind, f in a.root.sync_hierarchy()]

emit({
    "tree": tree,
    "walk": walk,
    "inbox_total": inbox.total_count,
    "inbox_unread": inbox.unread_count,
    "projects_id": projects.id,
    "archive_id": archive.id,
    "scratch_before": scratch_count_before,
    "scratch_after": scratch_count_after,
    "hierarchy_changes": changes,
})
