#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Print the figures table of "make bench" from the raw figures.

Usage: table.py FIGURES.RAW DATE PARAMS
FIGURES.RAW holds lines "<key> <value> <unit>" (bench_user's and the guest's).
One table: each figure, the module's value, pppd's where there is one, the
ratio, the goal and whether it is met ("yes"/"no"; "-" when a figure is
missing, "n/a" when it cannot be measured). Per-run iperf3 figures
(dp_<t>_<side>_<test>_<bps|pps|rtx>_r<run>) are shown as median [min-max];
a ratio is the median of the per-run ratios (run i of the module over run
i of pppd: the runs alternate, so each pair ran under the same load).
"""
import statistics
import sys

TCG = "VM (TCG): ratio only"
TCG_ABS = "VM (TCG): emulated CPU, slower than native"
KMOD = "VM (TCG), bench module"
USER = "host, native"


def load(path):
    figs = {}
    with open(path, errors="replace") as f:
        for line in f:
            parts = line.split(None, 2)
            if len(parts) == 3:
                try:
                    figs[parts[0]] = int(parts[1])
                except ValueError:
                    pass
    return figs


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


def human(v, unit=""):
    if v is None:
        return "-"
    for div, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(v) >= div:
            return f"{v / div:.2f}{suffix}{unit}"
    return f"{v:g}{unit}"


def verdict(ok):
    return "-" if ok is None else ("yes" if ok else "no")


class Table:
    HEAD = ("figure", "module", "pppd", "ratio", "goal", "goal met", "where")

    def __init__(self, figs):
        self.figs = figs
        self.rows = []

    def g(self, key):
        return self.figs.get(key)

    def row(self, what, module="", pppd="", ratio="", goal="", met="", where=TCG):
        self.rows.append((what, module, pppd, ratio, goal, met, where))

    def runs(self, key):
        """The per-run values of KEY_r1, KEY_r2, ... in run order."""
        out = {}
        for k, v in self.figs.items():
            if k.startswith(key + "_r") and k[len(key) + 2:].isdigit():
                out[int(k[len(key) + 2:])] = v
        return out

    def spread(self, vals, unit):
        if not vals:
            return "-"
        v = sorted(vals.values())
        return (f"{human(statistics.median(v), unit)} "
                f"[{human(v[0])}-{human(v[-1])}] n={len(v)}")

    def rate_row(self, what, key, goal, unit, where):
        """A rate; its goal applies natively only (emulation is slower)."""
        v = self.g(key)
        if where != USER:
            goal = 0
        self.row(what, human(v, unit), goal=f">= {human(goal, unit)}" if goal else "",
                 met=verdict(None if v is None or not goal else v >= goal) if goal else "",
                 where=where)

    def dp_rows(self, t):
        """iperf3 rows of transport T: module vs pinned pppd, vs pppd's defaults."""
        tests = (("up", "bps", "bit/s", "TCP upload (b -> a)"),
                 ("down", "bps", "bit/s", "TCP download (iperf3 -R)"),
                 ("bidir", "bps", "bit/s", "TCP --bidir, both directions"),
                 ("udp", "pps", "/s", "64-byte UDP received"))
        for side, sname in (("pin", "pppd pinned"), ("def", "pppd defaults")):
            for test, kind, unit, tname in tests:
                mod = self.runs(f"dp_{t}_mod_{test}_{kind}")
                ppp = self.runs(f"dp_{t}_{side}_{test}_{kind}")
                cells = []
                for side_runs, s in ((mod, "mod"), (ppp, side)):
                    cell = self.spread(side_runs, unit)
                    rtx = self.runs(f"dp_{t}_{s}_{test}_rtx")
                    if rtx:
                        cell += f" rtx {sum(rtx.values())}"
                    cells.append(cell)
                ratios = [mod[i] / ppp[i] for i in mod if ppp.get(i)]
                med = statistics.median(ratios) if ratios else None
                ratio = "-" if med is None else \
                    f"{100 * med:.1f}% [{100 * min(ratios):.0f}-{100 * max(ratios):.0f}%]"
                like = side == "pin"
                self.row(f"{t}: {tname}, module vs {sname}", cells[0], cells[1], ratio,
                         ">= 95%" if like else "",
                         verdict(None if med is None else med >= 0.95) if like else "")
        ctrs = {k[len(f"dp_{t}_mod_ctr_"):]: v for k, v in self.figs.items()
                if k.startswith(f"dp_{t}_mod_ctr_")}
        total = sum(ctrs.values()) if ctrs else None
        detail = ", ".join(f"{k} {v}" for k, v in sorted(ctrs.items()))
        self.row(f"{t}: drops inside the module after the runs (both ends)",
                 "-" if total is None else f"{total} ({detail})", goal="0",
                 met=verdict(None if total is None else total == 0), where="VM")

    def e2e_rows(self):
        g = self.g
        mn, pn = g("e2e_module_links"), g("e2e_pppd_links")
        mo, po = g("e2e_module_open_ms"), g("e2e_pppd_open_ms")
        how = {1: "one ipcpctl -batch", 0: f"{2 * (mn or 0)} ipcpctl: no -batch yet"}.get(
            g("e2e_module_batch"), "?")
        mrate = mn * 1000 / mo if mn and mo else None
        prate = pn * 1000 / po if pn and po else None
        self.row("links to IPCP Opened, both ends, links/s",
                 "-" if mrate is None else f"{mn} in {mo / 1000:.1f} s = {mrate:.1f}/s ({how})",
                 "-" if prate is None else f"{pn} pairs in {po / 1000:.1f} s = {prate:.2f}/s "
                 f"({2 * pn} pppd)",
                 "-" if not mrate or not prate else f"{mrate / prate:.1f}x", ">= 20x",
                 verdict(None if not mrate or not prate else mrate / prate >= 20))
        at = g("e2e_module_attach_ms")
        self.row("  of which the attach commands", "-" if at is None else f"{at / 1000:.1f} s",
                 where=TCG_ABS)
        hu, units, hto = g("e2e_module_rmmod_ms"), g("e2e_module_rmmod_units"), \
            g("e2e_module_rmmod_timeout")
        if hto is not None:
            cell, ok = f"not done after {hto} s", False
        elif hu is None:
            cell, ok = "-", None
        else:
            cell, ok = f"{hu / 1000:.1f} s", hu <= 10000
        self.row(f"rmmod ipcp_neg with {units if units is not None else '?'} units live",
                 cell, goal="<= 10 s", met=verdict(ok), where=TCG_ABS)

    def mem_rows(self):
        g = self.g
        sizes = {k[5:]: v for k, v in self.figs.items() if k.startswith("size_")}
        listed = g("module_sizes_listed")
        if sizes:
            # the goal is the link's own state: sizeof(struct ipcp_neg_link)
            own = sizes.get("link", sum(sizes.values()))
            self.row("module's own state per link, sizeof(struct ipcp_neg_link)",
                     f"{own} B (" + ", ".join(f"{k} {v}" for k, v in sorted(sizes.items())) + ")",
                     goal="<= 2 KiB", met=verdict(own <= 2048), where="VM, sizeof")
            alloc = g("alloc_per_link")
            if alloc is not None:
                self.row("  all the module's objects of a link, as allocated",
                         f"{alloc} B (history ring, sysfs directories, address record)",
                         where="VM, kmalloc sizes")
        else:
            self.row("module's own memory per link (debugfs sizes)",
                     "n/a" if listed == 0 else "-", goal="<= 2 KiB",
                     met="n/a" if listed == 0 else "-", where="VM, sizeof")
        eb = g("kernel_engine_struct_bytes")
        self.row("  struct ipcp_neg_engine", "-" if eb is None else f"{eb} B", where=KMOD)
        for what, mk, pk in (("Slab per link end", "e2e_module_slab_per_unit",
                              "e2e_pppd_slab_per_unit"),
                             ("MemAvailable drop per link end", "e2e_module_memavail_per_unit",
                              "e2e_pppd_memavail_per_unit")):
            m, p = g(mk), g(pk)
            self.row(what, "-" if m is None else f"{m} B", "-" if p is None else f"{p} B",
                     "-" if not m or not p else f"{m / p:.2f}", where="VM")
        r = g("e2e_pppd_rss_per_unit")
        self.row("VmRSS per pppd", "", "-" if r is None else f"{r} B", where="VM")

    def engine_rows(self):
        self.rate_row("engine: negotiations/s, one core", "user_engine_neg_per_s", 100000,
                      "/s", USER)
        self.rate_row("engine: negotiations/s, one core", "kernel_engine_neg_per_s", 100000,
                      "/s", KMOD)
        for src_key, src in (("user", USER), ("kernel", KMOD)):
            for plen in (16, 8):
                self.rate_row(f"pool /{plen}: release+take ops/s, 4096 leases FIFO",
                              f"{src_key}_pool{plen}_fifo_ops_per_s", 10e6, "/s", src)
                self.rate_row(f"pool /{plen}: release+take ops/s, full pool, random",
                              f"{src_key}_pool{plen}_full_ops_per_s", 10e6, "/s", src)
                self.rate_row(f"pool /{plen}: takes/s filling it",
                              f"{src_key}_pool{plen}_fill_takes_per_s", 0, "/s", src)
        for src_key, src in (("user", USER), ("kernel", KMOD)):
            for plen in (16, 8):
                m = self.g(f"{src_key}_pool{plen}_mem")
                goal = plen == 8
                self.row(f"pool /{plen}: memory (ipcp_neg_pool_mem)",
                         "-" if m is None else f"{m} B ({m / 1048576:.3f} MiB)",
                         goal="<= 2.1 MiB" if goal else "",
                         met=verdict(None if m is None else m <= 2.1 * 1048576) if goal else "",
                         where=src)

    def print(self):
        widths = [max(len(r[i]) for r in self.rows + [self.HEAD]) for i in range(7)]
        fmt = "  ".join(f"{{:<{w}}}" for w in widths)
        print(fmt.format(*self.HEAD).rstrip())
        for r in self.rows:
            print(fmt.format(*r).rstrip())


def main():
    figs = load(sys.argv[1])
    date, params = sys.argv[2], sys.argv[3]
    t = Table(figs)
    for tr in ("pty", "pppoe"):
        if any(k.startswith(f"dp_{tr}_") for k in figs):
            t.dp_rows(tr)
    t.e2e_rows()
    t.mem_rows()
    t.engine_rows()

    print(f"ipcp_neg benchmarks, {date}: host {cpu_model()}; QEMU TCG (no KVM, -smp 2), "
          f"the guest sees {figs.get('guest_cpus', '?')} CPU(s), "
          f"{figs.get('guest_mem_total_kb', 0) // 1024} MiB")
    print(f"parameters: {params}")
    print("Under TCG the guest CPU is emulated: figures measured in the VM are not the "
          "product's speed; only ratios within this one VM run (module vs pppd, same kernel, "
          "same transport) are meaningful.")
    if "dp_runs" in figs:
        print(f"iperf3: {figs['dp_runs']} alternating runs of {figs.get('dp_secs', '?')} s per "
              "test and side; median [min-max] n=runs, rtx = TCP retransmits summed over the "
              "runs; ratio = median [min-max] of the per-run ratios")
    t.print()


if __name__ == "__main__":
    main()
