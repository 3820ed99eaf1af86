#!/usr/bin/env bash
# Runs every MailShadow test on a fresh machine: installs the system packages the tests drive when they are
# missing (swaks, Postfix's smtp-source/smtp-sink, python3-exchangelib), builds, checks formatting, runs all tests.
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\n== %s\n' "$*"; }

missing=()
command -v swaks >/dev/null 2>&1 || missing+=(swaks)
{ command -v smtp-source >/dev/null 2>&1 || [ -x /usr/sbin/smtp-source ]; } || missing+=(postfix)
/usr/bin/python3 -c 'import exchangelib' >/dev/null 2>&1 || missing+=(python3-exchangelib)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  # Postfix is only a toolbox here (smtp-source, smtp-sink, a private benchmark instance): no system mailer.
  echo "postfix postfix/main_mailer_type select No configuration" | $sudo debconf-set-selections
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
export PATH="$PATH:/usr/sbin"

# The appliance runs socket completions inline (src/MailShadow/Hosting/SocketCompletions.cs); the test processes,
# which host ingress, delivery, lab sites and the admin API in-process, run them the same way.
export DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS="${DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS:-1}"

log "build"
dotnet build MailShadow.sln -c Release -nologo -v quiet -clp:NoSummary

log "format check"
dotnet format MailShadow.sln --verify-no-changes --no-restore -v quiet

log "tests"
results=$(mktemp -d)
status=0
dotnet test MailShadow.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true || status=$?

# One closing line over every test project, from the TRX files.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done
rm -rf "$results"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
