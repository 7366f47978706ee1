/* oui.h - the names tcpdump gives IEEE OUIs (the first three bytes of a MAC
 * address, SNAP's organization code, vendor-specific TLVs). */
#ifndef TRAWL_OUI_H
#define TRAWL_OUI_H

#include <stdint.h>

/* The name of a 24-bit OUI, or NULL when tcpdump knows none. */
const char *oui_name(uint32_t oui);

#endif
