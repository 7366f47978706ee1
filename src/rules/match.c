/* match.c - a rule's detection list on its buffers, and its header tests.
 *
 * The detection list (struct rule.m) is evaluated buffer by buffer, in the
 * order of each buffer's first element; within a buffer, in rule order.
 * Each element sees "prev", the end of the previous position-setting match
 * in the same buffer (0 before any): contents and pcres that match,
 * byte_jump and byte_extract set it; byte_test, isdataat, bsize and
 * negated elements leave it.  byte_extract variables carry over from one
 * buffer to the next.
 *
 * Backtracking, as Suricata's content inspection does it: when an element
 * fails, the nearest earlier content or pcre of the same buffer whose
 * position a later element depends on is tried again at its next
 * occurrence, and the elements after it are evaluated afresh.  Each
 * element evaluated costs one step of a per-call budget (RM_BUDGET); when
 * it runs out the rule does not match.  A failure that no earlier choice
 * can change (an absolute element using no variable) ends the evaluation
 * at once.  Buffers are not backtracked across: once a buffer's elements
 * all hold, its variables are final.
 *
 * Absent buffers: an element whose buffer is not in rm_bufs.have makes the
 * rule not match, negated or not.  That is Suricata's behaviour: a buffer
 * that does not exist (no User-Agent header, say) is never inspected, so
 * `http.user_agent; content:!"x";` does not alert on a request without
 * one.  A buffer present but empty is inspected (a negated content holds
 * there). */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "internal.h"

#define RM_BUDGET 1024            /* elements evaluated per rm_match */
#define RM_PCRE_MATCH_LIMIT 100000 /* pcre2's backtracking per pcre2_match */
#define RM_PCRE_DEPTH_LIMIT 10000
#define RM_OVEC_PAIRS 32
/* A number from the packet (or a variable) used as a position is capped
 * here: beyond any buffer, small enough that sums of a few do not
 * overflow int64_t. */
#define POS_CAP ((int64_t)1 << 40)

struct rm_scratch {
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	pcre2_jit_stack *jstack;
	uint64_t vars[RULE_VARS_MAX];
	/* per element of the evaluation order */
	unsigned cap;
	unsigned *order;    /* index into rule.m */
	int64_t *pin;       /* prev on entry */
	int64_t *pout;      /* prev after it held */
	int64_t *last;      /* content/pcre: start of its current match, -1: none yet */
	uint8_t *info;      /* EI_* */
	int budget;
};

/* struct rm_scratch.info bits */
#define EI_GRPSTART 0x01 /* first element of its buffer */
#define EI_RETRY    0x02 /* a later element depends on its position: retried */
#define EI_ABORT    0x04 /* its failure on a fresh try ends the evaluation */
#define EI_ABORT2   0x08 /* its failure on a retry ends the evaluation */
#define EI_LAST     0x10 /* the last position-setting match on RB_PKT (pkt_old) */

struct rm_scratch *rm_scratch_new(void)
{
	struct rm_scratch *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->md = pcre2_match_data_create(RM_OVEC_PAIRS, NULL);
	s->mctx = pcre2_match_context_create(NULL);
	s->jstack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
	if (!s->md || !s->mctx) {
		rm_scratch_free(s);
		return NULL;
	}
	pcre2_set_match_limit(s->mctx, RM_PCRE_MATCH_LIMIT);
	pcre2_set_depth_limit(s->mctx, RM_PCRE_DEPTH_LIMIT);
	if (s->jstack)
		pcre2_jit_stack_assign(s->mctx, NULL, s->jstack);
	return s;
}

void rm_scratch_free(struct rm_scratch *s)
{
	if (!s)
		return;
	pcre2_match_data_free(s->md);
	pcre2_match_context_free(s->mctx);
	if (s->jstack)
		pcre2_jit_stack_free(s->jstack);
	free(s->order);
	free(s->pin);
	free(s->pout);
	free(s->last);
	free(s->info);
	free(s);
}

