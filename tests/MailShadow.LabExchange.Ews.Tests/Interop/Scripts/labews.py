"""Shared set-up for the interop scenarios: an exchangelib Account on the lab's EWS endpoint, configured from the
environment the C# test provides (EWS_URL, EWS_USER, EWS_PASSWORD, EWS_MAILBOX), with Basic auth and no autodiscover."""
import json
import os
import sys

from exchangelib import (Account, BASIC, Build, Configuration, Credentials, DELEGATE, IMPERSONATION, FaultTolerance,
                         UTC, Version)


def account(version=True, retry=None, impersonate=False, address=None):
    config = dict(
        service_endpoint=os.environ["EWS_URL"],
        credentials=Credentials(username=os.environ["EWS_USER"], password=os.environ["EWS_PASSWORD"]),
        auth_type=BASIC,
    )
    if version:
        config["version"] = Version(build=Build(15, 1, 2507, 6))
    if retry is not None:
        config["retry_policy"] = retry
    return Account(
        primary_smtp_address=address or os.environ["EWS_MAILBOX"],
        config=Configuration(**config),
        autodiscover=False,
        access_type=IMPERSONATION if impersonate else DELEGATE,
        default_timezone=UTC,
    )


def emit(result):
    print(json.dumps(result, default=str))
    sys.stdout.flush()
