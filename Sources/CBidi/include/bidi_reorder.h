// The Unicode bidi algorithm (ICU) for drawing: embedding levels of one line and mirrored
// brackets. Stored text and editing stay in logical order; only what is drawn is reordered.
#ifndef BLETHER_BIDI_REORDER_H
#define BLETHER_BIDI_REORDER_H

#include <stdint.h>

/// Resolves the embedding level of every UTF-16 unit of one line (rules up to L1) with the
/// paragraph direction given (`rtl` 1 for right to left, never guessed from the text).
/// Writes `length` levels to `levels`; returns 0 on success, a negative ICU error otherwise.
int32_t blether_bidi_levels(const uint16_t *logical, int32_t length, int rtl, uint8_t *levels);

/// The mirror image of a bracket or other mirrored character (`(` for `)`), or the character itself.
uint32_t blether_bidi_mirror(uint32_t scalar);

#endif