static int scratch_fit(struct rm_scratch *s, unsigned n)
{
	if (n <= s->cap)
		return 0;
	unsigned cap = s->cap ? s->cap : 16;
	while (cap < n)
		cap *= 2;
	unsigned *o = realloc(s->order, cap * sizeof *o);
	if (!o)
		return -1;
	s->order = o;
	int64_t *a = realloc(s->pin, cap * sizeof *a);
	if (!a)
		return -1;
	s->pin = a;
	a = realloc(s->pout, cap * sizeof *a);
	if (!a)
		return -1;
	s->pout = a;
	a = realloc(s->last, cap * sizeof *a);
	if (!a)
		return -1;
	s->last = a;
	uint8_t *i = realloc(s->info, cap);
	if (!i)
		return -1;
	s->info = i;
	s->cap = cap;
	return 0;
}

/* ---- content search --------------------------------------------------------- */

static inline uint8_t lc(uint8_t c)
{
	return (uint8_t)(c + ((unsigned)(c - 'A') < 26u ? 32 : 0));
}

static inline int is_alpha(uint8_t c)
{
	return (unsigned)(lc(c) - 'a') < 26u;
}

static int ci_eq(const uint8_t *a, const uint8_t *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (lc(a[i]) != lc(b[i]))
			return 0;
	return 1;
}

#ifndef __SSE2__
/* How common a byte is in traffic (lower: rarer); a letter costs double,
 * its two cases being searched for. */
static unsigned byte_cost(uint8_t c)
{
	static const char freq[] = "zqjxkvbpygfwmucldrhsnioate"; /* rarest first */
	if (is_alpha(c)) {
		const char *p = memchr(freq, lc(c), 26);
		return 2 * (4 + (unsigned)(p - freq));
	}
	if (c >= '0' && c <= '9')
		return 4;
	switch (c) {
	case 0: case ' ': case '/': case '.': case '\r': case '\n': case '=': case '&':
	case ':': case '-': case '_': case 0xff: case ',': case ';': case '"':
		return 8;
	}
	return 1;
}

/* The first occurrence of nd in h, ASCII case ignored: memchr on one of
 * its rarer bytes (both cases of a letter), then a compare. */
static const uint8_t *find_ci_scalar(const uint8_t *h, size_t hl, const uint8_t *nd, size_t nl)
{
	if (nl == 0)
		return h;
	if (nl > hl)
		return NULL;
	size_t k = 0;
	unsigned best = UINT_MAX;
	for (size_t i = 0; i < nl; i++) {
		unsigned c = byte_cost(nd[i]);
		if (c < best) {
			best = c;
			k = i;
			if (c == 1)
				break;
		}
	}
	/* byte k of a match lies in [h + k, end) */
	const uint8_t *s = h + k, *end = h + (hl - nl) + k + 1;
	uint8_t c = nd[k];
	if (!is_alpha(c)) {
		while (s < end) {
			const uint8_t *p = memchr(s, c, (size_t)(end - s));
			if (!p)
				return NULL;
			if (ci_eq(p - k, nd, nl))
				return p - k;
			s = p + 1;
		}
		return NULL;
	}
	uint8_t lo = lc(c), up = (uint8_t)(lo - 32);
	const uint8_t *pl = memchr(s, lo, (size_t)(end - s));
	const uint8_t *pu = memchr(s, up, (size_t)(end - s));
	while (pl || pu) {
		const uint8_t *p = (pl && (!pu || pl < pu)) ? pl : pu;
		if (ci_eq(p - k, nd, nl))
			return p - k;
		if (p == pl)
			pl = memchr(p + 1, lo, (size_t)(end - (p + 1)));
		else
			pu = memchr(p + 1, up, (size_t)(end - (p + 1)));
	}
	return NULL;
}
#endif

#ifdef __SSE2__
/* 16 candidate starts at a time: those whose first and last bytes match
 * the pattern's (a letter's case folded by or-ing 0x20 in, which maps
 * only its two cases onto its lower case), then a compare.  The reads
 * stay inside h: a block is taken only when all its 16 starts are valid. */
