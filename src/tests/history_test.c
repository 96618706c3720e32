// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for a link's packet history: the bytes of a control packet in,
 * the exact line of sysfs "packets" out, malformed and truncated packets
 * included; the ring, of the depths 0 (none), 1 and N, keeps the newest
 * packets, and the text drops the oldest lines that do not fit.
 */

#include <kunit/test.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../link_int.h"

struct hist_case {
	const char *desc;
	bool tx;
	u16 proto;
	u8 pkt[80];
	unsigned int len;
	const char *line;
};

static const struct hist_case hist_cases[] = {
	{ .desc = "LCP Configure-Request with MRU and magic", .tx = true,
	  .proto = IPCP_NEG_PROTO_LCP,
	  .pkt = { 1, 1, 0, 14, 1, 4, 0x05, 0xdc, 5, 6, 0x12, 0x34, 0x56,
		   0x78 }, .len = 14,
	  .line =
		"12.000345 tx LCP Configure-Request id=1 len=14 mru=1500 magic=0x12345678"
	},
	{ .desc = "LCP options accm auth pfc acfc and an unknown one",
	  .proto = IPCP_NEG_PROTO_LCP,
	  .pkt = { 2, 9, 0, 21, 2, 6, 0, 0, 0, 0, 3, 4, 0xc0, 0x23, 7, 2, 8,
		   2, 13, 3, 1 }, .len = 21,
	  .line =
		"12.000345 rx LCP Configure-Ack id=9 len=21 accm=0x00000000 auth=0xc023 pfc acfc opt13/3"
	},
	{ .desc = "IPCP Configure-Nak: address and servers",
	  .proto = IPCP_NEG_PROTO_IPCP,
	  .pkt = { 3, 7, 0, 22, 3, 6, 10, 0, 0, 2, 129, 6, 10, 0, 0, 53,
		   132, 6, 10, 0, 0, 54 }, .len = 22,
	  .line =
		"12.000345 rx IPCP Configure-Nak id=7 len=22 addr=10.0.0.2 dns1=10.0.0.53 nbns2=10.0.0.54"
	},
	{ .desc = "IPCP Configure-Reject: addrs, compress, nbns1, dns2",
	  .tx = true, .proto = IPCP_NEG_PROTO_IPCP,
	  .pkt = { 4, 2, 0, 30, 1, 10, 1, 2, 3, 4, 5, 6, 7, 8, 2, 4, 0, 0x2d,
		   130, 6, 10, 0, 0, 1, 131, 6, 10, 0, 0, 2 }, .len = 30,
	  .line =
		"12.000345 tx IPCP Configure-Reject id=2 len=30 addrs=1.2.3.4,5.6.7.8 compress=0x002d nbns1=10.0.0.1 dns2=10.0.0.2"
	},
	/* a known type with the wrong length is shown raw, not decoded */
	{ .desc = "IP-Address of length 4", .proto = IPCP_NEG_PROTO_IPCP,
	  .pkt = { 1, 3, 0, 8, 3, 4, 10, 0 }, .len = 8,
	  .line = "12.000345 rx IPCP Configure-Request id=3 len=8 opt3/4" },
	/* option length 0 would loop forever: the walk stops there */
	{ .desc = "option length 0 after a good one",
	  .proto = IPCP_NEG_PROTO_LCP,
	  .pkt = { 1, 4, 0, 10, 7, 2, 5, 0, 0, 0 }, .len = 10,
	  .line =
		"12.000345 rx LCP Configure-Request id=4 len=10 pfc bad-options"
	},
	/* an option running past the packet's Length */
	{ .desc = "option overruns the packet", .proto = IPCP_NEG_PROTO_IPCP,
	  .pkt = { 1, 5, 0, 8, 3, 6, 10, 0 }, .len = 8,
	  .line = "12.000345 rx IPCP Configure-Request id=5 len=8 bad-options" },
	/* one stray byte cannot hold an option header */
	{ .desc = "stray byte after the options", .proto = IPCP_NEG_PROTO_LCP,
	  .pkt = { 1, 6, 0, 7, 8, 2, 1 }, .len = 7,
	  .line =
		"12.000345 rx LCP Configure-Request id=6 len=7 acfc bad-options"
	},
	{ .desc = "fewer than 4 bytes", .proto = IPCP_NEG_PROTO_LCP,
	  .pkt = { 1, 1, 0 }, .len = 3,
	  .line = "12.000345 rx LCP truncated len=3" },
	{ .desc = "shorter than its Length field", .proto = IPCP_NEG_PROTO_IPCP,
	  .pkt = { 1, 8, 0, 10, 3, 6, 10 }, .len = 7,
	  .line = "12.000345 rx IPCP Configure-Request id=8 len=10 truncated" },
	{ .desc = "Length field under 4", .proto = IPCP_NEG_PROTO_LCP,
	  .pkt = { 9, 8, 0, 2, 0, 0 }, .len = 6,
	  .line = "12.000345 rx LCP Echo-Request id=8 len=2 bad-length" },
	/* bytes after the Length field are padding, not options */
	{ .desc = "padding after Length", .proto = IPCP_NEG_PROTO_IPCP,
	  .pkt = { 2, 1, 0, 10, 3, 6, 10, 0, 0, 1, 0, 0 }, .len = 12,
	  .line = "12.000345 rx IPCP Configure-Ack id=1 len=10 addr=10.0.0.1" },
	/* only codes 1-4 carry options */
	{ .desc = "Terminate-Request data not decoded", .tx = true,
	  .proto = IPCP_NEG_PROTO_LCP,
	  .pkt = { 5, 2, 0, 8, 1, 4, 5, 220 }, .len = 8,
	  .line = "12.000345 tx LCP Terminate-Request id=2 len=8" },
	{ .desc = "LCP Echo-Reply", .tx = true, .proto = IPCP_NEG_PROTO_LCP,
	  .pkt = { 10, 3, 0, 8, 1, 2, 3, 4 }, .len = 8,
	  .line = "12.000345 tx LCP Echo-Reply id=3 len=8" },
	{ .desc = "LCP code 12 is unknown", .proto = IPCP_NEG_PROTO_LCP,
	  .pkt = { 12, 1, 0, 4 }, .len = 4,
	  .line = "12.000345 rx LCP unknown-12 id=1 len=4" },
	/* Echo and Discard are LCP's only */
	{ .desc = "IPCP code 9 is unknown", .proto = IPCP_NEG_PROTO_IPCP,
	  .pkt = { 9, 1, 0, 4 }, .len = 4,
	  .line = "12.000345 rx IPCP unknown-9 id=1 len=4" },
	{ .desc = "code 0 is unknown", .proto = IPCP_NEG_PROTO_IPCP,
	  .pkt = { 0, 1, 0, 4 }, .len = 4,
	  .line = "12.000345 rx IPCP unknown-0 id=1 len=4" },
	/* 66 bytes of 2-byte options: 32 kept, the rest elided */
	{ .desc = "options beyond the 64 bytes kept",
	  .proto = IPCP_NEG_PROTO_LCP,
	  .pkt = { 1, 1, 0, 70,
		   7, 2, 8, 2, 7, 2, 8, 2, 7, 2, 8, 2, 7, 2, 8, 2,
		   7, 2, 8, 2, 7, 2, 8, 2, 7, 2, 8, 2, 7, 2, 8, 2,
		   7, 2, 8, 2, 7, 2, 8, 2, 7, 2, 8, 2, 7, 2, 8, 2,
		   7, 2, 8, 2, 7, 2, 8, 2, 7, 2, 8, 2, 7, 2, 99, 2,
		   7, 2 }, .len = 70,
	  .line =
		"12.000345 rx LCP Configure-Request id=1 len=70 pfc acfc pfc acfc pfc acfc pfc acfc pfc acfc pfc acfc pfc acfc pfc acfc pfc acfc pfc acfc pfc acfc pfc acfc pfc acfc pfc acfc pfc acfc pfc opt99/2 ..."
	},
};

