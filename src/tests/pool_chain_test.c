// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the address pools (suite ipcp_neg_pool, pool_test.c):
 * overflow chains, references and lifetime, use from softirq, and a
 * random sequence checked against a deliberately naive model.
 */

#include <linux/completion.h>
#include <linux/interrupt.h>

#include "pool_test.h"
#include "rand.h"

/* ---- chains and lifetime ---- */

/**
 * pool_test_chain - chain
 * @test: the test
 */
void pool_test_chain(struct kunit *test)
{
	struct ipcp_neg_pool *a = pt_new(test, 0, "a");
	struct ipcp_neg_pool *b = pt_new(test, 0, "b");
	struct ipcp_neg_pool *owner;
	unsigned int i;

	KUNIT_ASSERT_EQ(test, pt_range(a, A4(10, 30, 0, 1), A4(10, 30, 0, 4)),
			0);
	KUNIT_ASSERT_EQ(test, pt_range(b, A4(10, 31, 0, 1), A4(10, 31, 0, 4)),
			0);
	KUNIT_ASSERT_EQ(test, ipcp_neg_pool_set_next(a, b), 0);
	for (i = 1; i <= 4; i++) {
		KUNIT_EXPECT_EQ(test, pt_take_any(a, &owner), A4(10, 30, 0, i));
		KUNIT_EXPECT_PTR_EQ(test, owner, a);
	}
	/* a is full: overflow into b */
	for (i = 1; i <= 4; i++) {
		KUNIT_EXPECT_EQ(test, pt_take_any(a, &owner), A4(10, 31, 0, i));
		KUNIT_EXPECT_PTR_EQ(test, owner, b);
	}
	KUNIT_EXPECT_EQ(test, pt_take_any(a, &owner), 0);
	KUNIT_EXPECT_NULL(test, owner);
	PT_USAGE(test, a, 4, 4);
	PT_USAGE(test, b, 4, 4);
	/* release through the head goes back to the owner */
	KUNIT_EXPECT_EQ(test, pt_release(a, A4(10, 31, 0, 2)), 0);
	PT_USAGE(test, b, 4, 3);
	/* a given address may come from down the chain */
	KUNIT_EXPECT_EQ(test, pt_take(a, A4(10, 31, 0, 2), &owner), 0);
	KUNIT_EXPECT_PTR_EQ(test, owner, b);
	KUNIT_EXPECT_EQ(test, pt_take(a, A4(10, 30, 0, 1), &owner), -EBUSY);
	KUNIT_EXPECT_EQ(test, pt_take(a, A4(10, 32, 0, 1), &owner), -ENOENT);
	/* the chain runs one way only */
	KUNIT_EXPECT_EQ(test, pt_release(b, A4(10, 30, 0, 1)), -ENOENT);
	/* once a has room again, it comes first */
	KUNIT_EXPECT_EQ(test, pt_release(a, A4(10, 30, 0, 3)), 0);
	KUNIT_EXPECT_EQ(test, pt_take_any(a, &owner), A4(10, 30, 0, 3));
	KUNIT_EXPECT_PTR_EQ(test, owner, a);
	for (i = 1; i <= 4; i++) {
		KUNIT_EXPECT_EQ(test, pt_release(a, A4(10, 30, 0, i)), 0);
		KUNIT_EXPECT_EQ(test, pt_release(b, A4(10, 31, 0, i)), 0);
	}
	PT_USAGE(test, a, 4, 0);
	PT_USAGE(test, b, 4, 0);
}

/**
 * pool_test_cycle - cycle
 * @test: the test
 */
void pool_test_cycle(struct kunit *test)
{
	struct ipcp_neg_pool *a = pt_new(test, 0, "a");
	struct ipcp_neg_pool *b = pt_new(test, 0, "b");
	struct ipcp_neg_pool *c = pt_new(test, 0, "c");
	struct ipcp_neg_pool *owner;

	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_set_next(a, a), -ELOOP);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_set_next(a, b), 0);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_set_next(b, a), -ELOOP);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_set_next(b, c), 0);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_set_next(c, a), -ELOOP);
	/* breaking the chain first makes it legal */
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_set_next(a, NULL), 0);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_set_next(c, a), 0);
	KUNIT_ASSERT_EQ(test, pt_range(a, A4(10, 33, 0, 1), A4(10, 33, 0, 1)),
			0);
	KUNIT_EXPECT_EQ(test, pt_take_any(b, &owner), A4(10, 33, 0, 1));
	KUNIT_EXPECT_PTR_EQ(test, owner, a);
	KUNIT_EXPECT_EQ(test, pt_release(b, A4(10, 33, 0, 1)), 0);
}