static const uint8_t *find_sse2(const uint8_t *h, size_t hl, const uint8_t *nd, size_t nl,
                                int nocase)
{
	size_t last = hl - nl, k2 = nl - 1, i = 0;
	uint8_t a = nd[0], b = nd[k2];
	int fa = nocase && is_alpha(a), fb = nocase && is_alpha(b);
	const __m128i m1 = _mm_set1_epi8(fa ? 0x20 : 0), c1 = _mm_set1_epi8((char)(fa ? lc(a) : a));
	const __m128i m2 = _mm_set1_epi8(fb ? 0x20 : 0), c2 = _mm_set1_epi8((char)(fb ? lc(b) : b));
	for (; i + 15 <= last; i += 16) {
		__m128i x1 = _mm_loadu_si128((const __m128i *)(const void *)(h + i));
		__m128i x2 = _mm_loadu_si128((const __m128i *)(const void *)(h + i + k2));
		__m128i e = _mm_and_si128(_mm_cmpeq_epi8(_mm_or_si128(x1, m1), c1),
		                          _mm_cmpeq_epi8(_mm_or_si128(x2, m2), c2));
		unsigned mask = (unsigned)_mm_movemask_epi8(e);
		while (mask) {
			const uint8_t *p = h + i + (unsigned)__builtin_ctz(mask);
			if (nocase ? ci_eq(p, nd, nl) : !memcmp(p, nd, nl))
				return p;
			mask &= mask - 1;
		}
	}
	for (; i <= last; i++)
		if (nocase ? ci_eq(h + i, nd, nl) : !memcmp(h + i, nd, nl))
			return h + i;
	return NULL;
}
#endif

/* The first occurrence of nd in h (nocase: ASCII case ignored). */
static const uint8_t *find(const uint8_t *h, size_t hl, const uint8_t *nd, size_t nl, int nocase)
{
	if (nl == 0)
		return h;
	if (nl > hl)
		return NULL;
	if (nl == 1 && !(nocase && is_alpha(nd[0])))
		return memchr(h, nd[0], hl);
#ifdef __SSE2__
	return find_sse2(h, hl, nd, nl, nocase);
#else
	return nocase ? find_ci_scalar(h, hl, nd, nl) : memmem(h, hl, nd, nl);
#endif
}

/* The first start >= from of m's pattern lying wholly in [from, to) of p,
 * honouring startswith (at ws only) and endswith (ending at n); -1 none. */
static int64_t content_find(const struct rm *m, const uint8_t *p, int64_t n, int64_t ws,
                            int64_t from, int64_t to)
{
	int64_t pl = m->plen;
	if (from < 0)
		from = 0;
	if (to > n)
		to = n;
	if (from + pl > to)
		return -1;
	int nocase = (m->flags & RMF_NOCASE) != 0;
	if (m->flags & (RMF_STARTSWITH | RMF_ENDSWITH)) {
		int64_t at;
		if (m->flags & RMF_STARTSWITH) {
			at = ws < 0 ? 0 : ws;
			if ((m->flags & RMF_ENDSWITH) && at + pl != n)
				return -1;
		} else {
			at = n - pl;
		}
		if (at < from || at + pl > to)
			return -1;
		if (pl == 0)
			return at;
		if (nocase ? ci_eq(p + at, m->pat, (size_t)pl) : !memcmp(p + at, m->pat, (size_t)pl))
			return at;
		return -1;
	}
	if (pl == 0)
		return from;
	const uint8_t *h = p + from;
	size_t hl = (size_t)(to - from);
	const uint8_t *f = find(h, hl, m->pat, (size_t)pl, nocase);
	return f ? (int64_t)(f - p) : -1;
}

/* ---- numbers ------------------------------------------------------------------ */

struct ctx {
	const struct rule *r;
	const struct rm_bufs *b;
	struct rm_scratch *s;
};

/* A position-like number: its value, or its variable's (capped). */
static int64_t num(const struct rm_scratch *s, struct rm_num x)
{
	if (x.var < 0)
		return x.v;
	if (x.var >= RULE_VARS_MAX)
		return 0;
	uint64_t v = s->vars[(int)x.var];
	return v > (uint64_t)POS_CAP ? POS_CAP : (int64_t)v;
}

/* A value to compare with: its variable's, or v taken as unsigned 32 bits
 * (byte_test:4,>,0xffffffff is stored as -1). */
static uint64_t unum(const struct rm_scratch *s, struct rm_num x)
{
	if (x.var < 0)
		return (uint32_t)x.v;
	if (x.var >= RULE_VARS_MAX)
		return 0;
	return s->vars[(int)x.var];
}

