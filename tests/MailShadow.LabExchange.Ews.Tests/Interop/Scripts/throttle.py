"""FaultTolerance honouring ErrorServerBusy: the lab throttles the first calls; exchangelib waits and succeeds."""
import time

from exchangelib import FaultTolerance

from labews import account, emit

started = time.monotonic()
a = account(retry=FaultTolerance(max_wait=60))
total = a.inbox.total_count
elapsed = time.monotonic() - started
emit({"total": total, "elapsed": elapsed})