/**
 * pool_test_chain_limit - chain limit
 * @test: the test
 */
void pool_test_chain_limit(struct kunit *test)
{
	struct ipcp_neg_pool *p[IPCP_NEG_POOL_MAX_CHAIN + 1], *owner;
	unsigned int n = IPCP_NEG_POOL_MAX_CHAIN;
	char name[8];
	unsigned int i;

	for (i = 0; i <= n; i++) {
		snprintf(name, sizeof(name), "c%u", i);
		p[i] = pt_new(test, 0, name);
	}
	/* p[1] .. p[n]: the longest chain allowed */
	for (i = 1; i < n; i++)
		KUNIT_ASSERT_EQ(test, ipcp_neg_pool_set_next(p[i], p[i + 1]), 0);
	/* one more at the head */
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_set_next(p[0], p[1]), -ELOOP);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_set_next(p[n - 1], NULL), 0);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_set_next(p[0], p[1]), 0);
	/* one more at the tail: counted from the head p[0] */
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_set_next(p[n - 1], p[n]), -ELOOP);
	/* a walk from the head reaches the last pool of the longest chain */
	KUNIT_ASSERT_EQ(test, pt_range(p[n - 1], A4(10, 34, 0, 1),
				       A4(10, 34, 0, 1)), 0);
	KUNIT_EXPECT_EQ(test, pt_take_any(p[0], &owner), A4(10, 34, 0, 1));
	KUNIT_EXPECT_PTR_EQ(test, owner, p[n - 1]);
	KUNIT_EXPECT_EQ(test, pt_release(p[0], A4(10, 34, 0, 1)), 0);
}

/**
 * pool_test_dead_in_chain - dead in chain
 * @test: the test
 */
void pool_test_dead_in_chain(struct kunit *test)
{
	struct ipcp_neg_pool *a = pt_new(test, 0, "a");
	struct ipcp_neg_pool *b = pt_new(test, 0, "b");
	struct ipcp_neg_pool *c = pt_new(test, 0, "c");
	struct ipcp_neg_pool *owner;

	KUNIT_ASSERT_EQ(test, pt_range(a, A4(10, 40, 0, 1), A4(10, 40, 0, 1)),
			0);
	KUNIT_ASSERT_EQ(test, pt_range(b, A4(10, 41, 0, 1), A4(10, 41, 0, 1)),
			0);
	KUNIT_ASSERT_EQ(test, pt_range(c, A4(10, 42, 0, 1), A4(10, 42, 0, 1)),
			0);
	KUNIT_ASSERT_EQ(test, ipcp_neg_pool_set_next(a, b), 0);
	KUNIT_ASSERT_EQ(test, ipcp_neg_pool_set_next(b, c), 0);
	KUNIT_ASSERT_EQ(test, ipcp_neg_pool_delete(pt_net(test, 0), "b"), 0);
	/* a deleted pool hands out nothing, but the chain goes on past it */
	KUNIT_EXPECT_EQ(test, pt_take_any(a, &owner), A4(10, 40, 0, 1));
	KUNIT_EXPECT_EQ(test, pt_take_any(a, &owner), A4(10, 42, 0, 1));
	KUNIT_EXPECT_PTR_EQ(test, owner, c);
	KUNIT_EXPECT_EQ(test, pt_take_any(a, &owner), 0);
	KUNIT_EXPECT_EQ(test, pt_take(a, A4(10, 41, 0, 1), &owner), -ENOENT);
	KUNIT_EXPECT_EQ(test, pt_release(a, A4(10, 40, 0, 1)), 0);
	KUNIT_EXPECT_EQ(test, pt_release(a, A4(10, 42, 0, 1)), 0);
}

/**
 * pool_test_delete_leased - delete leased
 * @test: the test
 */
