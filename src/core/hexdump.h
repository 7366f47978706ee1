/* hexdump.h - the -x/-xx, -X/-XX and -A/-AA dumps and the raw-data dump
 * printers use for undecoded payloads. */
#ifndef TRAWL_HEXDUMP_H
#define TRAWL_HEXDUMP_H

#include <stdint.h>

#include "out.h"

/* ident precedes each line (tcpdump uses "\n\t"); oset is the first offset. */
void hex_dump(struct out *o, const char *ident, const uint8_t *p, unsigned len,
              unsigned oset);
void hex_ascii_dump(struct out *o, const char *ident, const uint8_t *p,
                    unsigned len, unsigned oset);
void ascii_dump(struct out *o, const uint8_t *p, unsigned len);

#endif
