/* file.h: writing a file whole or not at all: a temporary file beside it,
 * fsync, rename over the old one, then fsync of the folder. Core; depends on
 * POSIX files. */
#ifndef KITH_FILE_H
#define KITH_FILE_H

#include <stdio.h>

/* Fills a stream: 0, or -1 with *cause (the caller frees). */
typedef int (*file_fill_fn)(FILE *f, void *arg, char **cause);

/* Writes path (mode 0600 when new, else the old file's mode) with what
 * fill(f, arg) writes, through "path.tmp-PID": readers of path see the old
 * file or the new one, never a part. -1 with *cause, path untouched. */
int file_write_atomic(const char *path, file_fill_fn fill, void *arg, char **cause);

#endif
