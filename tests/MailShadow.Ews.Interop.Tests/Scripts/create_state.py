"""Creates a folder and an item with exchangelib, marks it read, flags and categorizes it, and prints what it sees.
Configured from the environment: EWS_URL, EWS_USER, EWS_PASSWORD, EWS_MAILBOX."""
import json
import os
import sys

from exchangelib import (Account, BASIC, Build, Configuration, Credentials, DELEGATE, ExtendedProperty, Folder,
                         Message, UTC, Version)


class FlagStatus(ExtendedProperty):
    """PR_FLAG_STATUS: exchangelib 4.9 has no flag field (2 = flagged)."""
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

folder = Folder(parent=account.msg_folder_root, name=os.environ["FOLDER_NAME"])
folder.save()

mime = ("From: Bob <bob@example.org>\r\nTo: alice@example.test\r\nSubject: made by exchangelib\r\n"
        "Message-ID: " + os.environ["MESSAGE_ID"] + "\r\n\r\nbody\r\n").encode()
item = Message(account=account, folder=folder, mime_content=mime)
item.save()
item.is_read = True
item.save(update_fields=["is_read"])
item.flag_status = 2
item.save(update_fields=["flag_status"])
item.categories = ["Green", "Orange"]
item.save(update_fields=["categories"])

seen = folder.get(id=item.id)
print(json.dumps({
    "folder": folder.name,
    "count": folder.all().count(),
    "message_id": seen.message_id,
    "is_read": seen.is_read,
    "categories": seen.categories,
    "flag_status": seen.flag_status,
}))
sys.stdout.flush()