static void hist_case_desc(const struct hist_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(hist, hist_cases, hist_case_desc);

/* A ring of @depth made by the module's allocator; the suite's exit frees it */
static struct ipcp_neg_hist *hist_alloc_depth(struct kunit *test,
					      unsigned int depth)
{
	struct ipcp_neg_hist *h = ipcp_neg_hist_alloc(depth, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, h);
	KUNIT_ASSERT_NULL(test, test->priv);
	test->priv = h;
	return h;
}

/* A ring of the default depth, a link's with history_depth unchanged */
static struct ipcp_neg_hist *hist_alloc(struct kunit *test)
{
	return hist_alloc_depth(test, IPCP_NEG_HIST_LEN);
}

static int hist_test_init(struct kunit *test)
{
	test->priv = NULL;
	return 0;
}

static void hist_test_exit(struct kunit *test)
{
	kfree(test->priv);
}

/* Record a packet the way the link glue does for received ones */
static struct ipcp_neg_hist_ent *hist_rec(struct ipcp_neg_hist *h, bool tx,
					  u16 proto, const u8 *pkt,
					  unsigned int len, u64 ns)
{
	unsigned int hlen = min_t(unsigned int, len, IPCP_NEG_HDRLEN);
	struct ipcp_neg_hist_ent *ent = &h->ent[h->next];

	ipcp_neg_hist_add(h, tx, proto, pkt, hlen, pkt + hlen, len - hlen);
	ent->ns = ns;
	return ent;
}

static void hist_test_format(struct kunit *test)
{
	const struct hist_case *c = test->param_value;
	struct ipcp_neg_hist *h = hist_alloc(test);
	struct ipcp_neg_hist_ent *ent;
	char line[512];
	int n;

	ent = hist_rec(h, c->tx, c->proto, c->pkt, c->len, 12000345678ULL);
	n = ipcp_neg_hist_format(ent, line, sizeof(line));
	KUNIT_EXPECT_STREQ(test, line, c->line);
	KUNIT_EXPECT_EQ(test, n, (int)strlen(c->line));
}

/* The glue records a packet it sends as a header plus its options */
static void hist_test_split(struct kunit *test)
{
	static const u8 opts[] = { 3, 6, 10, 0, 0, 1 };
	static const u8 hdr[] = { 1, 42, 0, 10 };
	struct ipcp_neg_hist *h = hist_alloc(test);
	char line[128];

	ipcp_neg_hist_add(h, true, IPCP_NEG_PROTO_IPCP, hdr, sizeof(hdr), opts,
			  sizeof(opts));
	h->ent[0].ns = 1000;
	ipcp_neg_hist_format(&h->ent[0], line, sizeof(line));
	KUNIT_EXPECT_STREQ(test, line,
			   "0.000001 tx IPCP Configure-Request id=42 len=10 addr=10.0.0.1");
	KUNIT_EXPECT_EQ(test, h->ent[0].caplen, 10);
	KUNIT_EXPECT_EQ(test, h->ent[0].wirelen, 10);
}

/* A long packet keeps its real length and only the first bytes */
static void hist_test_cap(struct kunit *test)
{
	struct ipcp_neg_hist *h = hist_alloc(test);
	static u8 pkt[1500];

	memset(pkt, 0, sizeof(pkt));
	pkt[0] = IPCP_NEG_ECHOREQ;
	pkt[2] = 1500 >> 8;
	pkt[3] = 1500 & 0xff;
	hist_rec(h, false, IPCP_NEG_PROTO_LCP, pkt, sizeof(pkt), 0);
	KUNIT_EXPECT_EQ(test, h->ent[0].caplen, IPCP_NEG_HIST_CAP);
	KUNIT_EXPECT_EQ(test, h->ent[0].wirelen, 1500);
}

/* Echo-Request id=@id, @n times, ids counting up */
static void hist_fill(struct ipcp_neg_hist *h, unsigned int n)
{
	u8 pkt[4] = { IPCP_NEG_ECHOREQ, 0, 0, 4 };
	unsigned int i;

	for (i = 0; i < n; i++) {
		pkt[1] = i;
		hist_rec(h, true, IPCP_NEG_PROTO_LCP, pkt, sizeof(pkt), 0);
	}
}

/* The ring keeps the newest 32, oldest first */
static void hist_test_ring(struct kunit *test)
{
	struct ipcp_neg_hist *h = hist_alloc(test);
	char *buf = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);
	char want[64];
	ssize_t n;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_EXPECT_EQ(test, ipcp_neg_hist_show(h, buf, PAGE_SIZE), 0);
	hist_fill(h, 40);
	KUNIT_EXPECT_EQ(test, h->count, IPCP_NEG_HIST_LEN);
	n = ipcp_neg_hist_show(h, buf, PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, n, (ssize_t)strlen(buf));
	/* "0.000000 tx LCP Echo-Request id=NN len=4\n": ids 8, 9 are short */
	KUNIT_EXPECT_EQ(test, n, (ssize_t)(2 * 40 + 30 * 41));
	KUNIT_EXPECT_TRUE(test,
			  str_has_prefix(buf, "0.000000 tx LCP Echo-Request id=8 len=4\n"));
	snprintf(want, sizeof(want), "id=39 len=4\n");
	KUNIT_EXPECT_STREQ(test, buf + n - strlen(want), want);
}

