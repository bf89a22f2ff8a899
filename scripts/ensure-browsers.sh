#!/usr/bin/env bash
# Installs from Debian's apt what the browser tests need and lacks: Chromium, Firefox ESR (with
# PulseAudio: headless Firefox needs an audio server to play anything), and WebKitGTK's
# WebDriver (with MiniBrowser) plus Xvfb and xauth to give it a display.
# Idempotent and quiet when all are present. Works as root, or through password-less sudo;
# otherwise says what to run.
set -u

missing=()
have_chromium=false
for candidate in "${CHROME_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
  [ -n "$candidate" ] && [ -x "$candidate" ] && have_chromium=true && break
done
$have_chromium || missing+=(chromium)
{ [ -n "${FIREFOX_PATH:-}" ] && [ -x "${FIREFOX_PATH}" ]; } || [ -x /usr/bin/firefox-esr ] || [ -x /usr/bin/firefox ] || missing+=(firefox-esr)
[ -x /usr/bin/pulseaudio ] || missing+=(pulseaudio)
if [ ! -x /usr/bin/WebKitWebDriver ] || ! ls /usr/lib/*/webkit2gtk-*/MiniBrowser >/dev/null 2>&1; then missing+=(webkit2gtk-driver); fi
command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
command -v xauth >/dev/null 2>&1 || missing+=(xauth)

[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    SUDO="sudo -n"
  else
    echo "ensure-browsers: not root and no password-less sudo; install them yourself: apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
fi

echo "ensure-browsers: installing ${missing[*]} from apt…"
if ! { $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >/dev/null 2>&1; then
  echo "ensure-browsers: apt-get install ${missing[*]} failed; the browser tests will fail." >&2
  exit 1
fi
