#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine: `compose config -q` parses the file,
# checks it against the Compose schema and resolves anchors, defaults and dependencies.
# Uses `docker compose` (v2) or `docker-compose` when present; otherwise installs Debian's
# docker-compose package (needs root and apt).
set -euo pipefail
cd "$(dirname "$0")/.."

compose=()
if command -v docker > /dev/null 2>&1 && docker compose version > /dev/null 2>&1; then
  compose=(docker compose)
elif command -v docker-compose > /dev/null 2>&1 && docker-compose version > /dev/null 2>&1; then
  compose=(docker-compose)
else
  echo "No docker compose found; installing Debian's docker-compose package…"
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: installing docker-compose needs root (apt-get); install it or Docker Compose v2 and rerun." >&2
    exit 1
  fi
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose > /dev/null; }; then
    echo "error: could not install docker-compose with apt-get; install it or Docker Compose v2 and rerun." >&2
    exit 1
  fi
  if ! docker-compose version > /dev/null 2>&1; then
    echo "error: docker-compose was installed but does not run." >&2
    exit 1
  fi
  compose=(docker-compose)
fi

echo "Using: $("${compose[@]}" version 2> /dev/null | head -n 1)"
# The file requires RAPPORT_IDENTITY_SECRET; a placeholder lets it be checked where none is set.
RAPPORT_IDENTITY_SECRET="${RAPPORT_IDENTITY_SECRET:-placeholder-for-validation-only-0123456789}" \
  "${compose[@]}" -f docker-compose.yml config -q
echo "docker-compose.yml is valid"