/* The text of @h (NULL: no ring) is exactly @want */
static void hist_expect_text(struct kunit *test, const struct ipcp_neg_hist *h,
			     const char *want)
{
	char *buf = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	memset(buf, 'x', PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, ipcp_neg_hist_show(h, buf, PAGE_SIZE),
			(ssize_t)strlen(want));
	KUNIT_EXPECT_STREQ(test, buf, want);
}

/* Depth 0 is no ring: recording into none is a no-op, its text empty */
static void hist_test_depth0(struct kunit *test)
{
	u8 pkt[4] = { IPCP_NEG_ECHOREQ, 1, 0, 4 };

	KUNIT_EXPECT_NULL(test, ipcp_neg_hist_alloc(0, GFP_KERNEL));
	KUNIT_EXPECT_NULL(test, ipcp_neg_hist_alloc(IPCP_NEG_HIST_LEN_MAX + 1,
						    GFP_KERNEL));
	ipcp_neg_hist_add(NULL, true, IPCP_NEG_PROTO_LCP, pkt, 4, NULL, 0);
	hist_expect_text(test, NULL, "");
}

/* Depth 1 keeps the last packet only */
static void hist_test_depth1(struct kunit *test)
{
	struct ipcp_neg_hist *h = hist_alloc_depth(test, 1);

	hist_expect_text(test, h, "");
	hist_fill(h, 1);
	KUNIT_EXPECT_EQ(test, h->count, 1U);
	hist_expect_text(test, h, "0.000000 tx LCP Echo-Request id=0 len=4\n");
	hist_fill(h, 3);
	KUNIT_EXPECT_EQ(test, h->count, 1U);
	KUNIT_EXPECT_EQ(test, h->next, 0U);
	hist_expect_text(test, h, "0.000000 tx LCP Echo-Request id=2 len=4\n");
}

