#!/usr/bin/env bash
# Prints the path of an HAProxy binary for the tests: the one on PATH if there is one, else HAProxy from Debian's
# packages unpacked into the given folder (nothing is installed system-wide). The unpacked binary needs
# LD_LIBRARY_PATH=<folder>/usr/lib/<multiarch> for the libraries that came with it.
set -euo pipefail
dest=${1:?usage: fetch-haproxy.sh <folder>}

if command -v haproxy >/dev/null 2>&1; then
    command -v haproxy
    exit 0
fi
if [ ! -x "$dest/usr/sbin/haproxy" ]; then
    packages="haproxy liblua5.3-0 libopentracing-c-wrapper0 libopentracing1"
    mkdir -p "$dest/debs"
    cd "$dest/debs"
    # The package lists may be missing or out of date on a fresh machine: refresh them once and try again.
    if ! apt-get download $packages >/dev/null 2>&1; then
        apt-get update -qq >/dev/null
        apt-get download $packages >/dev/null
    fi
    for deb in *.deb; do
        dpkg-deb -x "$deb" "$dest"
    done
fi
echo "$dest/usr/sbin/haproxy"