void pool_test_delete_leased(struct kunit *test)
{
	struct ipcp_neg_pool *p = pt_new(test, 0, "p");
	struct ipcp_neg_pool *q = pt_new(test, 0, "q");
	struct ipcp_neg_pool *owner, *p2;

	KUNIT_ASSERT_EQ(test, pt_prefix(p, A4(10, 50, 0, 0), 30), 0);
	KUNIT_ASSERT_EQ(test, pt_take_any(p, &owner), A4(10, 50, 0, 1));
	KUNIT_ASSERT_EQ(test, ipcp_neg_pool_delete(pt_net(test, 0), "p"), 0);
	KUNIT_EXPECT_NULL(test, ipcp_neg_pool_get(pt_net(test, 0), "p"));
	/* no new lease from a deleted pool */
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), 0);
	KUNIT_EXPECT_EQ(test, pt_take(p, A4(10, 50, 0, 2), &owner), -ENOENT);
	PT_USAGE(test, p, 2, 1);
	/* its name is free, its addresses are not while one is leased */
	p2 = pt_new(test, 0, "p");
	KUNIT_EXPECT_EQ(test, pt_prefix(q, A4(10, 50, 0, 0), 30), -EEXIST);
	/* the test's reference goes first, the lease's keeps the pool */
	pt_drop(test, p);
	KUNIT_EXPECT_EQ(test, pt_release(p, A4(10, 50, 0, 1)), 0);
	/* that was the last reference: the addresses are free for others */
	KUNIT_EXPECT_EQ(test, pt_prefix(q, A4(10, 50, 0, 0), 30), 0);
	KUNIT_EXPECT_EQ(test, pt_prefix(p2, A4(10, 50, 0, 4), 30), 0);
}

/**
 * pool_test_get_put - get put
 * @test: the test
 */
void pool_test_get_put(struct kunit *test)
{
	struct ipcp_neg_pool *p = pt_new(test, 0, "p");
	struct ipcp_neg_pool *g, *owner;

	KUNIT_ASSERT_EQ(test, pt_range(p, A4(10, 60, 0, 1), A4(10, 60, 0, 2)),
			0);
	g = ipcp_neg_pool_get(pt_net(test, 0), "p");
	KUNIT_ASSERT_PTR_EQ(test, g, p);
	KUNIT_EXPECT_NULL(test, ipcp_neg_pool_get(pt_net(test, 0), "P"));
	KUNIT_EXPECT_NULL(test, ipcp_neg_pool_get(pt_net(test, 1), "p"));
	/* a holder keeps a deleted pool usable for release and counters */
	KUNIT_EXPECT_EQ(test, pt_take_any(g, &owner), A4(10, 60, 0, 1));
	pt_drop(test, p);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_delete(pt_net(test, 0), "p"), 0);
	PT_USAGE(test, g, 2, 1);
	KUNIT_EXPECT_EQ(test, pt_release(g, A4(10, 60, 0, 1)), 0);
	PT_USAGE(test, g, 2, 0);
	ipcp_neg_pool_put(g);
}

/**
 * struct pool_sirq - pool calls made from a tasklet, i.e. in softirq
 * @t: the tasklet
 * @done: completed at the end of each run
 * @p: the pool
 * @put: drop the reference to @p instead of taking and releasing
 * @in_softirq: the run was in softirq context
 * @a: address take_any gave
 * @err: results of take and the releases, OR-ed
 */
struct pool_sirq {
	struct tasklet_struct t;
	struct completion done;
	struct ipcp_neg_pool *p;
	bool put;
	bool in_softirq;
	u32 a;
	int err;
};

static void pool_sirq_fn(struct tasklet_struct *t)
{
	struct pool_sirq *s = from_tasklet(s, t, t);
	struct ipcp_neg_pool *owner;

	s->in_softirq = in_serving_softirq();
	if (s->put) {
		ipcp_neg_pool_put(s->p);
	} else {
		s->a = pt_take_any(s->p, &owner);
		s->err = pt_release(s->p, s->a);
		s->err |= pt_take(s->p, s->a, &owner);
		s->err |= pt_release(owner, s->a);
	}
	complete(&s->done);
}

static void pool_sirq_run(struct kunit *test, struct pool_sirq *s)
{
	reinit_completion(&s->done);
	tasklet_schedule(&s->t);
	KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&s->done, 10 * HZ),
			0UL);
	KUNIT_EXPECT_TRUE(test, s->in_softirq);
}

/**
 * pool_test_softirq - softirq
 * @test: the test
 */
void pool_test_softirq(struct kunit *test)
{
	struct ipcp_neg_pool *p = pt_new(test, 0, "p");
	struct ipcp_neg_pool *q = pt_new(test, 0, "q");
	struct pool_sirq *s;

	s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	tasklet_setup(&s->t, pool_sirq_fn);
	init_completion(&s->done);
	s->p = p;
	KUNIT_ASSERT_EQ(test, pt_prefix(p, A4(10, 80, 0, 0), 30), 0);
	pool_sirq_run(test, s);
	KUNIT_EXPECT_EQ(test, s->a, A4(10, 80, 0, 1));
	KUNIT_EXPECT_EQ(test, s->err, 0);
	PT_USAGE(test, p, 2, 0);
	/* the last reference goes in softirq: unlink and RCU free there */
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_delete(pt_net(test, 0), "p"), 0);
	pt_untrack(test, p);
	s->put = true;
	pool_sirq_run(test, s);
	tasklet_kill(&s->t);
	KUNIT_EXPECT_EQ(test, pt_prefix(q, A4(10, 80, 0, 0), 30), 0);
}

