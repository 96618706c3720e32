#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Assemble the test VM's initramfs from this machine's Debian packages:
# busybox-static, pppd with its plugins, pppoe-server, socat, iproute2's ip,
# iputils' ping,
# their shared libraries, the modules given, test/guest/ and, when IPCPCTL
# names it, the ipcpctl binary, and the test tools in GUEST_BIN.
#
# Usage: mkinitramfs.sh OUT.cpio.gz MODULE.ko...
# Environment: IPCP_NEG_SRC  the tree whose test/guest/ goes in (default:
#              this checkout)
set -euo pipefail
. "$(dirname "$0")/lib.sh"

guest=$(cd "${IPCP_NEG_SRC:-$TOP}" && pwd)/test/guest
[ -x "$guest/init" ] || die "no guest scripts in $guest"

out=$1
shift
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,lib,lib64,etc/ppp,proc,sys,dev,tmp,run,var}
mkdir -p "$root/lib/modules/ipcp_neg" "$root/test"

# busybox applets first, so that real binaries copied below replace them.
# busybox --list names busybox itself: skip it, or the link loops.
bb=$(command -v busybox) || die "busybox-static is not installed (run: make deps)"
ldd "$bb" >/dev/null 2>&1 && die "$bb is not the static busybox (install busybox-static)"
cp "$bb" "$root/bin/busybox"
for applet in $("$bb" --list); do
	[ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
done

# copy_elf FILE [DEST]: a binary or shared object and the libraries it needs
copy_elf() {
	local f=$1 dest=${2:-$1} lib
	mkdir -p "$root$(dirname "$dest")"
	cp -L "$f" "$root$dest"
	for lib in $(ldd "$f" 2>/dev/null | awk '/=> \// { print $3 } /^\t\// { print $1 }'); do
		[ -e "$root$lib" ] && continue
		mkdir -p "$root$(dirname "$lib")"
		cp -L "$lib" "$root$lib"
	done
}

for prog in pppd pppoe-server pppoe socat ip; do
	path=$(command -v "$prog") || die "$prog is not installed (run: make deps)"
	copy_elf "$path" "/usr/sbin/$prog"
	rm -f "$root/bin/$prog"
done
# Optional programs: copied when installed
for prog in iperf3; do
	path=$(command -v "$prog") || continue
	copy_elf "$path" "/usr/bin/$prog"
	rm -f "$root/bin/$prog"
done
# iputils' ping, for the tests that set DF (-M do; busybox's ping has no
# -M): at /usr/bin/ping, called by that path; busybox's stays /bin/ping
[ -x /usr/bin/ping ] || die "iputils-ping is not installed (run: make deps)"
copy_elf /usr/bin/ping
# The guest's test tools the caller built (GUEST_BIN=directory)
if [ -n "${GUEST_BIN:-}" ] && [ -d "$GUEST_BIN" ]; then
	for f in "$GUEST_BIN"/*; do
		[ -x "$f" ] && copy_elf "$f" "/usr/bin/$(basename "$f")"
	done
fi
# The CLI of the module, if the caller built it (IPCPCTL=path)
if [ -n "${IPCPCTL:-}" ] && [ -x "$IPCPCTL" ]; then
	copy_elf "$IPCPCTL" /usr/sbin/ipcpctl
fi
plugdir=$(ls -d /usr/lib/pppd/*/ | head -n 1)
for plugin in "$plugdir"*.so; do
	copy_elf "$plugin"
done
# pppoe-server hands pppd this plugin path in kernel mode
mkdir -p "$root/etc/ppp/plugins"
ln -sf "${plugdir}rp-pppoe.so" "$root/etc/ppp/plugins/rp-pppoe.so"

cat >"$root/etc/passwd" <<'PW'
root:x:0:0:root:/root:/bin/sh
PW
echo "root:x:0:" >"$root/etc/group"
: >"$root/etc/ppp/options"
cat >"$root/etc/ppp/pppoe-server-options" <<'OPT'
noauth
lcp-restart 1
ms-dns 10.1.0.53
ipparam pppoe-srv
OPT
cp "$guest/ip-up" "$guest/ip-down" "$root/etc/ppp/"
cp -r "$guest/." "$root/test/"
# The examples the tests run (examples/udev/ipcp_neg-resolv)
mkdir -p "$root/usr/share/ipcp_neg"
cp -r "$guest/../../examples/." "$root/usr/share/ipcp_neg/"
mv "$root/test/init" "$root/init"
for ko in "$@"; do
	cp "$ko" "$root/lib/modules/ipcp_neg/"
done

# Modes and owners as on a real system, whatever mktemp (a 0700 root) and
# the umask the parts were built or checked out with gave: all readable,
# directories and programs executable by all, writable by root only, /tmp
# sticky; the archive gives every file to root. An unprivileged test user
# must be able to run the programs, and must not own them.
chmod -R u+rwX,go+rX,go-w "$root"
chmod 1777 "$root/tmp"
(cd "$root" && find . -print0 | cpio --null -o -H newc -R 0:0 --quiet) |
	gzip -1 >"$out.tmp"
mv "$out.tmp" "$out"