/* A ring of 5 after 11 packets: the newest 5, oldest first, across the wrap */
static void hist_test_depth_n(struct kunit *test)
{
	struct ipcp_neg_hist *h = hist_alloc_depth(test, 5);

	KUNIT_EXPECT_EQ(test, ipcp_neg_hist_size(5),
			sizeof(*h) + 5 * sizeof(h->ent[0]));
	hist_fill(h, 4);
	KUNIT_EXPECT_EQ(test, h->count, 4U);
	hist_fill(h, 7);
	KUNIT_EXPECT_EQ(test, h->count, 5U);
	KUNIT_EXPECT_EQ(test, h->next, (4U + 7U) % 5U);
	hist_expect_text(test, h,
			 "0.000000 tx LCP Echo-Request id=2 len=4\n"
			 "0.000000 tx LCP Echo-Request id=3 len=4\n"
			 "0.000000 tx LCP Echo-Request id=4 len=4\n"
			 "0.000000 tx LCP Echo-Request id=5 len=4\n"
			 "0.000000 tx LCP Echo-Request id=6 len=4\n");
}

/* Lines that do not fit are the oldest ones, and none is cut */
static void hist_test_trim(struct kunit *test)
{
	struct ipcp_neg_hist *h = hist_alloc(test);
	char buf[100];
	ssize_t n;

	hist_fill(h, 12);
	/* lines of 41 bytes: two fit in 100 with the NUL */
	n = ipcp_neg_hist_show(h, buf, sizeof(buf));
	KUNIT_EXPECT_EQ(test, n, 82);
	KUNIT_EXPECT_STREQ(test, buf,
			   "0.000000 tx LCP Echo-Request id=10 len=4\n"
			   "0.000000 tx LCP Echo-Request id=11 len=4\n");
}

static struct kunit_case hist_test_cases[] = {
	KUNIT_CASE_PARAM(hist_test_format, hist_gen_params),
	KUNIT_CASE(hist_test_split),
	KUNIT_CASE(hist_test_cap),
	KUNIT_CASE(hist_test_ring),
	KUNIT_CASE(hist_test_trim),
	KUNIT_CASE(hist_test_depth0),
	KUNIT_CASE(hist_test_depth1),
	KUNIT_CASE(hist_test_depth_n),
	{}
};

static struct kunit_suite hist_test_suite = {
	.name = "ipcp_neg_history",
	.init = hist_test_init,
	.exit = hist_test_exit,
	.test_cases = hist_test_cases,
};

kunit_test_suite(hist_test_suite);
