"""The default FailFast policy: ErrorServerBusy is raised at once, with the back-off the lab sent."""
from exchangelib.errors import ErrorServerBusy

from labews import account, emit

try:
    account().inbox.total_count
    emit({"raised": None})
except ErrorServerBusy as e:
    emit({"raised": "ErrorServerBusy", "back_off": e.back_off})
