# SPDX-License-Identifier: GPL-2.0
# Shared settings for the ipcp_neg build and test scripts (sourced, not run).

IPCP_NEG_CACHE=${IPCP_NEG_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ipcp_neg}
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

die() {
	echo "$(basename "$0"): $*" >&2
	exit 1
}

log() {
	echo "==> $*" >&2
}

# The Debian source package version of linux-source-6.1, e.g. 6.1.192-2.
kernel_pkg_version() {
	dpkg-query -W -f='${Version}' linux-source-6.1 2>/dev/null
}

# Unpacked kernel source tree, unpacked once per package version.
kernel_src_dir() {
	echo "$IPCP_NEG_CACHE/linux-source-6.1-$(kernel_pkg_version)"
}
