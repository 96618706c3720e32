/* SPDX-License-Identifier: GPL-2.0 */
/* User-space stand-in for the kernel header of the same name. */
#ifndef _FUZZ_LINUX_RCULIST_H
#define _FUZZ_LINUX_RCULIST_H

#include <linux/list.h>
#include <linux/rcupdate.h>

#define list_add_tail_rcu(new, head)	list_add_tail(new, head)

/* Readers may still follow ->next of a deleted entry: keep it */
static inline void list_del_rcu(struct list_head *entry)
{
	entry->prev->next = entry->next;
	entry->next->prev = entry->prev;
}

#define list_for_each_entry_rcu(pos, head, member, cond...) \
	list_for_each_entry(pos, head, member)

static inline void hlist_add_head_rcu(struct hlist_node *n,
				      struct hlist_head *h)
{
	n->next = h->first;
	if (h->first)
		h->first->pprev = &n->next;
	h->first = n;
	n->pprev = &h->first;
}

/* Readers may still follow ->next of a deleted entry: keep it */
static inline void hlist_del_rcu(struct hlist_node *n)
{
	*n->pprev = n->next;
	if (n->next)
		n->next->pprev = n->pprev;
	n->pprev = NULL;
}

#define hlist_for_each_entry_rcu(pos, head, member, cond...) \
	hlist_for_each_entry(pos, head, member)

#endif
