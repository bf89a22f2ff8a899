#!/usr/bin/env bash
# Installs from Debian's apt what the browser tests need and lacks: Chromium, Firefox ESR (with
# PulseAudio: headless Firefox needs an audio server to play anything), and WebKitGTK's
# WebDriver (with MiniBrowser) plus Xvfb and xauth to give it a display. What is missing comes
# from scripts/engines.js, which finds the browsers for the tests (Chromium: scripts/chromium.js).
#
# Idempotent and quiet when all are present. Installs as root, or through password-less sudo.
# Fails, saying what to install, only when an engine this run uses (AM_BROWSERS, all three when
# unset) is still missing; the others are installed when possible, with a warning when not.
set -u
cd "$(dirname "$0")/.."

missing_list=$(node scripts/ensure-browsers.js --apt-missing) || exit 1
read -r -a missing <<<"${missing_list//$'\n'/ }"

if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ] && ! { command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; }; then
    echo "ensure-browsers: not root and no password-less sudo; install them yourself: apt-get install -y --no-install-recommends ${missing[*]}" >&2
  else
    [ "$(id -u)" -ne 0 ] && SUDO="sudo -n"
    echo "ensure-browsers: installing ${missing[*]} from apt…"
    if ! { $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >/dev/null 2>&1; then
      echo "ensure-browsers: apt-get install ${missing[*]} failed." >&2
    fi
  fi
fi

# What this run needs must be there now (the message says what to install).
node scripts/ensure-browsers.js
