#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Print the figures table of "make bench" from the raw figures.

Usage: table.py FIGURES.RAW DATE PARAMS
FIGURES.RAW holds lines "<key> <value> <unit>" (bench_user's and the guest's).
Missing figures show as "-"; a goal is "met" or "MISSED" only when its figure
is there.
"""
import sys


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


def main():
    figs = load(sys.argv[1])
    date, params = sys.argv[2], sys.argv[3]
    g = figs.get
    rows = []

    def row(what, value, goal="", ok=None, src=""):
        verdict = "" if ok is None else ("met" if ok else "MISSED")
        rows.append((what, value, goal, verdict, src))

    def rate_row(what, key, goal, unit, src):
        v = g(key)
        row(what, human(v, unit), f">= {human(goal, unit)}" if goal else "",
            None if v is None or not goal else v >= goal, src)

    user, kmod, vm = "bench_user (host, native)", "ipcp_neg_bench.ko (VM, TCG)", "bench.sh (VM, TCG)"
    rate_row("engine: negotiations/s, one core", "user_engine_neg_per_s", 100000, "/s", user)
    rate_row("engine: negotiations/s, one core", "kernel_engine_neg_per_s", 100000, "/s", kmod)
    for src_key, src in (("user", user), ("kernel", kmod)):
        for plen in (16, 8):
            rate_row(f"pool /{plen}: release+take ops/s, 4096 leases FIFO",
                     f"{src_key}_pool{plen}_fifo_ops_per_s", 10e6, "/s", src)
            rate_row(f"pool /{plen}: release+take ops/s, full pool, random",
                     f"{src_key}_pool{plen}_full_ops_per_s", 10e6, "/s", src)
            rate_row(f"pool /{plen}: takes/s filling it", f"{src_key}_pool{plen}_fill_takes_per_s",
                     0, "/s", src)
    for src_key, src in (("user", user), ("kernel", kmod)):
        for plen in (16, 8):
            m = g(f"{src_key}_pool{plen}_mem")
            goal = 2.1 * 1024 * 1024 if plen == 8 else 0
            row(f"pool /{plen}: memory (ipcp_neg_pool_mem)",
                "-" if m is None else f"{m} B ({m / 1048576:.3f} MiB)",
                "<= 2.1 MiB" if goal else "", None if m is None or not goal else m <= goal, src)

    mn, pn = g("e2e_module_links"), g("e2e_pppd_links")
    mo, po = g("e2e_module_open_ms"), g("e2e_pppd_open_ms")
    row("e2e: module links to IPCP Opened (both ends)",
        "-" if mo is None else f"{mn} links in {mo / 1000:.1f} s", "", None, vm)
    row("e2e: of which the attach commands", "-" if g("e2e_module_attach_ms") is None
        else f"{g('e2e_module_attach_ms') / 1000:.1f} s", "", None, vm)
    hu = g("e2e_module_rmmod_ms")
    row("e2e: rmmod with every module link live", "-" if hu is None else f"{hu / 1000:.1f} s",
        "", None, vm)
    row("e2e: pppd pairs to IPCP up (both ends)",
        "-" if po is None else f"{pn} pairs in {po / 1000:.1f} s", "", None, vm)
    mu, pu = g("e2e_module_us_per_link"), g("e2e_pppd_us_per_link")
    row("e2e: time per link, module", human(mu and mu / 1000, " ms"), "", None, vm)
    row("e2e: time per link, pppd", human(pu and pu / 1000, " ms"), "", None, vm)
    ratio = pu / mu if mu and pu else None
    row("e2e: module faster than pppd, per link", "-" if ratio is None else f"{ratio:.1f}x",
        ">= 20x", None if ratio is None else ratio >= 20, vm)
    ms = g("e2e_module_slab_per_unit")
    row("memory per link end (PPP unit), module: kernel Slab", "-" if ms is None else f"{ms} B",
        "<= 2 KiB", None if ms is None else ms <= 2048, vm)
    eb = g("kernel_engine_struct_bytes")
    row("memory per link end, module: struct ipcp_neg_engine", "-" if eb is None else f"{eb} B",
        "<= 2 KiB", None if eb is None else eb <= 2048, kmod)
    for key, what in (("e2e_module_memavail_per_unit", "memory per link end, module: MemAvailable drop"),
                      ("e2e_pppd_slab_per_unit", "memory per link end, pppd: kernel Slab"),
                      ("e2e_pppd_rss_per_unit", "memory per link end, pppd: VmRSS of its pppd"),
                      ("e2e_pppd_memavail_per_unit", "memory per link end, pppd: MemAvailable drop")):
        v = g(key)
        row(what, "-" if v is None else f"{v} B", "", None, vm)
    dm, dp = g("datapath_module_bps"), g("datapath_pppd_bps")
    row("data path: iperf3 through the module", human(dm, "bit/s"), "", None, vm)
    row("data path: iperf3 through pppd alone", human(dp, "bit/s"), "", None, vm)
    pct = 100.0 * dm / dp if dm and dp else None
    row("data path: module / pppd", "-" if pct is None else f"{pct:.1f}%", ">= 95%",
        None if pct is None else pct >= 95, vm)

    print(f"ipcp_neg benchmarks, {date}: host {cpu_model()}; QEMU TCG (no KVM, -smp 2), "
          f"the guest sees {figs.get('guest_cpus', '?')} CPU(s), {figs.get('guest_mem_total_kb', 0) // 1024} MiB")
    print(f"parameters: {params}")
    widths = [max(len(r[i]) for r in rows + [("figure", "measured", "goal", "", "by")])
              for i in range(5)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    print(fmt.format("figure", "measured", "goal", "", "by"))
    for r in rows:
        print(fmt.format(*r).rstrip())


if __name__ == "__main__":
    main()
