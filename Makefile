# SPDX-License-Identifier: GPL-2.0
#
# ipcp_neg: build the module against a kernel, and run the project's jobs.
#
#   make [KDIR=<kernel build dir>]   build ipcp_neg.ko (and the KUnit module
#                                    when that kernel has CONFIG_KUNIT)
#   make demo                        boot the test VM and show a negotiation
#   make check                       every test, on the debug test kernels
#                                    (6.12: all; 6.1: KUnit and a subset)
#   make stress [FLAPS=N]            the long lifecycle tests (10000 flaps)
#   make deps                        install the Debian packages the jobs need
#   make tools                       build the CLI, out/ipcpctl
#   make bench                       benchmarks: figures in out/bench/figures.txt
#   make stock                       integration tests on Debian's own 6.1
#                                    and 6.12 kernels (DKMS, modprobe)
#   make install                     install the module, run depmod for
#                                    the kernel in KDIR (INSTALL_MOD_PATH
#                                    moves both)
#   make install-tools               ipcpctl to $(PREFIX)/sbin, its manual
#                                    page to $(PREFIX)/share/man/man8
#   make dkms-install                the source to /usr/src/ipcp_neg-<version>,
#                                    then dkms add, build and install
#   make dkms-remove                 remove that version from DKMS

KDIR ?= /lib/modules/$(shell uname -r)/build
HOSTCC ?= gcc
SRC := $(CURDIR)/src
# The version, for DKMS: the VERSION file is its only source
VERSION := $(shell cat $(CURDIR)/VERSION)
PREFIX ?= /usr/local
DKMS_SRC := /usr/src/ipcp_neg-$(VERSION)

all: modules

modules:
	$(MAKE) -C $(KDIR) M=$(SRC) modules

clean:
	$(MAKE) -C $(KDIR) M=$(SRC) clean

# The release of the kernel in KDIR, as its "uname -r" will say, for depmod.
# From UTS_RELEASE: Debian's 6.1 headers hold 6.1.<sublevel> in
# include/config/kernel.release (and "make kernelrelease"), not 6.1.0-N-amd64.
KREL = $(shell sed -n 's/^\#define UTS_RELEASE "\(.*\)"$$/\1/p' \
	$(KDIR)/include/generated/utsrelease.h 2>/dev/null)

install: modules
	@test -n "$(KREL)" || { echo "no kernel release in $(KDIR)/include/generated/utsrelease.h"; exit 1; }
	$(MAKE) -C $(KDIR) M=$(SRC) modules_install
	depmod $(if $(INSTALL_MOD_PATH),-b $(INSTALL_MOD_PATH)) -a $(KREL)

deps:
	scripts/deps.sh

tools: out/ipcpctl

# The recipe and the prerequisites are tools/ipcpctl/Makefile's
out/ipcpctl: FORCE
	mkdir -p out
	$(MAKE) --no-print-directory -f tools/ipcpctl/Makefile BIN=$@ HOSTCC=$(HOSTCC)

install-tools: out/ipcpctl
	install -D -m 0755 out/ipcpctl $(DESTDIR)$(PREFIX)/sbin/ipcpctl
	install -D -m 0644 tools/ipcpctl.8 $(DESTDIR)$(PREFIX)/share/man/man8/ipcpctl.8

dkms-install: dkms-remove
	@command -v dkms >/dev/null || { echo "dkms is not installed (apt-get install dkms)"; exit 1; }
	mkdir -p $(DKMS_SRC)
	tar -C $(CURDIR) -c --exclude='*.o' --exclude='*.ko' --exclude='*.mod' \
		--exclude='*.mod.c' --exclude='.*.cmd' --exclude='*.order' \
		--exclude='Module.symvers' src include VERSION | tar -C $(DKMS_SRC) -x
	sed 's/@VERSION@/$(VERSION)/' dkms.conf >$(DKMS_SRC)/dkms.conf
	dkms add -m ipcp_neg -v $(VERSION)
	dkms build -m ipcp_neg -v $(VERSION)
	dkms install -m ipcp_neg -v $(VERSION)

dkms-remove:
	-dkms remove -m ipcp_neg -v $(VERSION) --all 2>/dev/null
	rm -rf $(DKMS_SRC)

kernel:
	scripts/build-kernel.sh debug 6.12
	scripts/build-kernel.sh debug 6.1

demo:
	scripts/demo.sh

fuzz:
	$(MAKE) -C fuzz run SECONDS=$(or $(SECONDS),60)

check:
	scripts/check.sh

stress:
	scripts/stress.sh $(or $(FLAPS),10000)

bench:
	scripts/bench.sh

stock:
	scripts/stock.sh

FORCE:

.PHONY: fuzz all modules clean install deps kernel demo check stress tools \
	bench stock install-tools dkms-install dkms-remove FORCE
