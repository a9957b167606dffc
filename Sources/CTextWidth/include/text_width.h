// The C library's idea of how wide a character is on a terminal, which ncurses shares.
#ifndef BLETHER_TEXT_WIDTH_H
#define BLETHER_TEXT_WIDTH_H

/// Cells that the Unicode scalar takes under the current LC_CTYPE: -1 for a control
/// character, 0 for a combining mark, 2 for a wide character, else 1.
int blether_wcwidth(unsigned int scalar);

/// Makes sure LC_CTYPE is a UTF-8 locale (C.UTF-8 when the environment's is not);
/// returns 1 when it is.
int blether_ensure_utf8_ctype(void);

#endif
