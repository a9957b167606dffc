// Right-to-left text reordered for display with ICU's bidi algorithm. Stored text and
// editing stay in logical order; only what is drawn is reordered.
#ifndef BLETHER_BIDI_REORDER_H
#define BLETHER_BIDI_REORDER_H

#include <stdint.h>

/// Reorders one line of UTF-16 text from logical to visual order. `rtl` sets the
/// paragraph direction (1 for a right-to-left language). Writes `length` units to
/// `visual`; returns 0 on success, a negative ICU error code otherwise.
int32_t blether_bidi_visual(const uint16_t *logical, int32_t length, int rtl, uint16_t *visual);

#endif
