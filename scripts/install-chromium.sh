#!/usr/bin/env sh
# Installs Debian's chromium for the headless browser tests (test/browser/) and the Noto CJK
# fonts that Chinese pages need in screenshots, unless both are already there. Idempotent: safe
# to run on every CI job.
# Needs root (or sudo) and apt; on other systems install Chromium yourself at that path.
set -eu

CHROMIUM=/usr/bin/chromium

have_fonts() { fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; }

if [ -x "$CHROMIUM" ] && have_fonts; then
  echo "chromium already installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM"), with Noto CJK fonts"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: apt-get not found; install Chromium at $CHROMIUM by other means" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-chromium: needs root or sudo to install chromium" >&2
    exit 1
  fi
fi

# Another apt process (e.g. a parallel job) may hold the dpkg lock for a while: wait for it.
$SUDO apt-get -o DPkg::Lock::Timeout=300 update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends chromium fonts-noto-cjk fontconfig

if [ ! -x "$CHROMIUM" ]; then
  echo "install-chromium: chromium package installed but $CHROMIUM is missing" >&2
  exit 1
fi
if ! have_fonts; then
  echo "install-chromium: fonts-noto-cjk installed but fc-list does not show Noto Sans CJK" >&2
  exit 1
fi
echo "chromium installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