/* ---- random operations against a naive model ---- */

enum { PM_FREE, PM_USED, PM_RESERVED };

/**
 * struct pool_model - one byte per address, linear scans, same next-fit rule
 * @first: first address of each range
 * @size: addresses in each range
 * @state: PM_* per address of each range
 * @n: ranges
 * @cur_r: range where the next take_any search starts
 * @cur_off: offset there
 */
struct pool_model {
	u32 first[2];
	u32 size[2];
	u8 *state[2];
	unsigned int n;
	unsigned int cur_r;
	u32 cur_off;
};

static u8 *pm_state(struct pool_model *m, u32 a)
{
	unsigned int i;

	for (i = 0; i < m->n; i++)
		if (a >= m->first[i] && a - m->first[i] < m->size[i])
			return &m->state[i][a - m->first[i]];
	return NULL;
}

static u32 pm_take_any(struct pool_model *m)
{
	unsigned int i, r;
	u32 off, from, to;

	for (i = 0; i <= m->n; i++) {
		r = (m->cur_r + i) % m->n;
		from = i ? 0 : m->cur_off;
		to = i < m->n ? m->size[r] : m->cur_off;
		for (off = from; off < to; off++) {
			if (m->state[r][off] != PM_FREE)
				continue;
			m->state[r][off] = PM_USED;
			m->cur_r = r;
			m->cur_off = off + 1;
			return m->first[r] + off;
		}
	}
	return 0;
}

static int pm_take(struct pool_model *m, u32 a)
{
	u8 *s = pm_state(m, a);

	if (!s)
		return -ENOENT;
	if (*s == PM_RESERVED)
		return -EPERM;
	if (*s == PM_USED)
		return -EBUSY;
	*s = PM_USED;
	return 0;
}

static int pm_release(struct pool_model *m, u32 a)
{
	u8 *s = pm_state(m, a);

	if (!s)
		return -ENOENT;
	if (*s != PM_USED)
		return -EINVAL;
	*s = PM_FREE;
	return 0;
}

static void pm_count(struct pool_model *m, u32 *total, u32 *used)
{
	unsigned int i;
	u32 off;

	*total = 0;
	*used = 0;
	for (i = 0; i < m->n; i++)
		for (off = 0; off < m->size[i]; off++) {
			*total += m->state[i][off] != PM_RESERVED;
			*used += m->state[i][off] == PM_USED;
		}
}

static void pm_add(struct kunit *test, struct pool_model *m, u32 first,
		   u32 size)
{
	m->first[m->n] = first;
	m->size[m->n] = size;
	m->state[m->n] = kunit_kzalloc(test, size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m->state[m->n]);
	m->n++;
}

/**
 * struct pool_run - state of the random run
 * @m: the model
 * @seed: xorshift32 state
 * @full: take_any calls that found the chain exhausted
 * @given: specific takes that succeeded
 * @empty: operations after which the pool was empty again
 * @n: entries in @leased
 * @leased: addresses the test holds, to pick releases from
 */
struct pool_run {
	struct pool_model m;
	u32 seed;
	unsigned int full;
	unsigned int given;
	unsigned int empty;
	unsigned int n;
	u32 leased[700];
};

static void pr_forget(struct pool_run *s, u32 a)
{
	unsigned int i;

	for (i = 0; i < s->n; i++)
		if (s->leased[i] == a) {
			s->leased[i] = s->leased[--s->n];
			return;
		}
}

/* An address to take or release: mostly a leased one when @leased */
static u32 pr_pick(struct pool_run *s, bool leased)
{
	u32 r = ipcp_neg_test_rand(&s->seed);
	unsigned int i = r % 2;

	if (leased && s->n && r % 5)
		return s->leased[r % s->n];
	/* anywhere in a range or up to two addresses either side of it */
	return s->m.first[i] + ipcp_neg_test_rand(&s->seed) % (s->m.size[i] + 4) - 2;
}

static void pr_take_any(struct kunit *test, struct ipcp_neg_pool *p,
			struct pool_run *s, unsigned int i)
{
	struct ipcp_neg_pool *owner;
	u32 a = pt_take_any(p, &owner);