static int cmp(unsigned op, uint64_t x, uint64_t v, uint64_t v2)
{
	switch (op) {
	case OP_EQ: return x == v;
	case OP_NE: return x != v;
	case OP_LT: return x < v;
	case OP_GT: return x > v;
	case OP_LE: return x <= v;
	case OP_GE: return x >= v;
	case OP_AND: return (x & v) != 0;
	case OP_OR: return (x ^ v) != 0;
	case OP_RANGE: return v < x && x < v2;
	}
	return 0;
}

/* The number of nbytes at pos: binary (big endian, or little with
 * little/dce), or text in base 8/10/16 (leading digits, at least one; the
 * number ends at the first byte that is not a digit of the base, as
 * strtoul reads it); then the bitmask, shifted right by its trailing zero
 * bits.  0 when it cannot be read. */
static int read_num(const struct rm *m, const uint8_t *p, int64_t n, int64_t pos, uint64_t *out)
{
	unsigned nb = m->nbytes;
	if (nb == 0 || pos < 0 || pos + nb > n)
		return 0;
	const uint8_t *q = p + pos;
	uint64_t v = 0;
	if (m->flags & RMF_STRING) {
		unsigned base = m->base ? m->base : 10;
		if ((base != 8 && base != 10 && base != 16) || nb > 20)
			return 0;
		unsigned i = 0;
		for (; i < nb; i++) {
			unsigned c = q[i], d;
			if (c >= '0' && c <= '9')
				d = c - '0';
			else if (c >= 'a' && c <= 'f')
				d = c - 'a' + 10;
			else if (c >= 'A' && c <= 'F')
				d = c - 'A' + 10;
			else
				break;
			if (d >= base)
				break;
			if (v > (UINT64_MAX - d) / base)
				return 0;
			v = v * base + d;
		}
		if (i == 0)
			return 0;
	} else {
		if (nb > 8)
			return 0;
		if (m->flags & (RMF_LITTLE | RMF_DCE))
			for (unsigned i = nb; i-- > 0;)
				v = v << 8 | q[i];
		else
			for (unsigned i = 0; i < nb; i++)
				v = v << 8 | q[i];
	}
	if (m->bitmask) {
		v &= m->bitmask;
		v >>= __builtin_ctzll(m->bitmask);
	}
	*out = v;
	return 1;
}

/* byte_jump's and byte_extract's value: times the multiplier (1 when not
 * positive), rounded up to 4 with align; 0 when absurdly large. */
static int scale(const struct rm *m, uint64_t *v)
{
	uint64_t mul = m->multiplier > 0 ? (uint64_t)m->multiplier : 1;
	if (*v > (uint64_t)POS_CAP / mul)
		return 0;
	*v *= mul;
	if (m->flags & RMF_ALIGN)
		*v = (*v + 3) & ~(uint64_t)3;
	return 1;
}

/* ---- one element ------------------------------------------------------------- */

static int is_relative(const struct rm *m)
{
	if (m->flags & RMF_RELATIVE)
		return 1;
	return m->kind == RM_CONTENT && (m->has & (RMH_DISTANCE | RMH_WITHIN));
}

/* Sets prev when it holds. */
static int sets_pos(const struct rm *m)
{
	switch (m->kind) {
	case RM_CONTENT:
	case RM_PCRE:
		return !(m->flags & RMF_NEG);
	case RM_BYTE_JUMP:
	case RM_BYTE_EXTRACT:
		return 1;
	}
	return 0;
}

static int uses_vars(const struct rm *m)
{
	switch (m->kind) {
	case RM_CONTENT:
		return ((m->has & RMH_OFFSET) && m->offset.var >= 0) ||
		       ((m->has & RMH_DEPTH) && m->depth.var >= 0) ||
		       ((m->has & RMH_DISTANCE) && m->distance.var >= 0) ||
		       ((m->has & RMH_WITHIN) && m->within.var >= 0);
	case RM_BYTE_TEST:
		return m->offset.var >= 0 || m->value.var >= 0;
	case RM_BYTE_JUMP:
	case RM_BYTE_EXTRACT:
	case RM_ISDATAAT:
		return m->offset.var >= 0;
	case RM_BSIZE:
		return m->value.var >= 0;
	}
	return 0;
}

/* re is JIT-compiled the first time it runs, not when the rules load: most
 * of ET Open's eight thousand patterns never run on a given capture, and
 * compiling them all took a sixth of the loading time. */
