/* osi.h - helpers shared by the OSI printers (isoclns.c, esis.c, isis.c). */
#ifndef TRAWL_OSI_H
#define TRAWL_OSI_H

#include "print.h"

/* An NSAP as "49.0001.0000..."; "isonsap_string: illegal length" when
 * n is 0 or above 20.  Unwinds when the bytes were not captured. */
void osi_nsap(nd_t *nd, const uint8_t *p, unsigned n);
/* " (unverified)", " (correct)" or " (incorrect should be 0x....)". */
void osi_cksum(nd_t *nd, const uint8_t *p, unsigned cksum, unsigned off,
               unsigned len);
const char *osi_nlpid_name(unsigned v);
void esis_print(nd_t *nd, const uint8_t *p, unsigned len);
int isis_print(nd_t *nd, const uint8_t *p, unsigned len);

#endif
