"""Prints one mailbox as exchangelib sees it: every folder under the message root by path, with each item's
Message-ID, read state, flag status, categories and importance, as one JSON line.
Configured from the environment: EWS_URL, EWS_USER, EWS_PASSWORD, EWS_MAILBOX."""
import json
import os
import sys

from exchangelib import (Account, BASIC, Build, Configuration, Credentials, DELEGATE, ExtendedProperty, Message, UTC,
                         Version)


class FlagStatus(ExtendedProperty):
    """PR_FLAG_STATUS: exchangelib 4.9 has no flag field (1 = complete, 2 = flagged)."""
    property_tag = 0x1090
    property_type = "Integer"


Message.register("flag_status", FlagStatus)

config = Configuration(
    service_endpoint=os.environ["EWS_URL"],
    credentials=Credentials(username=os.environ["EWS_USER"], password=os.environ["EWS_PASSWORD"]),
    auth_type=BASIC,
    version=Version(build=Build(15, 1, 2507, 6)),
)
account = Account(primary_smtp_address=os.environ["EWS_MAILBOX"], config=config, autodiscover=False,
                  access_type=DELEGATE, default_timezone=UTC)

root = account.msg_folder_root
folders = {}
for folder in root.walk():
    parts = []
    node = folder
    while node is not None and node.id != root.id:
        parts.append(node.name)
        node = node.parent
    path = "/" + "/".join(reversed(parts))
    items = []
    for item in folder.all().only("message_id", "is_read", "categories", "importance", "flag_status"):
        if not isinstance(item, Message):
            continue
        items.append({
            "message_id": item.message_id,
            "is_read": bool(item.is_read),
            "flag_status": item.flag_status or 0,
            "categories": sorted(item.categories or []),
            "importance": item.importance,
        })
    items.sort(key=lambda entry: (entry["message_id"] or "", json.dumps(entry, sort_keys=True)))
    folders[path] = items

print(json.dumps({"folders": folders}, sort_keys=True))
sys.stdout.flush()
