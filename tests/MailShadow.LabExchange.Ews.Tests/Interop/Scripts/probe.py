"""No version given: exchangelib probes with ConvertId, newest API version first, and settles on what the lab accepts."""
from labews import account, emit

a = account(version=False)
v = a.version
emit({"api_version": v.api_version, "build": str(v.build), "inbox_total": a.inbox.total_count})
