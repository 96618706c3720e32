// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the up/change/down logic of the link events (events.c):
 * which event a sequence of IPCP outcomes sends, with which addresses.
 * The uevents themselves are checked by the guest test events.sh.
 */

#include <kunit/test.h>

#include "../events.h"

#define IP4(a, b, c, d) \
	cpu_to_be32((u32)(a) << 24 | (b) << 16 | (c) << 8 | (d))

#define L1	IP4(10, 0, 0, 2)
#define L2	IP4(10, 0, 0, 3)
#define P1	IP4(10, 0, 0, 1)
#define D1	IP4(10, 0, 0, 53)

struct ev_state {
	struct ipcp_neg_event ev;
	bool ev_up;
};

/* IPCP up with @local, @peer, @dns1: the event sent, or -1 for none */
static int ev_up(struct ev_state *s, __be32 local, __be32 peer, __be32 dns1)
{
	__be32 dns[2] = { dns1, 0 };

	if (!ipcp_neg_event_up_next(&s->ev, &s->ev_up, local, peer, dns))
		return -1;
	return s->ev.kind;
}

static int ev_down(struct ev_state *s)
{
	if (!ipcp_neg_event_down_next(&s->ev, &s->ev_up))
		return -1;
	return s->ev.kind;
}

/* The first up is "up", the same outcome again sends nothing */
static void ev_test_up_once(struct kunit *test)
{
	struct ev_state s = {};

	KUNIT_EXPECT_EQ(test, ev_up(&s, L1, P1, 0), (int)IPCP_NEG_EVENT_UP);
	KUNIT_EXPECT_TRUE(test, s.ev_up);
	KUNIT_EXPECT_EQ(test, be32_to_cpu(s.ev.local), be32_to_cpu(L1));
	KUNIT_EXPECT_EQ(test, be32_to_cpu(s.ev.peer), be32_to_cpu(P1));
	KUNIT_EXPECT_STREQ(test, s.ev.reason, "negotiated");
	KUNIT_EXPECT_EQ(test, ev_up(&s, L1, P1, 0), -1);
}

/* A new local address, peer address or DNS server without a down: change */
static void ev_test_change(struct kunit *test)
{
	struct ev_state s = {};

	ev_up(&s, L1, P1, 0);
	KUNIT_EXPECT_EQ(test, ev_up(&s, L2, P1, 0), (int)IPCP_NEG_EVENT_CHANGE);
	KUNIT_EXPECT_EQ(test, be32_to_cpu(s.ev.local), be32_to_cpu(L2));
	KUNIT_EXPECT_EQ(test, ev_up(&s, L2, L1, 0), (int)IPCP_NEG_EVENT_CHANGE);
	KUNIT_EXPECT_EQ(test, ev_up(&s, L2, L1, D1), (int)IPCP_NEG_EVENT_CHANGE);
	KUNIT_EXPECT_EQ(test, be32_to_cpu(s.ev.dns[0]), be32_to_cpu(D1));
	KUNIT_EXPECT_EQ(test, ev_up(&s, L2, L1, D1), -1);
}

/* Down once per up, with the last up's addresses; up again after it */
static void ev_test_down(struct kunit *test)
{
	struct ev_state s = {};

	KUNIT_EXPECT_EQ(test, ev_down(&s), -1);	/* never up: nothing */
	ev_up(&s, L1, P1, D1);
	ev_up(&s, L2, P1, D1);
	KUNIT_EXPECT_EQ(test, ev_down(&s), (int)IPCP_NEG_EVENT_DOWN);
	KUNIT_EXPECT_FALSE(test, s.ev_up);
	KUNIT_EXPECT_EQ(test, be32_to_cpu(s.ev.local), be32_to_cpu(L2));
	KUNIT_EXPECT_EQ(test, be32_to_cpu(s.ev.peer), be32_to_cpu(P1));
	KUNIT_EXPECT_EQ(test, be32_to_cpu(s.ev.dns[0]), be32_to_cpu(D1));
	KUNIT_EXPECT_EQ(test, ev_down(&s), -1);
	/* the same addresses after a down: "up", not nothing */
	KUNIT_EXPECT_EQ(test, ev_up(&s, L2, P1, D1), (int)IPCP_NEG_EVENT_UP);
}

static struct kunit_case ev_cases[] = {
	KUNIT_CASE(ev_test_up_once),
	KUNIT_CASE(ev_test_change),
	KUNIT_CASE(ev_test_down),
	{}
};

static struct kunit_suite ev_suite = {
	.name = "ipcp_neg_events",
	.test_cases = ev_cases,
};

kunit_test_suite(ev_suite);
