"""Item operations: find and get with MIME, create from MIME, mark read, flag, categorize, move, copy, delete three ways."""
import base64

from exchangelib import ExtendedProperty, Message

from labews import account, emit


class FlagStatus(ExtendedProperty):
    """PR_FLAG_STATUS: exchangelib 4.9 has no flag field, so it is set as the MAPI property (2 = flagged)."""
    property_tag = 0x1090
    property_type = "Integer"


Message.register("flag_status", FlagStatus)

a = account()
inbox = a.inbox
found = list(inbox.all().order_by("-datetime_received"))
listing = [{"id": m.id, "subject": m.subject, "mime": base64.b64encode(m.mime_content).decode(), "is_read": m.is_read,
            "message_id": m.message_id} for m in found]
by_subject = {m.subject: m for m in found}

mime = (b"From: Bob <bob@example.org>\r\nTo: alice@example.test\r\nSubject: via exchangelib mime\r\n"
        b"Message-ID: <created-by-exchangelib@example.org>\r\n\r\nbody\r\n")
created = Message(account=a, folder=inbox, mime_content=mime)
created.save()

target = by_subject["Seed 0"]
target.is_read = True
target.save(update_fields=["is_read"])
target.flag_status = 2
target.save(update_fields=["flag_status"])
target.categories = ["Red", "Blue"]
target.save(update_fields=["categories"])

moved = by_subject["Seed 1"]
old_moved_id = moved.id
moved.move(a.drafts)

copied = by_subject["Seed 2"]
copy_result = copied.copy(a.drafts)

hard = Message(account=a, folder=inbox, subject="to hard delete", body="x")
hard.save()
hard_id = hard.id
hard.delete()

soft = Message(account=a, folder=inbox, subject="to soft delete", body="x")
soft.save()
soft_id = soft.id
soft_error = None
try:
    soft.soft_delete()
except Exception as e:  # the folder exchangelib points the item at afterwards may not exist in the lab
    soft_error = repr(e)

trash = Message(account=a, folder=inbox, subject="to trash", body="x")
trash.save()
trash.move_to_trash()

refetched = a.inbox.get(id=target.id)
by_filter = list(inbox.filter(message_id="<created-by-exchangelib@example.org>"))

emit({
    "listing": listing,
    "created_id": created.id,
    "target_id": target.id,
    "target_is_read": refetched.is_read,
    "target_categories": refetched.categories,
    "target_flag_status": refetched.flag_status,
    "moved_old_id": old_moved_id,
    "moved_new_id": moved.id,
    "copy_result": copy_result,
    "hard_id": hard_id,
    "soft_id": soft_id,
    "soft_error": soft_error,
    "filtered": [m.subject for m in by_filter],
})
