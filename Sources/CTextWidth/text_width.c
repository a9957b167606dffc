#define _XOPEN_SOURCE 700
#include <locale.h>
#include <stdlib.h>
#include <wchar.h>
#include "text_width.h"

int blether_wcwidth(unsigned int scalar) {
    return wcwidth((wchar_t)scalar);
}

int blether_ensure_utf8_ctype(void) {
    if (MB_CUR_MAX == 1) {
        setlocale(LC_CTYPE, "C.UTF-8");
    }
    return MB_CUR_MAX > 1;
}
