/* charset.h: text encodings of imported files: a UTF-8 check, Windows-1252
 * and ISO-8859-1 to UTF-8, and a byte stream that drops a UTF-8 BOM and turns
 * UTF-16 (with a BOM, or sniffed from its zero bytes) into UTF-8 as it reads.
 * Pure but for reading the FILE it is given; depends on buf.h. */
#ifndef KITH_CHARSET_H
#define KITH_CHARSET_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"

enum charset { CHARSET_UTF8, CHARSET_CP1252, CHARSET_LATIN1, CHARSET_UNKNOWN };

/* A CHARSET= value ("utf-8", "UTF8", "windows-1252", "cp1252", "iso-8859-1",
 * "latin1", "us-ascii"; any case, quotes allowed): the charset, or
 * CHARSET_UNKNOWN for one kith cannot convert. */
enum charset charset_parse(const char *name);
/* 1 when the len bytes of s are valid UTF-8. */
int charset_is_utf8(const char *s, size_t len);
/* Appends the len bytes of s, in charset cs, as UTF-8 to out. UTF-8 and
 * unknown charsets are copied as they are when valid; a byte that is not
 * valid UTF-8 is then read as Windows-1252 (the usual reason for it). */
void charset_to_utf8(struct buf *out, const char *s, size_t len, enum charset cs);

/* Appends the len bytes of s, in the charset named `name` (any the C
 * library's iconv knows: Shift_JIS, ISO-8859-2 ...), as UTF-8 to out: 0, or
 * -1 (nothing appended) when the name is unknown or s is not in it. */
int charset_named_to_utf8(struct buf *out, const char *s, size_t len, const char *name);

/* A file read byte by byte as UTF-8. The first bytes decide the encoding:
 * EF BB BF (a UTF-8 BOM, dropped), FF FE or FE FF (UTF-16 with a BOM), a zero
 * byte first or second (UTF-16 without one, as some exporters write it);
 * anything else is read as it is. The stream does not own f. */
struct charset_stream {
	FILE *f;
	int utf16;  /* 0: bytes as they are; 1: UTF-16LE; 2: UTF-16BE */
	unsigned char pend[8];
	int npend, ipend;
};
void charset_stream_init(struct charset_stream *cs, FILE *f);
/* The next byte (0..255), or EOF at the end of the file or on a read error
 * (ferror(f) tells which). */
int charset_stream_getc(struct charset_stream *cs);
/* Up to n bytes into dst, as charset_stream_getc gives them, read in bulk:
 * how many (fewer than n at the end of the file or on a read error). */
size_t charset_stream_read(struct charset_stream *cs, char *dst, size_t n);
/* Puts back c, the byte the last charset_stream_getc returned. */
void charset_stream_ungetc(struct charset_stream *cs, int c);
/* Back to the start of the file (a regular file): 0, or -1 with *cause. */
int charset_stream_rewind(struct charset_stream *cs, char **cause);

#endif