static int pcre_run(struct rm_scratch *s, pcre2_code *re, const uint8_t *sub, size_t len,
                    size_t so)
{
	size_t jit = 0;
	uint32_t opts = 0;
	pcre2_pattern_info(re, PCRE2_INFO_JITSIZE, &jit);
	if (!jit && pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) == 0)
		pcre2_pattern_info(re, PCRE2_INFO_JITSIZE, &jit);
	pcre2_pattern_info(re, PCRE2_INFO_ALLOPTIONS, &opts);
	/* pcre2_jit_match skips the UTF check: only without UTF */
	if (jit && !(opts & PCRE2_UTF)) {
		int rc = pcre2_jit_match(re, sub, len, so, 0, s->md, s->mctx);
		if (rc != PCRE2_ERROR_JIT_BADOPTION)
			return rc;
	}
	return pcre2_match(re, sub, len, so, 0, s->md, s->mctx);
}

/* Evaluates element m on p[0..n) with prev; *last: the start of its
 * previous match when retried (-1 on a fresh try), set to the new one;
 * *out: prev after it.  islast: it is the RB_PKT match that must end
 * after pkt_old. */
static int eval(struct ctx *c, const struct rm *m, const uint8_t *p, int64_t n, int64_t prev,
                int64_t *last, int64_t *out, int islast)
{
	struct rm_scratch *s = c->s;
	int neg = (m->flags & RMF_NEG) != 0;
	*out = prev;
	switch (m->kind) {
	case RM_CONTENT: {
		int64_t ws, we;
		if (is_relative(m)) {
			ws = prev + ((m->has & RMH_DISTANCE) ? num(s, m->distance) : 0);
			we = (m->has & RMH_WITHIN) ? ws + num(s, m->within) : n;
		} else {
			ws = (m->has & RMH_OFFSET) ? num(s, m->offset) : 0;
			we = (m->has & RMH_DEPTH) ? ws + num(s, m->depth) : n;
		}
		if (ws < 0)
			ws = 0;
		if (neg)
			return content_find(m, p, n, ws, ws, we) < 0;
		int64_t from = *last >= 0 ? *last + 1 : ws;
		if (islast && (int64_t)c->b->pkt_old + 1 - (int64_t)m->plen > from)
			from = (int64_t)c->b->pkt_old + 1 - (int64_t)m->plen;
		int64_t at = content_find(m, p, n, ws, from, we);
		if (at < 0)
			return 0;
		/* an empty pattern ending at pkt_old is not new */
		if (islast && at + (int64_t)m->plen <= (int64_t)c->b->pkt_old)
			return 0;
		*last = at;
		*out = at + m->plen;
		return 1;
	}
	case RM_PCRE: {
		if (!m->re)
			return 0;
		int64_t start = (m->flags & RMF_RELATIVE) ? prev : 0;
		if (start < 0)
			start = 0;
		if (start > n)
			return 0;
		const uint8_t *sub = p + start;
		size_t len = (size_t)(n - start);
		if (neg) {
			int rc = pcre_run(s, m->re, sub, len, 0);
			return rc == PCRE2_ERROR_NOMATCH;
		}
		int64_t so = *last >= 0 ? *last - start + 1 : 0;
		for (;;) {
			if (so < 0 || (size_t)so > len)
				return 0;
			int rc = pcre_run(s, m->re, sub, len, (size_t)so);
			if (rc < 0)
				return 0;
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
			int64_t ms = (int64_t)ov[0], me = (int64_t)ov[1];
			if (ms > (int64_t)len)
				return 0;
			if (me < ms)
				me = ms;
			if (me > (int64_t)len)
				me = (int64_t)len;
			if (islast && start + me <= (int64_t)c->b->pkt_old) {
				if (--s->budget < 0)
					return 0;
				so = ms + 1;
				continue;
			}
			*last = start + ms;
			*out = start + me;
			return 1;
		}
	}
	case RM_BYTE_TEST: {
		int64_t pos = ((m->flags & RMF_RELATIVE) ? prev : 0) + num(s, m->offset);
		uint64_t x;
		if (!read_num(m, p, n, pos, &x))
			return 0;
		int ok = cmp(m->op, x, unum(s, m->value), m->value2);
		return neg ? !ok : ok;
	}
	case RM_BYTE_JUMP: {
		int64_t pos = ((m->flags & RMF_RELATIVE) ? prev : 0) + num(s, m->offset);
		uint64_t x;
		if (!read_num(m, p, n, pos, &x) || !scale(m, &x))
			return 0;
		int64_t base = (m->flags & RMF_BEGIN) ? 0 : (m->flags & RMF_END) ? n : pos + m->nbytes;
		int64_t np = base + (int64_t)x + m->post_offset;
		if (np < 0 || np > n)
			return 0;
		*out = np;
		return 1;
	}
	case RM_BYTE_EXTRACT: {
		int64_t pos = ((m->flags & RMF_RELATIVE) ? prev : 0) + num(s, m->offset);
		uint64_t x;
		if (m->var >= RULE_VARS_MAX || !read_num(m, p, n, pos, &x) || !scale(m, &x))
			return 0;
		s->vars[m->var] = x;
		*out = pos + m->nbytes;
		return 1;
	}
	case RM_ISDATAAT: {
		/* Suricata: isdataat:N holds when byte N exists (N < len);
		 * isdataat:N,relative when N more bytes follow prev */
		int64_t off = num(s, m->offset);
		int ok = (m->flags & RMF_RELATIVE) ? prev + off <= n : off >= 0 && off < n;
		return neg ? !ok : ok;
	}
	case RM_BSIZE: {
		int ok = cmp(m->op, (uint64_t)n, unum(s, m->value), m->value2);
		return neg ? !ok : ok;
	}
	}
	return 0;
}

