"""Incremental item sync: a full sync, four changes of four kinds, and a second sync that must return exactly those."""
from exchangelib import Message

from labews import account, emit

a = account()
inbox = a.inbox
first = [kind for kind, _ in inbox.sync_items(max_changes_returned=3)]
state = inbox.item_sync_state

items = sorted(inbox.all().only("subject", "is_read"), key=lambda m: m.subject)
items[0].is_read = True
items[0].save(update_fields=["is_read"])
items[1].categories = ["Changed"]
items[1].save(update_fields=["categories"])
deleted_id = items[2].id
items[2].delete()
created = Message(account=a, folder=inbox, subject="created between syncs", body="x")
created.save()


def describe(kind, item):
    if kind == "delete":
        return {"kind": kind, "id": item.id}
    if kind == "read_flag_change":
        item_id, is_read = item
        return {"kind": kind, "id": item_id.id, "is_read": is_read}
    return {"kind": kind, "id": item.id, "subject": item.subject}


second = [describe(kind, item) for kind, item in inbox.sync_items(sync_state=state)]
third = [kind for kind, _ in inbox.sync_items()]

emit({
    "first": first,
    "second": second,
    "third": third,
    "read_id": items[0].id,
    "updated_id": items[1].id,
    "deleted_id": deleted_id,
    "created_id": created.id,
})
