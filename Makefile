# SPDX-License-Identifier: GPL-2.0
#
# ipcp_neg: build the module against a kernel, and run the project's jobs.
#
#   make [KDIR=<kernel build dir>]   build ipcp_neg.ko (and the KUnit module
#                                    when that kernel has CONFIG_KUNIT)
#   make demo                        boot the test VM and show a negotiation
#   make check                       every test, on the debug test kernel
#   make stress [FLAPS=N]            the long lifecycle tests (10000 flaps)
#   make deps                        install the Debian packages the jobs need
#   make tools                       build the CLI, out/ipcpctl
#   make bench                       benchmarks: figures in out/bench/figures.txt

KDIR ?= /lib/modules/$(shell uname -r)/build
HOSTCC ?= gcc
SRC := $(CURDIR)/src

all: modules

modules:
	$(MAKE) -C $(KDIR) M=$(SRC) modules

clean:
	$(MAKE) -C $(KDIR) M=$(SRC) clean

install: modules
	$(MAKE) -C $(KDIR) M=$(SRC) modules_install
	depmod -a $(if $(KERNELRELEASE),$(KERNELRELEASE),)

deps:
	scripts/deps.sh

tools: out/ipcpctl

out/ipcpctl: tools/ipcpctl.c include/uapi/ipcp_neg.h
	mkdir -p out
	$(HOSTCC) -O2 -Wall -Wextra -Werror -Iinclude/uapi -o $@ tools/ipcpctl.c

kernel:
	scripts/build-kernel.sh debug

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

.PHONY: fuzz all modules clean install deps kernel demo check stress tools bench
