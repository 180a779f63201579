# Sourced by run.sh, test.sh and bench.sh: makes sure the machine has what the project needs.
# A fresh machine of this kind has the .NET SDK; Node.js and the pinned Azurite come from Debian and npm, and with
# --with-browser (test.sh) Chromium from Debian too.

ensure_tools() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET SDK $(sed -n 's/.*"version": "\(.*\)".*/\1/p' global.json) is required (https://dot.net)." >&2
    exit 1
  fi
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "Installing Node.js and npm from Debian (for Azurite)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  fi
  # The dashboard's browser test drives Debian's chromium through Playwright (whose own browser downloads are never used).
  if [ "${1:-}" = "--with-browser" ] && [ ! -x /usr/bin/chromium ]; then
    echo "Installing Chromium from Debian (for the dashboard's browser test)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  # Azurite is pinned in package.json/package-lock.json; npm ci installs exactly that.
  if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "Installing Azurite from package-lock.json..."
    npm ci --no-audit --no-fund --loglevel=error
  fi
}
