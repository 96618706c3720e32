#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Install the Debian 12 packages the ipcp_neg jobs need (as root), or tell a
# non-root user the one command that does.
set -euo pipefail

# linux-headers-amd64 and linux-headers-6.12-amd64: the two Debian kernels
# the module is built against (6.1 and 6.12). The 6.12 headers depend on
# the 6.12 kernel image, so apt installs that too (to /boot).
# linux-source-6.1 and linux-source-6.12: the test kernels' sources.
# dkms: make stock builds the module for Debian's own kernels through it.
pkgs=(build-essential bc bison flex libelf-dev libssl-dev cpio kmod rsync
      xz-utils python3 perl gzip linux-source-6.1 linux-source-6.12
      linux-headers-amd64 linux-headers-6.12-amd64 sparse
      qemu-system-x86 busybox-static ppp pppoe socat iproute2 iperf3
      iputils-ping
      clang-14 libclang-rt-14-dev llvm-14 dkms)

missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "Missing Debian packages. Run as root:" >&2
	echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
	exit 1
fi
echo "==> installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
