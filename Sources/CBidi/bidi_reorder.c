#include <string.h>
#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include "bidi_reorder.h"

int32_t blether_bidi_levels(const uint16_t *logical, int32_t length, int rtl, uint8_t *levels) {
    UErrorCode status = U_ZERO_ERROR;
    UBiDi *bidi = ubidi_openSized(length, 0, &status);
    if (U_FAILURE(status)) { return -(int32_t)status; }
    ubidi_setPara(bidi, (const UChar *)logical, length, rtl ? UBIDI_RTL : UBIDI_LTR, NULL, &status);
    if (U_SUCCESS(status)) {
        const UBiDiLevel *resolved = ubidi_getLevels(bidi, &status);
        if (U_SUCCESS(status) && resolved != NULL) { memcpy(levels, resolved, (size_t)length); }
    }
    ubidi_close(bidi);
    return U_FAILURE(status) ? -(int32_t)status : 0;
}

uint32_t blether_bidi_mirror(uint32_t scalar) {
    return (uint32_t)u_charMirror((UChar32)scalar);
}
