"""Impersonation: the service account acts for a mailbox through the ExchangeImpersonation header."""
from exchangelib.errors import ErrorImpersonateUserDenied

from labews import account, emit

try:
    a = account(impersonate=True)
    emit({"inbox_total": a.inbox.total_count, "subjects": sorted(m.subject for m in a.inbox.all())})
except ErrorImpersonateUserDenied as e:
    emit({"denied": repr(e)})