/* ---- the list ------------------------------------------------------------------ */

/* The evaluation order (elements grouped by buffer, buffers in the order
 * of their first element) and each element's EI_* bits.  Returns the
 * number of elements, or -1 when a buffer is absent or invalid. */
static int plan(const struct rule *r, const struct rm_bufs *b, struct rm_scratch *s)
{
	unsigned nm = r->nm, k = 0;
	uint64_t seen = 0;
	for (unsigned i = 0; i < nm; i++) {
		unsigned buf = r->m[i].buf;
		if (buf >= RB_MAX || buf >= 64 || !((b->have >> buf) & 1))
			return -1;
		if ((seen >> buf) & 1)
			continue;
		seen |= (uint64_t)1 << buf;
		for (unsigned j = i; j < nm; j++)
			if (r->m[j].buf == buf)
				s->order[k++] = j;
	}
	/* per buffer: retry and abort bits, the RB_PKT match that pkt_old
	 * concerns */
	unsigned g = 0;
	while (g < k) {
		unsigned buf = r->m[s->order[g]].buf, e = g;
		while (e < k && r->m[s->order[e]].buf == buf)
			e++;
		int pending = 0, lastdone = !(buf == RB_PKT && b->pkt_old > 0);
		for (unsigned i = e; i-- > g;) {
			const struct rm *m = &r->m[s->order[i]];
			uint8_t inf = 0;
			int rel = is_relative(m);
			if (sets_pos(m) && (m->kind == RM_CONTENT || m->kind == RM_PCRE)) {
				if (pending)
					inf |= EI_RETRY;
				if (!lastdone) {
					inf |= EI_LAST;
					lastdone = 1;
				}
			}
			if (!rel && !uses_vars(m))
				inf |= EI_ABORT;
			if (rel)
				pending = 1;
			else if (sets_pos(m))
				pending = 0;
			s->info[i] = inf;
		}
		/* a retried absolute element that runs out of occurrences ends it
		 * too, unless a variable set before it could change what follows */
		int extract_before = 0;
		for (unsigned i = g; i < e; i++) {
			if ((s->info[i] & EI_ABORT) && !extract_before)
				s->info[i] |= EI_ABORT2;
			if (r->m[s->order[i]].kind == RM_BYTE_EXTRACT)
				extract_before = 1;
		}
		s->info[g] |= EI_GRPSTART;
		g = e;
	}
	return (int)k;
}

