#!/usr/bin/env sh
# Installs Debian's chromium for the headless browser safety test (test/browser/), unless
# /usr/bin/chromium is already there. Idempotent: safe to run on every CI job.
# Needs root (or sudo) and apt; on other systems install Chromium yourself at that path.
set -eu

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  echo "chromium already installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
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
DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends chromium

if [ ! -x "$CHROMIUM" ]; then
  echo "install-chromium: chromium package installed but $CHROMIUM is missing" >&2
  exit 1
fi
echo "chromium installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
