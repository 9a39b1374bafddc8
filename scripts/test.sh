#!/usr/bin/env bash
# Install what the tests need, then run them. .ci/run and the README call this.
set -euo pipefail
cd "$(dirname "$0")/.."
# the browser tests drive Debian's Chromium (never `playwright install`)
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null; then
  (apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null) \
    || echo "scripts/test.sh: could not install chromium; the browser tests will be skipped" >&2
fi
# torch first and pinned: the CPU build from local disk, not the CUDA one
python3 -m pip install -q --disable-pip-version-check "torch==2.13.0"
python3 -m pip install -q --disable-pip-version-check -e ".[test,model]"
set +e
python3 -m pytest -q "$@"
rc=$?
set -e
# pytest exits 5 when no test was collected: that is a failure of the suite, not a pass
exit $rc
