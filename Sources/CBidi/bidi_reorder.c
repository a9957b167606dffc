#include <unicode/ubidi.h>
#include <unicode/ustring.h>
#include "bidi_reorder.h"

int32_t blether_bidi_visual(const uint16_t *logical, int32_t length, int rtl, uint16_t *visual) {
    UErrorCode status = U_ZERO_ERROR;
    UBiDi *bidi = ubidi_openSized(length, 0, &status);
    if (U_FAILURE(status)) { return -(int32_t)status; }
    ubidi_setPara(bidi, (const UChar *)logical, length, rtl ? UBIDI_RTL : UBIDI_LTR, NULL, &status);
    if (U_SUCCESS(status)) {
        ubidi_writeReordered(bidi, (UChar *)visual, length, UBIDI_DO_MIRRORING, &status);
    }
    ubidi_close(bidi);
    return U_FAILURE(status) ? -(int32_t)status : 0;
}
