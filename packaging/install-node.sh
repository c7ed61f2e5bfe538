#!/usr/bin/env bash
# Install an Omnistore store node on a store PC from a wheel:
#   sudo packaging/install-node.sh dist/omnistore-*.whl
# Creates the service user, a virtual environment in $PREFIX, the data dir (0700, owned by
# the service user), /etc/omnistore/edge.env (kept if present) and the systemd unit, then
# tells what is left to do (enrol, add staff, start). Safe to run again to upgrade.
#
# Options (environment): PREFIX (/opt/omnistore), DATA_DIR (/var/lib/omnistore),
# SERVICE_USER (omnistore), ROOT (empty; a staging root for packaging and tests: every path
# above is created under it, no user is created and systemd is not touched).
set -euo pipefail

wheel=${1:?usage: install-node.sh path/to/omnistore-*.whl}
here=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-/opt/omnistore}
DATA_DIR=${DATA_DIR:-/var/lib/omnistore}
SERVICE_USER=${SERVICE_USER:-omnistore}
ROOT=${ROOT:-}
PYTHON=${PYTHON:-python3}

if [ -z "$ROOT" ] && ! id -u "$SERVICE_USER" >/dev/null 2>&1; then
    useradd --system --home-dir "$DATA_DIR" --shell /usr/sbin/nologin "$SERVICE_USER"
fi

install -d -m 0755 "$ROOT$PREFIX"
"$PYTHON" -m venv "$ROOT$PREFIX/.venv"
"$ROOT$PREFIX/.venv/bin/python" -m pip install --quiet --upgrade "$wheel"

install -d -m 0700 "$ROOT$DATA_DIR"
install -d -m 0755 "$ROOT/etc/omnistore" "$ROOT/etc/systemd/system"
if [ ! -e "$ROOT/etc/omnistore/edge.env" ]; then
    install -m 0600 "$here/config/edge.env.example" "$ROOT/etc/omnistore/edge.env"
fi
sed -e "s|/opt/omnistore|$PREFIX|g" -e "s|/var/lib/omnistore|$DATA_DIR|g" \
    -e "s|^User=.*|User=$SERVICE_USER|" -e "s|^Group=.*|Group=$SERVICE_USER|" \
    "$here/systemd/omnistore-edge.service" > "$ROOT/etc/systemd/system/omnistore-edge.service"

if [ -z "$ROOT" ]; then
    chown -R "$SERVICE_USER:$SERVICE_USER" "$DATA_DIR"
    if [ -d /run/systemd/system ]; then
        systemctl daemon-reload
    fi
fi

cat <<DONE
Installed omnistore in $PREFIX. Next, as $SERVICE_USER:
  $PREFIX/.venv/bin/omnistore edge enroll --data-dir $DATA_DIR --cloud https://… --store S… --token-file -
  $PREFIX/.venv/bin/omnistore edge add-staff --data-dir $DATA_DIR NAME --role manager
  $PREFIX/.venv/bin/omnistore doctor --data-dir $DATA_DIR
then: systemctl enable --now omnistore-edge
DONE
