#!/usr/bin/env bash
# Installs what the WordPress plugin test (test/wordpress/) needs from Debian's packages:
# WordPress 6.1, the PHP CLI with mysqli, and MariaDB. Idempotent: does nothing when all are
# present. Works as root, or through sudo otherwise. Quiet unless it installs or fails.
#
# micro-httpd only satisfies the wordpress package's "apache2 | httpd" dependency without
# pulling Apache in: the test serves WordPress with `php -S`. It is socket-activated by
# systemd, so on a machine that runs systemd its socket is disabled again below.
set -u

have_all() {
  command -v php >/dev/null 2>&1 &&
    php -r 'exit(extension_loaded("mysqli") ? 0 : 1);' >/dev/null 2>&1 &&
    { command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ]; } &&
    { command -v mariadb-install-db >/dev/null 2>&1 || [ -x /usr/bin/mariadb-install-db ]; } &&
    [ -f /usr/share/wordpress/wp-settings.php ]
}

have_all && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    SUDO="sudo -n"
  else
    echo "ensure-wordpress: not root and no password-less sudo; install these yourself:" >&2
    echo "  apt-get install -y --no-install-recommends wordpress php-cli php-mysql mariadb-server micro-httpd" >&2
    exit 1
  fi
fi

echo "ensure-wordpress: installing WordPress, PHP and MariaDB from apt…"
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
if ! { $SUDO apt-get update -qq &&
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    wordpress php-cli php-mysql mariadb-server micro-httpd; } >"$log" 2>&1; then
  tail -n 20 "$log" >&2
  rm -f "$log"
  echo "ensure-wordpress: apt-get failed; the WordPress test will fail." >&2
  exit 1
fi
rm -f "$log"

if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
  $SUDO systemctl disable --now micro-httpd.socket >/dev/null 2>&1 || true
fi

have_all || { echo "ensure-wordpress: packages installed but something is still missing." >&2; exit 1; }
echo "ensure-wordpress: done."
