/* vdir.h: a vdir, the folder of one vCard file per contact that khard, aerc
 * and vdirsyncer keep: read as one import reader (every *.vcf, in name
 * order, one file open at a time), and written back card by card. Depends on
 * vcard.h and import.h; reads and writes files, never prints. */
#ifndef KITH_VDIR_H
#define KITH_VDIR_H

#include <stdio.h>

#include "buf.h"
#include "import.h"
#include "vcard.h"

struct vdir_reader {
	char *dir;
	struct strv names; /* the *.vcf files, sorted */
	size_t next;       /* the next file to open */
	FILE *f;           /* the file open, NULL between files */
	struct vcard_reader vr;
	long photos_dropped;
};

/* Lists dir's *.vcf files; 0, or -1 with *cause. */
int vdir_reader_open(struct vdir_reader *r, const char *dir, char **cause);
void vdir_reader_close(struct vdir_reader *r);
/* The import reader over r (errors say "FILE.vcf: line N: ..."). */
struct import_reader vdir_import_reader(struct vdir_reader *r);

/* What vdir_export did. */
struct vdir_counts {
	long written, same, removed;
};
/* Writes every contact of st as DIR/UID.vcf (vcard_write), creating DIR
 * (0700) when missing: a card whose file already says the same is not
 * written again, each other is written whole and renamed into place, and the
 * files an earlier export wrote (listed in DIR/.kith-vdir) for contacts that
 * are gone are removed; files kith did not write are left alone. A card the
 * folder holds in a file not named after its UID (vdirsyncer names some by
 * a hash) is written to that file, and the manifest remembers it as
 * "NAME\tUID", so that no contact has two files. 0, or -1 with *cause. */
#define VDIR_MANIFEST ".kith-vdir"
int vdir_export(struct store *st, const char *dir, int version, struct vdir_counts *out,
                char **cause);
/* The file name a contact's card has in a vdir: its UID (import_contact_uid)
 * with '/' and other unsafe bytes as '_' (the id when that is empty or over
 * 200 bytes; a leading '.' as '_') and ".vcf" added. Caller frees. */
char *vdir_file_name(const struct contact *c);

#endif
