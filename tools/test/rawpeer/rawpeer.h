/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rawpeer's shared declarations: its wire (framing, I/O, transports:
 * wire.c), its protocol side (answering the module, peer.c) and its
 * hostile steps (steps.c, with main). See steps.c for what it does.
 */
#ifndef RAWPEER_H
#define RAWPEER_H

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <poll.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>


#define LCP		0xc021
#define IPCP		0x8021
#define MAXFRAME	9000

enum {
	CONFREQ = 1, CONFACK, CONFNAK, CONFREJ, TERMREQ, TERMACK, CODEREJ,
	PROTREJ, ECHOREQ, ECHOREP, DISCREQ
};

/* Our side of one control protocol, and what we last saw of the module's */
struct cp {
	uint16_t proto;
	uint8_t id;		/* our last Configure-Request */
	int outstanding;	/* it is not Acked yet */
	long sent_at;
	int acked_us;
	int acked_them;
	uint8_t their_id;	/* the module's last Configure-Request */
	uint8_t their[256];
	int their_len;
	int their_seen;
};

/* What the peer does with the module's packets */
struct behaviour {
	int silent;		/* ignore Configure-Requests */
	int reject_all;		/* Reject every option of them */
	int nak_left;		/* Nak this many LCP Configure-Requests */
	int nak_then_silent;	/* then ignore the module's requests */
	int loop;		/* send every frame straight back */
};

/* The last frame received per (protocol, code), and counts */
struct seen {
	unsigned int count;
	int len;
	uint8_t data[MAXFRAME];
};


extern int pppoe, fd;
extern unsigned char my_mac[6], peer_mac[6];
extern int ifindex, pppoe_lenfield;
extern unsigned int sid;
extern struct timespec t0;
extern int failed, hung_up;

extern struct cp lcp;
extern struct cp ipcp;
extern struct behaviour bhv;
extern uint32_t my_magic, my_addr, give_addr;
extern int use_magic, use_addr, my_mru;
extern struct seen seen_lcp[256], seen_ipcp[256];
extern unsigned int rx_other, rx_frames, rx_badfcs;
extern struct seen seen_other;	/* last frame of another protocol */

extern uint8_t obuf[1 << 20];
extern size_t olen;


long now_ms(void);
void expect(int cond, const char *fmt, ...);
void die(const char *what);
void hang_up(void);
void hexlog(const char *dir, uint16_t proto, const uint8_t *p, int len);
uint16_t fcs16(uint16_t fcs, const uint8_t *p, int len);
void oput(uint8_t b);
void oput_esc(uint8_t b);
void queue_frame(uint16_t proto, const uint8_t *p, int len, int bad_fcs);
void queue_cp(uint16_t proto, uint8_t code, uint8_t id,
		     const uint8_t *data, int len, int lenfield);
struct seen *seen_of(uint16_t proto, uint8_t code);
void got_frame(const uint8_t *f, int len);
void hdlc_byte(uint8_t b);
void read_input(void);
void flush_output(void);
int pump(int ms, int ctl);
void open_pty(const char *path);
int parse_mac(const char *s, unsigned char *mac);
void open_pppoe(const char *ifname);
int put_opt32(uint8_t *p, uint8_t type, uint32_t v);
void send_cr(struct cp *c, int new_id);
void retransmit(void);
uint32_t get32(const uint8_t *p);
void reject_all(struct cp *c, const uint8_t *p, int len);
void nak_magic(struct cp *c, const uint8_t *p, int len);
void judge_ipcp(struct cp *c, const uint8_t *p, int len);
void cp_reset(struct cp *c);
void rx_confreq(struct cp *c, const uint8_t *p, int len);
void rx_naknrej(struct cp *c, const uint8_t *p, int len, int rej);
void dispatch(uint16_t proto, const uint8_t *p, int len);
int lcp_open(void);
int ipcp_open(void);
unsigned int count_of(uint16_t proto, uint8_t code);
struct seen *await(uint16_t proto, uint8_t code, unsigned int before,
			  int ms);
unsigned int replies(void);
int barrier(void);
void expect_silence(const char *what);
void step_up(int lcp_only);
void step_sync(void);
void step_crflood(int n);
void step_echoflood(int n);
void step_silent(int ms);
void step_naks(int n, int silent);
void step_truncated(void);
void step_zerolen(void);
void step_badopts(void);
void step_wrongids(void);
void expect_coderej(uint16_t proto, const uint8_t *pkt, int len,
			   int max);
void step_unknowncode(int max);
void step_unknownproto(void);
void step_protoflood(int n);
void step_oversized(int max);
void step_termstorm(int n);
void step_reneg(int n);
void step_protrej(uint16_t proto);
void step_loop(int ms);
void bad_usage(void);
int arg_n(const char *step, int def);
void run_step(const char *s);
int wait_until(int (*cond)(void), int ms);

#endif
