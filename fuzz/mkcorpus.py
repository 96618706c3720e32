#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Write the seed inputs of the fuzz targets: corpus/<target>/<name>,
and the reproducers of findings reported against src/: known/<target>/.

The packets are those pppd 2.4.9 sends (LCP: asyncmap 0, magic, pcomp,
accomp; IPCP: IP-Address 0.0.0.0, ms-dns, VJ compression; Naks, Acks,
Terminate, Echo, Protocol-Reject), wrapped in each target's input format
(see the comment at the top of fsm_lcp.c, engine.c and pool.c).

usage: mkcorpus.py CORPUS_DIR [KNOWN_DIR]
"""

import os
import struct
import sys

PPPD_MAGIC = 0x5c1e3a77
OUR_MAGIC = 0x11223344          # first value of the random tape
TAPE = struct.pack(">4I", OUR_MAGIC, 0x55667788, 0x99aabbcc, 0x0ddba11)


def pkt(code, ident, data=b""):
    """A control packet: code, identifier, length, data."""
    return struct.pack(">BBH", code, ident, 4 + len(data)) + data


def opt(kind, data=b""):
    return struct.pack(">BB", kind, 2 + len(data)) + data


def addr(text):
    return bytes(int(x) for x in text.split("."))


def u32(v):
    return struct.pack(">I", v)


# ---- pppd 2.4.9's packets ----

LCP_REQ = pkt(1, 1, opt(2, u32(0)) + opt(5, u32(PPPD_MAGIC)) + opt(7) +
              opt(8))
LCP_REQ_PPPOE = pkt(1, 1, opt(1, struct.pack(">H", 1492)) +
                    opt(5, u32(PPPD_MAGIC)))
LCP_REQ2 = pkt(1, 2, opt(2, u32(0)) + opt(5, u32(PPPD_MAGIC)))
LCP_ACK_OURS = pkt(2, 0, opt(5, u32(OUR_MAGIC)))
LCP_NAK_MRU = pkt(3, 0, opt(1, struct.pack(">H", 1400)))
LCP_REJ_MAGIC = pkt(4, 0, opt(5, u32(OUR_MAGIC)))
LCP_ECHO = pkt(9, 3, u32(PPPD_MAGIC))
LCP_ECHO_REP = pkt(10, 0, u32(PPPD_MAGIC))
LCP_DISC = pkt(11, 4, u32(PPPD_MAGIC) + b"discard")
LCP_TERM = pkt(5, 5, b"User request")
LCP_TERM_ACK = pkt(6, 1)
LCP_PROTREJ = pkt(8, 6, struct.pack(">H", 0x8021) + pkt(1, 1))
LCP_CODEREJ = pkt(7, 7, pkt(12, 1, b"x"))

IPCP_REQ = pkt(1, 1, opt(2, bytes([0x00, 0x2d, 0x0f, 0x01])) +
               opt(3, addr("0.0.0.0")) + opt(129, addr("0.0.0.0")) +
               opt(131, addr("0.0.0.0")))
IPCP_REQ2 = pkt(1, 2, opt(3, addr("0.0.0.0")) + opt(129, addr("0.0.0.0")) +
                opt(131, addr("0.0.0.0")))
IPCP_REQ3 = pkt(1, 3, opt(3, addr("10.0.0.2")) +
                opt(129, addr("192.0.2.53")) + opt(131, addr("192.0.2.54")))
IPCP_REQ_SERVER = pkt(1, 1, opt(3, addr("10.0.0.1")))
IPCP_ACK_SERVER = pkt(2, 0, opt(3, addr("10.0.0.1")))
IPCP_NAK_CLIENT = pkt(3, 0, opt(3, addr("10.0.0.2")))
IPCP_ACK_CLIENT = pkt(2, 1, opt(3, addr("10.0.0.2")))
IPCP_TERM = pkt(5, 9, b"User request")


# ---- fsm_lcp: 33-byte header, then operations ----

def fsm_header(c0=0, c1=0, c2=0x3e, mru=0, accm=0):
    return (bytes([c0, c1, c2]) + struct.pack(">HI", mru, accm) + TAPE +
            u32(0) + u32(0))


def raw(data, ipcp=False):
    """Operation 0 (raw packet) for LCP, or IPCP with bit 7."""
    assert len(data) < 256
    return bytes([0x80 if ipcp else 0x00, len(data)]) + data


LCP_OPEN_UP = bytes([0x04, 0x02])
IPCP_OPEN_UP = bytes([0x84, 0x82])

FSM = {
    "lcp-async": fsm_header() + LCP_OPEN_UP + raw(LCP_REQ) +
    raw(LCP_ACK_OURS) + raw(LCP_REQ2) + raw(LCP_ECHO) + raw(LCP_ECHO_REP) +
    raw(LCP_DISC) + bytes([0x08]) + raw(LCP_TERM),
    "lcp-accept-comp": fsm_header(c0=0x18) + LCP_OPEN_UP + raw(LCP_REQ) +
    raw(LCP_ACK_OURS) + raw(LCP_PROTREJ) + raw(LCP_CODEREJ),
    "lcp-protrej-lcp": fsm_header() + LCP_OPEN_UP + raw(LCP_REQ2) +
    raw(LCP_ACK_OURS) + raw(pkt(8, 8, struct.pack(">H", 0xc021) + LCP_ECHO)),
    "lcp-auth": fsm_header() + LCP_OPEN_UP +
    raw(pkt(1, 1, opt(3, struct.pack(">H", 0xc227)) + opt(5, u32(1)))) +
    raw(pkt(1, 2, opt(3, struct.pack(">HB", 0xc223, 5)))) +
    raw(pkt(1, 3, opt(3, struct.pack(">H", 0xc023)) + opt(3))),
    "lcp-pppoe": fsm_header(mru=1492) + LCP_OPEN_UP + raw(LCP_REQ_PPPOE) +
    raw(LCP_NAK_MRU) + raw(LCP_REJ_MAGIC) + bytes([0x05]) +
    raw(LCP_TERM_ACK),
    "lcp-timeouts": fsm_header(c2=0x05) + LCP_OPEN_UP + bytes([0x06] * 4) +
    raw(LCP_REQ2) + bytes([0x06] * 4),
    "ipcp-server": fsm_header(c1=0x51) + IPCP_OPEN_UP + raw(IPCP_REQ, True) +
    raw(IPCP_REQ2, True) + raw(IPCP_ACK_SERVER, True) +
    raw(IPCP_REQ3, True) + raw(IPCP_TERM, True),
    "ipcp-client": fsm_header(c0=0x01, c1=0x0c) + IPCP_OPEN_UP +
    raw(IPCP_REQ_SERVER, True) + raw(IPCP_NAK_CLIENT, True) +
    raw(pkt(2, 1, opt(3, addr("10.0.0.2")) + opt(129, addr("0.0.0.0")) +
            opt(130, addr("0.0.0.0")) + opt(131, addr("0.0.0.0")) +
            opt(132, addr("0.0.0.0"))), True),
    "ipcp-fixed-remote": fsm_header(c1=0x30) + IPCP_OPEN_UP +
    raw(IPCP_REQ2, True) + raw(IPCP_ACK_SERVER, True) +
    raw(pkt(1, 3, opt(3, addr("10.0.0.77"))), True),
}


# ---- engine: 30-byte header, then operations ----

def engine_header(cf_a=0x00, cf_b=0x01, lf_a=0x20, lf_b=0x00, ff=0x40,
                  mf=0):
    return bytes([cf_a, cf_b, lf_a, lf_b, ff, mf]) + TAPE + u32(0) + u32(0)


def inject(data, side_b=False, ipcp=False):
    """Operation 5, raw packet, into side A or B."""
    op = 0x05 | (0x10 if ipcp else 0) | (0x80 if side_b else 0)
    return bytes([op]) + struct.pack(">H", len(data)) + data


PUMP = bytes([0x07])

ENGINE = {
    "pair": engine_header() + PUMP,
    "pair-dns": engine_header(cf_a=0xa0, cf_b=0x19, lf_a=0x21, lf_b=0x05) +
    PUMP + bytes([0x0c, 0x8c]) + PUMP + bytes([0x0b]) + PUMP +
    bytes([0x09]) + PUMP,
    "pair-fixed": engine_header(cf_a=0x60, lf_a=0x00) + PUMP +
    bytes([0x8b]) + PUMP + bytes([0x1a, 0x08, 0x88]) + PUMP,
    "pair-lossy": engine_header() + bytes([0x80, 0x00, 0x02, 0x82, 0x03,
                                           0x83, 0x0e, 0x16, 0x07]),
    "pair-one-address": engine_header(lf_a=0x40) + PUMP + bytes([0x8a]) +
    PUMP + bytes([0x88]) + PUMP,
    "pair-exhausted": engine_header(lf_a=0x60) + PUMP + bytes([0x0b]) +
    PUMP,
    "pair-exhausted-terminate": engine_header(lf_a=0xe0) + PUMP,
    "live": engine_header(ff=0xc0) + bytes([0x00, 0x80] * 8),
    "live-dns": engine_header(cf_a=0xa0, cf_b=0x19, lf_a=0x41, lf_b=0x06,
                              ff=0xc0) + bytes([0x80, 0x80, 0x00] * 6),
    "pppd-client": engine_header(mf=0x04) + inject(LCP_REQ) +
    inject(LCP_ACK_OURS) + inject(LCP_REQ2) + inject(IPCP_REQ, ipcp=True) +
    inject(IPCP_REQ2, ipcp=True) + inject(IPCP_REQ3, ipcp=True) +
    inject(pkt(2, 0), ipcp=True) + inject(LCP_ECHO) + inject(LCP_TERM),
    "pppd-server": engine_header(cf_a=0x01, lf_a=0x00, mf=0x04) +
    inject(LCP_REQ_PPPOE) + inject(LCP_ACK_OURS) +
    inject(IPCP_REQ_SERVER, ipcp=True) + inject(IPCP_NAK_CLIENT, ipcp=True) +
    inject(IPCP_ACK_CLIENT, ipcp=True) + inject(LCP_PROTREJ),
}


# ---- pool: operations ----

def many_ranges():
    """IPCP_NEG_POOL_MAX_RANGES (64) one-address ranges, and one more."""
    ops = bytearray([0x00, 0x00])                     # create "a", slot 0
    for i in range(65):
        ops += bytes([0x11, 0, 0x00, 2 * i, 0x00, 0x00])
    return bytes(ops + bytes([0x0e, 0, 0x0f, 0]))


def long_chain():
    """Pools "A" -> "B" -> ... one past IPCP_NEG_POOL_MAX_CHAIN (16)."""
    ops = bytearray([0x00, 0xc1, ord("A")])         # create "A", slot 0
    for i in range(1, 17):
        cur, new = (i - 1) % 2, i % 2
        ops += bytes([0x00, 0xc1, ord("A") + i])      # create, slot new
        ops += bytes([0x04, cur, new])                # set_next(cur, new)
        ops += bytes([0x07, cur])                     # put cur
    # a range in "P", the 16th and last, then take from "A"'s chain
    ops += bytes([0x06, 0xc1, ord("P"), 0x11, 1, 0x00, 0x10, 0x00, 0x10])
    ops += bytes([0x07, 1, 0x06, 0xc1, ord("A"), 0x08, 1, 0x0a, 0x00])
    return bytes(ops)


POOL = {
    # create "a"; add 10.0.0.0 +0..255; take_any x9; take; release
    "basic": bytes([0x00, 0x00, 0x11, 0x00, 0x00, 0x00, 0x00, 0xff,
                    0xe0, 0x00, 0x09, 0x00, 0x01, 0x00, 0x20,
                    0x0b, 0x00, 0x01, 0x00, 0x20, 0x0a, 0x00]),
    # create a and b; prefixes; b after a; fill a; take from b via a
    "chain": bytes([0x00, 0x00, 0x00, 0x01,
                    0x22, 0x00, 0x00, 0x00, 0x1d, 0x23, 0x01, 0x00, 0x00,
                    0x1e, 0x04, 0x00, 0x01, 0xe0, 0x00, 0xe0, 0x00,
                    0x07, 0x01, 0x05, 0x01, 0x80, 0x00]),
    # ranges holding 0.0.0.0 and 255.255.255.255; reserve; usage; delete
    "edges": bytes([0x00, 0x02, 0x10, 0x00, 0x00, 0x00, 0x00, 0x10,
                    0x13, 0x00, 0x0f, 0xf0, 0x00, 0x0f,
                    0x03, 0x00, 0x03, 0x00, 0x05, 0x83, 0x00, 0x01,
                    0x02, 0x03, 0x04, 0xe0, 0x00, 0x0f, 0x00,
                    0x05, 0x02, 0x0c]),
    # allocation failures, bad names, get/put
    "errors": bytes([0x0d, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x06,
                     0x00, 0x09, 0x1d, 0x11, 0x00, 0x00, 0x00, 0x00, 0x10,
                     0x06, 0x00, 0x07, 0x01, 0x16, 0x00, 0x12, 0x00, 0x00,
                     0x00, 0x40]),
    "long-chain": long_chain(),
    "many-ranges": many_ranges(),
}


# ---- reproducers of reported findings (make known) ----

IPCP_A = opt(3, addr("10.0.0.1"))

KNOWN = {
    "pool": {
        # create "S\xff": was accepted, the name rule says [A-Za-z0-9_.-]
        # (fixed in b7a253d "pool: names are ASCII only")
        "latin1-name": bytes([0x00, 0xc2, ord("S"), 0xff]),
    },
    "fsm_lcp": {
        # IPCP client Acks the server's 10.0.0.1, then adopts it from a
        # Nak of its own address: local == peer at This-Layer-Up
        "ipcp-local-is-peer": fsm_header(c0=0x01) + IPCP_OPEN_UP +
        raw(pkt(1, 1, IPCP_A), True) + raw(pkt(3, 0, IPCP_A), True) +
        raw(pkt(2, 1, IPCP_A), True),
        # client with local 10.0.0.1 adopts .5 from a Nak, opens with the
        # server at .7; the server then asks for .1: Acked (ours is .5),
        # and reset_ci brings ours back to .1: local == peer again
        "ipcp-local-is-peer-reset": fsm_header(c0=0x01, c1=0x10) +
        IPCP_OPEN_UP + raw(pkt(3, 0, opt(3, addr("10.0.0.5"))), True) +
        raw(pkt(2, 1, opt(3, addr("10.0.0.5"))), True) +
        raw(pkt(1, 1, opt(3, addr("10.0.0.7"))), True) +
        raw(pkt(1, 2, IPCP_A), True) + raw(pkt(2, 2, IPCP_A), True),
    },
}


def write(top, target, seeds):
    path = os.path.join(top, target)
    os.makedirs(path, exist_ok=True)
    for name, data in seeds.items():
        with open(os.path.join(path, name), "wb") as f:
            f.write(data)


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.strip())
    write(sys.argv[1], "fsm_lcp", FSM)
    write(sys.argv[1], "engine", ENGINE)
    write(sys.argv[1], "pool", POOL)
    if len(sys.argv) == 3:
        for target, seeds in KNOWN.items():
            write(sys.argv[2], target, seeds)


if __name__ == "__main__":
    main()
