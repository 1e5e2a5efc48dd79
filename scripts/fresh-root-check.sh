#!/usr/bin/env bash
# Developer tool (not run by CI): proves the README's two commands on a fresh Debian 12 with
# nothing installed by hand. Makes a minimal root with debootstrap, gives it only what this
# machine needs to reach the package registries (Debian's apt sources and apt settings, the extra
# CA certificates, ~/.npmrc, resolv.conf), puts a clean clone of this repository and a read-only
# copy of ../shared beside it, and runs the commands inside with chroot, as root, as CI would.
#
#   scripts/fresh-root-check.sh [ROOT] [COMMAND]
#     ROOT     where the fresh root goes, outside the repository (default /work/fresh-root);
#              made anew when FRESH_NEW=1 or when it does not exist
#     COMMAND  what runs in the clone (default: "scripts/build.sh && bash .ci/run")
#   FRESH_REF  the commit to clone (default HEAD: committed work only, never the work tree)
#
# Output goes to stdout; a full run (both commands, the ASan build included) takes about an hour
# on 2 cores, so run it in the background: scripts/fresh-root-check.sh > fresh.log 2>&1 &
set -euo pipefail
# One brace group: bash reads it whole before running it, so editing or pulling this file during
# an hour-long run cannot change what the run does next.
{
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(realpath -m "${1:-/work/fresh-root}")
cmd=${2:-'scripts/build.sh && echo "== $(date -u +%H:%M:%S) scripts/build.sh done" && bash .ci/run'}
ref=${FRESH_REF:-HEAD}
[ "$(id -u)" -eq 0 ] || { echo "fresh-root-check: run as root" >&2; exit 1; }
case "$root/" in "$here/"*) echo "fresh-root-check: $root is inside the repository" >&2; exit 1;; esac
[ "$root" != / ] || exit 1
shared=$(realpath -m "$here/../shared")
stamp() { echo "== $(date -u +%H:%M:%S) $*"; }

unmount_all() {
  for m in dev/pts dev sys proc; do
    mountpoint -q "$root/$m" 2>/dev/null && umount -R "$root/$m" 2>/dev/null || true
  done
}
trap unmount_all EXIT
trap "exit 143" TERM INT HUP

if ! command -v debootstrap >/dev/null; then
  stamp "installing debootstrap on this machine"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap
fi

# The Debian mirror this machine uses (deb822 sources first, then sources.list).
mirror=$(sed -n 's/^URIs:[[:space:]]*\(\S*\/debian\)\/\?$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)
[ -n "$mirror" ] || mirror=$(awk '$1 == "deb" && $2 ~ /\/debian\/?$/ { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)
mirror=${mirror:-http://deb.debian.org/debian}

if [ "${FRESH_NEW:-0}" = 1 ] && [ -d "$root" ]; then
  unmount_all
  stamp "removing the old $root"
  rm -rf --one-file-system "$root"
fi
if [ ! -x "$root/bin/bash" ]; then
  stamp "debootstrap --variant=minbase bookworm $root $mirror"
  time debootstrap --variant=minbase bookworm "$root" "$mirror"
fi

stamp "registry access: apt sources and settings, CA certificates, npm settings, DNS"
# Debian's sources as this machine has them (bookworm, -updates, -security), and the apt settings
# that say how to reach them (proxies, mirrors, date checks). Sources of other vendors stay out: a
# fresh Debian machine has none.
if [ -f /etc/apt/sources.list.d/debian.sources ]; then
  cp /etc/apt/sources.list.d/debian.sources "$root/etc/apt/sources.list.d/"
  rm -f "$root/etc/apt/sources.list"
elif [ -f /etc/apt/sources.list ]; then
  cp /etc/apt/sources.list "$root/etc/apt/sources.list"
fi
for f in /etc/apt/apt.conf /etc/apt/apt.conf.d/*; do
  if [ -f "$f" ] && grep -qiE 'proxy|Acquire::' "$f"; then cp "$f" "$root$f"; fi
done
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
if [ -f /etc/hosts ]; then cp /etc/hosts "$root/etc/hosts"; fi
mkdir -p "$root/usr/local/share/ca-certificates"
cp -r /usr/local/share/ca-certificates/. "$root/usr/local/share/ca-certificates/" 2>/dev/null || true
if [ -f "$HOME/.npmrc" ]; then cp "$HOME/.npmrc" "$root/root/.npmrc"; fi

mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev" && mount --make-rslave "$root/dev"
mount --rbind /sys "$root/sys" && mount --make-rslave "$root/sys"

# The machine's environment: Node.js and the other clients trust the CA bundle that
# update-ca-certificates writes (this machine sets the same variables).
bundle=/etc/ssl/certs/ca-certificates.crt
env=(HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8
     TERM=dumb NODE_EXTRA_CA_CERTS=$bundle SSL_CERT_FILE=$bundle CURL_CA_BUNDLE=$bundle
     REQUESTS_CA_BUNDLE=$bundle GIT_SSL_CAINFO=$bundle)
# Proxies, and the OpenBLAS settings some processors here need (older OpenBLAS builds compute
# wrong results or crash on them without), as this machine sets them.
for v in http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY OPENBLAS_CORETYPE \
         OPENBLAS_L2_SIZE; do
  if [ -n "${!v:-}" ]; then env+=("$v=${!v}"); fi
done
in_root() { chroot "$root" /usr/bin/env -i "${env[@]}" /bin/bash -c "$1"; }

if ! in_root 'dpkg-query -W -f="\${Status}" ca-certificates 2>/dev/null | grep -q "ok installed"'; then
  stamp "ca-certificates in the root"
  in_root 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ca-certificates'
fi
in_root 'update-ca-certificates >/dev/null'

stamp "clean clone of $here at $ref ($(git -C "$here" rev-parse --short "$ref")), copy of shared/"
rm -rf "$root/src"
mkdir -p "$root/src"
sha=$(git -C "$here" rev-parse "$ref")
# Other work may be committing or packing in the repository meanwhile: check the clone, retry.
for try in 1 2 3; do
  rm -rf "$root/src/main"
  if git clone -q --no-hardlinks "$here" "$root/src/main" &&
     git -C "$root/src/main" checkout -q --detach "$sha" &&
     [ "$(git -C "$root/src/main" rev-parse HEAD)" = "$sha" ] &&
     [ -z "$(git -C "$root/src/main" status --porcelain)" ] && [ -f "$root/src/main/scripts/build.sh" ]; then
    break
  fi
  [ "$try" -lt 3 ] || { echo "fresh-root-check: cannot clone $here at $sha" >&2; exit 1; }
  echo "fresh-root-check: the clone failed (the repository may be busy); again in 5 s" >&2
  sleep 5
done
if [ -d "$shared" ]; then
  cp -r "$shared" "$root/src/shared"
  chmod -R a-w "$root/src/shared"
fi

stamp "in $root/src/main: $cmd"
start=$(date +%s)
rc=0
in_root "cd /src/main && export CI=true && $cmd" || rc=$?
stamp "exit $rc after $(( $(date +%s) - start )) s"
exit $rc
}
