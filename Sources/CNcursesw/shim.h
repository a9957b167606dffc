// The slice of ncursesw that Blether's terminal driver uses.
// SwiftPM drops the -D flags of ncursesw.pc, so the wide-character API is switched on here.
#ifndef BLETHER_CNCURSESW_SHIM_H
#define BLETHER_CNCURSESW_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

int wcwidth(wchar_t c);

// Attributes and sizes are macros that do not import into Swift.
static inline attr_t blether_attr_normal(void) { return A_NORMAL; }
static inline attr_t blether_attr_bold(void) { return A_BOLD; }
static inline attr_t blether_attr_reverse(void) { return A_REVERSE; }
static inline attr_t blether_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t blether_attr_dim(void) { return A_DIM; }
static inline attr_t blether_color_pair(short pair) { return COLOR_PAIR(pair); }
static inline int blether_set_attributes(WINDOW *window, attr_t attributes) { return wattrset(window, (int)attributes); }
static inline int blether_rows(WINDOW *window) { return getmaxy(window); }
static inline int blether_columns(WINDOW *window) { return getmaxx(window); }
static inline int blether_key_code_yes(void) { return KEY_CODE_YES; }
static inline int blether_key_resize(void) { return KEY_RESIZE; }

// The code ncurses gives the key whose terminfo capability is `name` (such as "kLFT5"), or 0
// when the terminal description has no such key.
static inline int blether_key_code(const char *name) {
    char *sequence = tigetstr(name);
    if (sequence == NULL || sequence == (char *)-1) return 0;
    int code = key_defined(sequence);
    return code > 0 ? code : 0;
}

#endif