	KUNIT_ASSERT_EQ_MSG(test, a, pm_take_any(&s->m), "op %u", i);
	KUNIT_ASSERT_PTR_EQ(test, owner, a ? p : NULL);
	if (a)
		s->leased[s->n++] = a;
	s->full += !a;
}

static void pr_take(struct kunit *test, struct ipcp_neg_pool *p,
		    struct pool_run *s, unsigned int i)
{
	struct ipcp_neg_pool *owner;
	u32 a = pr_pick(s, false);
	int err = pt_take(p, a, &owner);

	KUNIT_ASSERT_EQ_MSG(test, err, pm_take(&s->m, a), "op %u", i);
	KUNIT_ASSERT_PTR_EQ(test, owner, err ? NULL : p);
	if (!err)
		s->leased[s->n++] = a;
	s->given += !err;
}

static void pr_release(struct kunit *test, struct ipcp_neg_pool *p,
		       struct pool_run *s, unsigned int i)
{
	u32 a = pr_pick(s, true);
	int err = pt_release(p, a);

	KUNIT_ASSERT_EQ_MSG(test, err, pm_release(&s->m, a), "op %u", i);
	if (!err)
		pr_forget(s, a);
}

static void pr_setup(struct kunit *test, struct ipcp_neg_pool *p,
		     struct pool_model *m)
{
	/* a /23 (network, broadcast reserved) and a range across words */
	KUNIT_ASSERT_EQ(test, pt_prefix(p, A4(10, 70, 0, 0), 23), 0);
	KUNIT_ASSERT_EQ(test, pt_range(p, A4(10, 70, 4, 200), A4(10, 70, 5, 70)),
			0);
	KUNIT_ASSERT_EQ(test, ipcp_neg_pool_reserve(p, htonl(A4(10, 70, 0, 7))),
			0);
	KUNIT_ASSERT_EQ(test, ipcp_neg_pool_reserve(p, htonl(A4(10, 70, 5, 0))),
			0);
	pm_add(test, m, A4(10, 70, 0, 0), 512);
	pm_add(test, m, A4(10, 70, 4, 200), 127);
	*pm_state(m, A4(10, 70, 0, 0)) = PM_RESERVED;
	*pm_state(m, A4(10, 70, 1, 255)) = PM_RESERVED;
	*pm_state(m, A4(10, 70, 0, 7)) = PM_RESERVED;
	*pm_state(m, A4(10, 70, 5, 0)) = PM_RESERVED;
}

#define PT_MODEL_OPS	4000

/**
 * pool_test_model - model
 * @test: the test
 */
void pool_test_model(struct kunit *test)
{
	struct ipcp_neg_pool *p = pt_new(test, 0, "model");
	unsigned int i, op;
	u32 t, u, mt, mu;
	struct pool_run *s;

	s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	s->seed = 0x2545f491;
	pr_setup(test, p, &s->m);
	for (i = 0; i < PT_MODEL_OPS; i++) {
		/*
		 * Three phases of 400 operations filling the pool, three
		 * draining it: with this seed it runs from empty to
		 * exhausted and back, and ends half full.
		 */
		bool fill = (i / 400) % 6 < 3;

		op = ipcp_neg_test_rand(&s->seed) % 100;
		if (op < (fill ? 70 : 10))
			pr_take_any(test, p, s, i);
		else if (op < (fill ? 85 : 20))
			pr_take(test, p, s, i);
		else
			pr_release(test, p, s, i);
		ipcp_neg_pool_usage(p, &t, &u);
		pm_count(&s->m, &mt, &mu);
		KUNIT_ASSERT_EQ(test, t, mt);
		KUNIT_ASSERT_EQ(test, u, mu);
		KUNIT_ASSERT_EQ(test, u, s->n);
		s->empty += i && !u;
	}
	/* the run did exhaust and empty the pool, and grant given addresses */
	KUNIT_EXPECT_GT(test, s->full, 0U);
	KUNIT_EXPECT_GT(test, s->empty, 0U);
	KUNIT_EXPECT_GT(test, s->given, 0U);
	kunit_info(test, "exhausted %u, empty %u, %u specific takes, %u held\n",
		   s->full, s->empty, s->given, s->n);
	while (s->n)
		KUNIT_ASSERT_EQ(test, pt_release(p, s->leased[--s->n]), 0);
	PT_USAGE(test, p, 512 - 3 + 127 - 1, 0);
}