int rm_match(const struct rule *r, const struct rm_bufs *b, struct rm_scratch *s)
{
	if (!r || !b || !s)
		return 0;
	if (r->nm == 0)
		return 1;
	if (!r->m || scratch_fit(s, r->nm) < 0)
		return 0;
	int k = plan(r, b, s);
	if (k < 0)
		return 0;
	memset(s->vars, 0, sizeof s->vars);
	s->budget = RM_BUDGET;
	struct ctx c = { r, b, s };
	int i = 0;
	s->pin[0] = 0;
	s->last[0] = -1;
	while (i < k) {
		const struct rm *m = &r->m[s->order[i]];
		int retried = s->last[i] >= 0;
		if (--s->budget < 0)
			return 0;
		/* a present buffer may be (NULL, 0) */
		const uint8_t *bp = b->p[m->buf] ? b->p[m->buf] : (const uint8_t *)"";
		int64_t bn = b->p[m->buf] ? b->n[m->buf] : 0;
		if (eval(&c, m, bp, bn, s->pin[i], &s->last[i], &s->pout[i], (s->info[i] & EI_LAST) != 0)) {
			i++;
			if (i < k) {
				s->pin[i] = (s->info[i] & EI_GRPSTART) ? 0 : s->pout[i - 1];
				s->last[i] = -1;
			}
			continue;
		}
		if (s->budget < 0 || (s->info[i] & (retried ? EI_ABORT2 : EI_ABORT)))
			return 0;
		/* back to the nearest earlier element of this buffer worth
		 * another occurrence */
		int j = i;
		while (!(s->info[j] & EI_GRPSTART)) {
			j--;
			if (s->info[j] & EI_RETRY)
				break;
		}
		if (j == i || !(s->info[j] & EI_RETRY))
			return 0;
		i = j;
	}
	return 1;
}

/* ---- header tests ------------------------------------------------------------- */

/* flags and fragbits: exactly, all of, any of, none of the wanted bits */
static int bits(unsigned op, unsigned have, unsigned want)
{
	switch (op) {
	case RH_BITS_EXACT: return have == want;
	case RH_BITS_ALL: return (have & want) == want;
	case RH_BITS_ANY: return (have & want) != 0;
	case RH_BITS_NOT: return (have & want) == 0;
	}
	return 0;
}

int rh_match(const struct rule *r, const struct facts *f)
{
	int ip = f->net == NET_IP4 || f->net == NET_IP6, v4 = f->net == NET_IP4;
	for (unsigned i = 0; i < r->nhdr; i++) {
		const struct rh *h = &r->hdr[i];
		uint64_t x = 0;
		int ok = -1; /* -1: compare x */
		switch (h->field) {
		case RH_DSIZE:
			x = f->payload_len;
			break;
		case RH_ITYPE:
		case RH_ICODE:
			if (!f->has_icmp)
				return 0;
			x = h->field == RH_ITYPE ? f->icmp_type : f->icmp_code;
			break;
		case RH_ICMP_ID:
		case RH_ICMP_SEQ:
			if (!f->has_icmp || !f->has_icmp_echo)
				return 0;
			x = h->field == RH_ICMP_ID ? f->icmp_id : f->icmp_seq;
			break;
		case RH_IP_PROTO:
		case RH_TTL:
		case RH_TOS:
			if (!ip)
				return 0;
			x = h->field == RH_IP_PROTO ? f->proto : h->field == RH_TTL ? f->ttl : f->tos;
			break;
		case RH_ID:
			if (!v4)
				return 0;
			x = f->ip_id;
			break;
		case RH_SEQ:
		case RH_ACK:
		case RH_WINDOW:
			if (!f->has_tcp)
				return 0;
			x = h->field == RH_SEQ ? f->seq : h->field == RH_ACK ? f->ack : f->win;
			break;
		case RH_FLAGS:
			if (!f->has_tcp)
				return 0;
			ok = bits(h->op, f->tcp_flags & ~h->hi & 0xffu, h->lo & ~h->hi & 0xffu);
			break;
		case RH_FRAGBITS:
			if (!v4)
				return 0;
			ok = bits(h->op, f->ip_flags & 7u, h->lo & 7u);
			break;
		case RH_IPOPTS:
			if (!v4)
				return 0;
			ok = h->lo >= 256 ? f->ip_opts != 0 : (f->ip_opts >> (h->lo & 31)) & 1;
			break;
		case RH_SAMEIP:
			if (!ip || (f->addr_len != 4 && f->addr_len != 16))
				return 0;
			ok = !memcmp(f->src, f->dst, f->addr_len);
			break;
		default:
			return 0;
		}
		if (ok < 0)
			ok = cmp(h->op, x, h->lo, h->hi);
		if (h->neg)
			ok = !ok;
		if (!ok)
			return 0;
	}
	return 1;
}
