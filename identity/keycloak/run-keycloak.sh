#!/usr/bin/env bash
# Starts Keycloak (the distribution zip from Maven Central) with the development realm of this folder: demo users
# (password "linqin"), the test-only password-grant client, and the API client with secret "linqin-dev-secret".
# Then run the server in its production profile against it (see README, "Running with Keycloak").
set -euo pipefail
cd "$(dirname "$0")/../.."
version=26.7.3
home=target/keycloak/keycloak-$version
if [ ! -x "$home/bin/kc.sh" ]; then
  mvn -B -q -N dependency:unpack -Dartifact=org.keycloak:keycloak-quarkus-dist:$version:zip \
      -DoutputDirectory=target/keycloak
fi
mkdir -p "$home/data/import"
cp identity/keycloak/linqin-realm-dev.json "$home/data/import/"
export KC_BOOTSTRAP_ADMIN_USERNAME=${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}
export KC_BOOTSTRAP_ADMIN_PASSWORD=${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}
exec "$home/bin/kc.sh" start-dev --http-port="${KEYCLOAK_PORT:-8180}" --import-realm
