#!/usr/bin/env bash
# Installs Debian's Chromium when no Chromium is found. Idempotent and quiet when present.
# Works as root, or through password-less sudo; otherwise says what to run.
set -u

for candidate in "${CHROME_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
  [ -n "$candidate" ] && [ -x "$candidate" ] && exit 0
done

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    SUDO="sudo -n"
  else
    echo "ensure-chromium: not root and no password-less sudo; install it yourself: apt-get install -y chromium" >&2
    exit 1
  fi
fi

echo "ensure-chromium: installing Chromium from apt…"
if ! { $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null 2>&1; then
  echo "ensure-chromium: apt-get install chromium failed; the browser tests will fail." >&2
  exit 1
fi
