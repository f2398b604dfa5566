#!/usr/bin/env bash
# Starts Keycloak (the distribution zip from Maven Central) with the development realm of this folder: demo users
# (password "linqin"), the test-only password-grant client, the API client with secret "linqin-dev-secret", and the
# WeChat mini-program sign-in (the provider of identity/keycloak-wechat, built if missing and deployed into
# providers/), whose WeChat is LINQIN_WECHAT_BASE_URL (default: the embedded server's stand-in,
# http://localhost:8080/dev/wechat).
# Then run the server in its production profile against it (see README, "Running with Keycloak").
set -euo pipefail
cd "$(dirname "$0")/../.."
version=26.7.3
home=target/keycloak/keycloak-$version
if [ ! -x "$home/bin/kc.sh" ]; then
  mvn -B -q -N dependency:unpack -Dartifact=org.keycloak:keycloak-quarkus-dist:$version:zip \
      -DoutputDirectory=target/keycloak
fi
provider=$(ls identity/keycloak-wechat/target/linqin-keycloak-wechat-*.jar 2>/dev/null | head -n 1 || true)
if [ -z "$provider" ]; then
  mvn -B -q -pl identity/keycloak-wechat package
  provider=$(ls identity/keycloak-wechat/target/linqin-keycloak-wechat-*.jar | head -n 1)
fi
rm -f "$home"/providers/linqin-*.jar
cp "$provider" "$home/providers/"
mkdir -p "$home/data/import"
cp identity/keycloak/linqin-realm-dev.json "$home/data/import/"
export KC_BOOTSTRAP_ADMIN_USERNAME=${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}
export KC_BOOTSTRAP_ADMIN_PASSWORD=${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}
exec "$home/bin/kc.sh" start-dev --http-port="${KEYCLOAK_PORT:-8180}" --import-realm
