#!/usr/bin/env bash
# Install what the tests need, then run them. .ci/run and the README call this.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install -q --disable-pip-version-check -e ".[test]"
set +e
python3 -m pytest -q "$@"
rc=$?
set -e
# pytest exits 5 when no test was collected: that is a failure of the suite, not a pass
exit $rc
