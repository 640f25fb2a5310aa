/* check_vcard.c: the vCard reader and writer (vcard.h) and the charsets they
 * read (charset.h): unfolding, escapes, QUOTED-PRINTABLE, CHARSET, UTF-16,
 * groups and labels, TYPE forms, birthdays, kept properties, the photo cap,
 * broken files; folding and round trips out; the corpus of real exports. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "err.h"
#include "import.h"
#include "store_test.h"
#include "vcard.h"

/* ---- helpers ---- */

struct vc_read {
	struct import_record rec[32];
	int n;
	int rc;        /* of the last vcard_next: 0 at the end, -1 on error */
	char *cause;
	long photos_dropped;
};

/* Reads every card of the len bytes at data. */
static void vc_read(struct vc_read *out, const char *data, size_t len)
{
	memset(out, 0, sizeof *out);
	FILE *f = fmemopen((void *)data, len, "rb");
	ck_assert_ptr_nonnull(f);
	struct vcard_reader r;
	vcard_reader_init(&r, f);
	for (;;) {
		struct import_record rec;
		import_record_init(&rec);
		out->rc = vcard_next(&r, &rec, &out->cause);
		if (out->rc != 1 || out->n == 32) {
			import_record_free(&rec);
			break;
		}
		out->rec[out->n++] = rec;
	}
	out->photos_dropped = r.photos_dropped;
	vcard_reader_free(&r);
	fclose(f);
}

static void vc_free(struct vc_read *v)
{
	for (int i = 0; i < v->n; i++)
		import_record_free(&v->rec[i]);
	free(v->cause);
}

#define VC_READ(v, lit) vc_read((v), (lit), sizeof(lit) - 1)

/* The i-th field of kind k ("" type and value when there is none). */
static const struct field *vc_field(const struct contact *c, enum field_kind k, int i)
{
	static const struct field none = {FIELD_VCARD, "", ""};
	for (size_t j = 0; j < c->nfields; j++)
		if (c->fields[j].kind == k && i-- == 0)
			return &c->fields[j];
	return &none;
}

/* ---- charset ---- */

START_TEST(test_charset_single_byte)
{
	struct buf b;
	buf_init(&b);
	charset_to_utf8(&b, "Caf\xe9 \x80", 6, CHARSET_CP1252);
	ck_assert_str_eq(buf_str(&b), "Café €");
	buf_reset(&b);
	charset_to_utf8(&b, "\xe9\x80", 2, CHARSET_LATIN1);
	ck_assert_str_eq(buf_str(&b), "é\xc2\x80");
	buf_reset(&b);
	/* UTF-8 stays; a stray byte in it is read as Windows-1252 */
	charset_to_utf8(&b, "Zo\xc3\xab \xe9", 6, CHARSET_UTF8);
	ck_assert_str_eq(buf_str(&b), "Zoë é");
	buf_reset(&b);
	ck_assert_int_eq(charset_named_to_utf8(&b, "\x88\xc0", 2, "SHIFT_JIS"), 0);
	ck_assert_str_eq(buf_str(&b), "安");
	buf_free(&b);
	ck_assert_int_eq(charset_parse("UTF-8"), CHARSET_UTF8);
	ck_assert_int_eq(charset_parse("\"utf8\""), CHARSET_UTF8);
	ck_assert_int_eq(charset_parse("Windows-1252"), CHARSET_CP1252);
	ck_assert_int_eq(charset_parse("ISO-8859-1"), CHARSET_LATIN1);
	ck_assert_int_eq(charset_parse("us-ascii"), CHARSET_UTF8);
	ck_assert_int_eq(charset_parse("SHIFT_JIS"), CHARSET_UNKNOWN);
	ck_assert(charset_is_utf8("é", 2));
	ck_assert(!charset_is_utf8("\xe9", 1));
}
END_TEST

/* Every byte a charset_stream gives for the len bytes at data. */
static char *cs_all(const char *data, size_t len)
{
	FILE *f = fmemopen((void *)data, len, "rb");
	struct charset_stream cs;
	charset_stream_init(&cs, f);
	struct buf b;
	buf_init(&b);
	buf_add(&b, "", 0);
	int c;
	while ((c = charset_stream_getc(&cs)) != EOF)
		buf_putc(&b, (char)c);
	fclose(f);
	return buf_detach(&b);
}

START_TEST(test_charset_stream)
{
	char *s = cs_all("\xef\xbb\xbf" "BEGIN", 8);
	ck_assert_str_eq(s, "BEGIN"); /* the BOM dropped */
	free(s);
	s = cs_all("\xff\xfe" "A\0\xe9\0\x3d\xd8\x00\xde", 10); /* UTF-16LE, BOM, a surrogate pair */
	ck_assert_str_eq(s, "Aé\xf0\x9f\x98\x80");
	free(s);
	s = cs_all("\0B\0E\x01\xfc", 6); /* UTF-16BE without a BOM */
	ck_assert_str_eq(s, "BEǼ");
	free(s);
	s = cs_all("\xef\xbb" "x", 3); /* not a BOM after all */
	ck_assert_str_eq(s, "\xef\xbbx");
	free(s);
	s = cs_all("ab", 2);
	ck_assert_str_eq(s, "ab");
	free(s);
}
END_TEST

/* ---- vCard in ---- */

START_TEST(test_line_ends_and_folds)
{
	struct vc_read v;
	/* CRLF, LF, CR and CR CR LF in one file; a space fold mid-address, a TAB
	 * fold, and a fold that splits a UTF-8 character */
	VC_READ(&v, "BEGIN:VCARD\r\nVERSION:3.0\nFN:Zo\xc3\r\n \xab Long\rEMAIL:zoe.lo\r\r\n ng@x.example\n"
	            "NOTE:a\n\tb\r\nEND:VCARD\r\nbegin:vcard\nfn:Second\nend:vcard");
	ck_assert_int_eq(v.rc, 0);
	ck_assert_int_eq(v.n, 2);
	ck_assert_str_eq(v.rec[0].c.name, "Zoë Long");
	ck_assert_str_eq(vc_field(&v.rec[0].c, FIELD_EMAIL, 0)->value, "zoe.long@x.example");
	ck_assert_str_eq(v.rec[0].c.notes, "ab");
	ck_assert_int_eq(v.rec[0].line, 1);
	ck_assert_str_eq(v.rec[1].c.name, "Second");
	ck_assert_int_eq(v.rec[1].line, 10);
	vc_free(&v);
}
END_TEST

START_TEST(test_escapes_and_lists)
{
	struct vc_read v;
	VC_READ(&v, "BEGIN:VCARD\nFN:Ana\\, the \\;first\\;\nORG:Acme\\; Co;Research;\n"
	            "NOTE:one\\ntwo\\Nthree \\\\ end\nCATEGORIES:friends, climbing\\, bouldering,,\n"
	            "CATEGORIES:work\nTITLE:CTO\nEND:VCARD\n");
	ck_assert_int_eq(v.n, 1);
	const struct contact *c = &v.rec[0].c;
	ck_assert_str_eq(c->name, "Ana, the ;first;");
	ck_assert_str_eq(c->org, "Acme; Co, Research");
	ck_assert_str_eq(c->notes, "one\ntwo\nthree \\ end");
	ck_assert_str_eq(c->role, "CTO");
	ck_assert_int_eq(c->tags.n, 3);
	ck_assert_str_eq(c->tags.v[0], "friends");
	ck_assert_str_eq(c->tags.v[1], "climbing, bouldering");
	ck_assert_str_eq(c->tags.v[2], "work");
	vc_free(&v);
}
END_TEST

START_TEST(test_quoted_printable)
{
	struct vc_read v;
	/* a soft break that splits a UTF-8 character, one inside an =XX escape, a
	 * continuation starting with a space that is data, =0D=0A in a note; a
	 * value that is not QP keeps its trailing '=' and is not joined */
	VC_READ(&v, "BEGIN:VCARD\r\nVERSION:2.1\r\n"
	            "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Jo=C3=\r\n=A3o =\r\n=D0=9F=D0=\r\n="
	            "\r\n=A0\r\n"
	            "NOTE;QUOTED-PRINTABLE:a=0D=0Ab=\r\n c\r\n"
	            "TITLE:parserbug=\r\nORG:Next\r\nEND:VCARD\r\n");
	ck_assert_int_eq(v.rc, 0);
	ck_assert_int_eq(v.n, 1);
	const struct contact *c = &v.rec[0].c;
	ck_assert_str_eq(c->name, "João ПР");
	ck_assert_str_eq(c->notes, "a\nb c");
	ck_assert_str_eq(c->role, "parserbug=");
	ck_assert_str_eq(c->org, "Next");
	vc_free(&v);
}
END_TEST

START_TEST(test_charset_param)
{
	struct vc_read v;
	VC_READ(&v, "BEGIN:VCARD\nN;CHARSET=windows-1252:Do\xeb;John;;;\nORG;CHARSET=ISO-8859-1:Caf\xe9\n"
	            "NOTE;CHARSET=\"UTF-8\":na\xc3\xafve\nEND:VCARD\n");
	ck_assert_int_eq(v.n, 1);
	ck_assert_str_eq(v.rec[0].c.name, "John Doë"); /* N's given and family names */
	ck_assert_str_eq(v.rec[0].c.org, "Café");
	ck_assert_str_eq(v.rec[0].c.notes, "naïve");
	vc_free(&v);
}
END_TEST

START_TEST(test_types_and_labels)
{
	struct vc_read v;
	VC_READ(&v, "BEGIN:VCARD\nFN:T\n"
	            "TEL;TYPE=work,voice:1\nTEL;TYPE=WORK;TYPE=VOICE:2\nTEL;WORK;VOICE:3\n"
	            "EMAIL;PREF;INTERNET:a@x\nEMAIL;TYPE=pref:b@x\nEMAIL;PREF=1;TYPE=home:c@x\n"
	            "EMAIL;PREF=2;X-SERVICE=\"a;b\":d@x\n"
	            "item1.EMAIL;type=INTERNET:e@x\nitem1.X-ABLabel:_$!<Other>!$_\n"
	            "item2.X-ABLabel:my \"club\"\nitem2.URL:https://club.example\n"
	            "item3.X-ABLabel:orphan\nitem3.IMPP:xmpp:t@x\nEND:VCARD\n");
	ck_assert_int_eq(v.n, 1);
	const struct contact *c = &v.rec[0].c;
	for (int i = 0; i < 3; i++)
		ck_assert_str_eq(vc_field(c, FIELD_PHONE, i)->type, "work,voice");
	ck_assert_str_eq(vc_field(c, FIELD_EMAIL, 0)->type, "pref,internet");
	ck_assert_str_eq(vc_field(c, FIELD_EMAIL, 1)->type, "pref");
	ck_assert_str_eq(vc_field(c, FIELD_EMAIL, 2)->type, "pref,home");
	ck_assert_str_eq(vc_field(c, FIELD_EMAIL, 3)->type, ";PREF=2;X-SERVICE=\"a;b\"");
	ck_assert_str_eq(vc_field(c, FIELD_EMAIL, 4)->type, "internet;X-ABLABEL=\"_$!<Other>!$_\"");
	ck_assert_str_eq(vc_field(c, FIELD_URL, 0)->type, ";X-ABLABEL=\"my ^'club^'\"");
	/* a group with no field kith reads keeps its lines as they are */
	ck_assert_str_eq(vc_field(c, FIELD_VCARD, 0)->value, "item3.IMPP:xmpp:t@x");
	ck_assert_str_eq(vc_field(c, FIELD_VCARD, 1)->value, "item3.X-ABLabel:orphan");
	vc_free(&v);
}
END_TEST

START_TEST(test_birthdays)
{
	static const char *const in[][2] = {
		{"BDAY:1985-04-12", "1985-04-12"},   {"BDAY:19850412", "1985-04-12"},
		{"BDAY:--0412", "--04-12"},          {"BDAY:--04-12", "--04-12"},
		{"BDAY:16040412", "--04-12"},        {"BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-12", "--04-12"},
		{"BDAY:1985-04-12T10:00:00Z", "1985-04-12"}, {"BDAY;VALUE=text:circa 1800", ""},
		{"BDAY:1985-13-12", ""},
	};
	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
		char *card = xasprintf("BEGIN:VCARD\nFN:B\n%s\nEND:VCARD\n", in[i][0]);
		struct vc_read v;
		vc_read(&v, card, strlen(card));
		ck_assert_int_eq(v.n, 1);
		ck_assert_msg(strcmp(v.rec[0].c.birthday, in[i][1]) == 0, "%s gave '%s'", in[i][0],
		              v.rec[0].c.birthday);
		/* what kith cannot say in its own form is kept as written */
		int kept = vc_field(&v.rec[0].c, FIELD_VCARD, 0)->value[0] != '\0';
		int plain = i < 4 || i == 5;
		ck_assert_msg(kept == !plain, "%s kept: %d", in[i][0], kept);
		vc_free(&v);
		free(card);
	}
}
END_TEST

START_TEST(test_names_uid_kept)
{
	struct vc_read v;
	VC_READ(&v, "BEGIN:VCARD\nVERSION:4.0\nN:Lima;Bruno;;Dr.;\nUID:urn:uuid:abc\n"
	            "X-FOO;A=B;C=\"d:e\":value: with colon\nANNIVERSARY:20090808T1430-0500\n"
	            "X-KITH-CIRCLE:close\nX-KITH-KIND:strategic\nX-KITH-CADENCE:30\nX-KITH-MET:at a talk\n"
	            "X-KITH-CIRCLE:nonsense-kept\nbroken line without colon\n#comment\nEND:VCARD\n"
	            "BEGIN:VCARD\nEMAIL:only@mail.example\nEND:VCARD\n");
	ck_assert_int_eq(v.n, 2);
	const struct import_record *r = &v.rec[0];
	ck_assert_str_eq(r->c.name, "Bruno Lima");
	ck_assert_str_eq(r->uid, "urn:uuid:abc");
	ck_assert(r->has_circle && r->c.circle == CIRCLE_CLOSE);
	ck_assert(r->has_kind && r->c.kind == CKIND_STRATEGIC);
	ck_assert(r->has_cadence && r->c.cadence_days == 30);
	ck_assert_str_eq(r->c.met, "at a talk");
	ck_assert_str_eq(vc_field(&r->c, FIELD_VCARD, 0)->value, "N:Lima;Bruno;;Dr.;");
	ck_assert_str_eq(vc_field(&r->c, FIELD_VCARD, 1)->value, "X-FOO;A=B;C=\"d:e\":value: with colon");
	ck_assert_str_eq(vc_field(&r->c, FIELD_VCARD, 1)->type, "X-FOO");
	ck_assert_str_eq(vc_field(&r->c, FIELD_VCARD, 2)->value, "ANNIVERSARY:20090808T1430-0500");
	ck_assert_str_eq(vc_field(&r->c, FIELD_VCARD, 3)->value, "X-KITH-CIRCLE:nonsense-kept");
	ck_assert_str_eq(vc_field(&r->c, FIELD_VCARD, 4)->value, "");
	/* no name: the reader leaves it to the import (organisation, e-mail) */
	ck_assert_str_eq(v.rec[1].c.name, "");
	vc_free(&v);
}
END_TEST

START_TEST(test_photo_cap)
{
	struct buf card;
	buf_init(&card);
	buf_puts(&card, "BEGIN:VCARD\r\nFN:P\r\nPHOTO;ENCODING=b;TYPE=JPEG:");
	for (int i = 0; i < VCARD_PHOTO_CAP / 72 + 2; i++)
		buf_puts(&card, "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAx\r\n ");
	buf_puts(&card, "QQ==\r\nPHOTO;VALUE=uri:https://x.example/p.jpg\r\nEND:VCARD\r\n");
	struct vc_read v;
	vc_read(&v, card.data, card.len);
	ck_assert_int_eq(v.n, 1);
	ck_assert_int_eq(v.photos_dropped, 1);
	ck_assert_str_eq(vc_field(&v.rec[0].c, FIELD_VCARD, 0)->value,
	                 "PHOTO;VALUE=uri:https://x.example/p.jpg");
	vc_free(&v);
	buf_free(&card);
}
END_TEST

START_TEST(test_broken_files)
{
	struct vc_read v;
	VC_READ(&v, "BEGIN:VCARD\nFN:Good\nEND:VCARD\n\nBEGIN:VCARD\nFN:Open\nEMAIL:o@x\n");
	ck_assert_int_eq(v.rc, -1);
	ck_assert_str_eq(v.cause, "line 5: the card begun here has no END:VCARD");
	vc_free(&v);
	VC_READ(&v, "BEGIN:VCARD\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\n");
	ck_assert_int_eq(v.rc, -1);
	ck_assert_str_eq(v.cause, "line 3: the card begun at line 1 has no END:VCARD");
	vc_free(&v);
	VC_READ(&v, "VERSION:3.0\nFN:A\nEND:VCARD\n");
	ck_assert_int_eq(v.rc, -1);
	ck_assert_str_eq(v.cause, "line 1: content outside a card (BEGIN:VCARD missing)");
	vc_free(&v);
	VC_READ(&v, "BEGIN:VCARD\nFN:A\nEND:VCARD\nEND:VCARD\n");
	ck_assert_int_eq(v.rc, -1);
	ck_assert_str_eq(v.cause, "line 4: END:VCARD outside a card (BEGIN:VCARD missing)");
	vc_free(&v);
	VC_READ(&v, "\n\r\n");
	ck_assert_int_eq(v.rc, 0);
	ck_assert_int_eq(v.n, 0);
	vc_free(&v);
}
END_TEST

/* ---- vCard out ---- */

START_TEST(test_write_folds)
{
	struct contact c;
	contact_init(&c);
	strcpy(c.id, "0c4b7a3e-93a1-4bde-8c1e-1234567890ab");
	free(c.name);
	c.name = xstrdup("Zoë");
	free(c.notes);
	struct buf n;
	buf_init(&n);
	for (int i = 0; i < 60; i++)
		buf_puts(&n, "é, ");
	c.notes = buf_detach(&n);
	struct buf out;
	buf_init(&out);
	vcard_write(&out, &c, 4);
	/* every physical line at most 75 octets, and each a valid UTF-8 string */
	const char *p = out.data;
	int lines = 0;
	while (*p != '\0') {
		const char *e = strstr(p, "\r\n");
		ck_assert_ptr_nonnull(e);
		ck_assert_msg(e - p <= 75, "a line of %d octets", (int)(e - p));
		ck_assert_msg(charset_is_utf8(p, (size_t)(e - p)), "a character cut: %.*s", (int)(e - p), p);
		lines++;
		p = e + 2;
	}
	ck_assert_int_ge(lines, 8);
	ck_assert_ptr_nonnull(strstr(out.data, "NOTE:é\\, é\\, "));
	ck_assert_ptr_nonnull(strstr(out.data, "\r\nUID:0c4b7a3e-93a1-4bde-8c1e-1234567890ab\r\n"));
	ck_assert_ptr_nonnull(strstr(out.data, "\r\nN:Zoë;;;;\r\n"));
	buf_free(&out);
	contact_free(&c);
}
END_TEST

/* A card read and written, then read and written again, gives the same
 * card and the same contact: labels, parameters, kept properties and what
 * kith adds all come back. */
START_TEST(test_write_round_trip)
{
	static const char card[] =
		"BEGIN:VCARD\nVERSION:3.0\nFN:Ana Souza\nN:Souza;Ana;Maria;;\nORG:Acme;Lab\n"
		"TITLE:CTO\nitem1.EMAIL;type=INTERNET;type=pref:ana@acme.example\n"
		"item1.X-ABLabel:_$!<Work>!$_\nEMAIL;PREF=2;X-SERVICE=\"a;b\":d@x\n"
		"TEL;TYPE=cell:+1 555\nADR;TYPE=home:;;12 Elm St\\nFlat 3;Springfield;;;\n"
		"URL:https://a.example/?q=1,2\nBDAY:--0315\nNOTE:tea\\; coffee\\nmore\n"
		"CATEGORIES:a\\,b,c\nX-SOCIAL;type=x:https://x\nANNIVERSARY:20090808\n"
		"UID:urn:x:1\nX-KITH-CIRCLE:wide\nX-KITH-CADENCE:0\nEND:VCARD\n";
	static const char *const want[][2] = {
		{"item1.EMAIL;TYPE=internet,pref:ana@acme.example\r\nitem1.X-ABLabel:_$!<Work>!$_",
		 "item1.EMAIL;TYPE=internet;PREF=1:ana@acme.example\r\nitem1.X-ABLabel:_$!<Work>!$_"},
		{"EMAIL;PREF=2;X-SERVICE=\"a;b\":d@x", "EMAIL;PREF=2;X-SERVICE=\"a;b\":d@x"},
		{"BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-15", "BDAY:--0315"},
		{"ADR;TYPE=home:;;12 Elm St\\nFlat 3;Springfield;;;", "ADR;TYPE=home:;;12 Elm St\\nFlat 3;Springfield;;;"},
		{"\r\nN:Souza;Ana;Maria;;\r\n", "\r\nN:Souza;Ana;Maria;;\r\n"},
		{"X-SOCIAL;type=x:https://x", "X-SOCIAL;type=x:https://x"},
		{"X-KITH-CIRCLE:wide\r\nX-KITH-KIND:personal\r\nX-KITH-CADENCE:0", "X-KITH-CIRCLE:wide"},
		{"\r\nUID:urn:x:1\r\n", "\r\nUID:urn:x:1\r\n"},
	};
	for (int version = 3; version <= 4; version++) {
		struct vc_read a, b, c;
		VC_READ(&a, card);
		ck_assert_int_eq(a.n, 1);
		/* as the import does: the foreign UID kept as a field */
		contact_add_field(&a.rec[0].c, FIELD_VCARD, "UID", "UID:urn:x:1");
		struct buf one, two;
		buf_init(&one);
		buf_init(&two);
		vcard_write(&one, &a.rec[0].c, version);
		for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
			ck_assert_msg(strstr(one.data, want[i][version - 3]) != NULL, "no %s in\n%s",
			              want[i][version - 3], one.data);
		vc_read(&b, one.data, one.len);
		ck_assert_int_eq(b.n, 1);
		contact_add_field(&b.rec[0].c, FIELD_VCARD, "UID", "UID:urn:x:1");
		vcard_write(&two, &b.rec[0].c, version);
		ck_assert_str_eq(one.data, two.data);
		vc_read(&c, two.data, two.len);
		contact_add_field(&c.rec[0].c, FIELD_VCARD, "UID", "UID:urn:x:1");
		ck_assert(contact_same_details(&b.rec[0].c, &c.rec[0].c));
		ck_assert_int_eq(c.rec[0].c.circle, CIRCLE_WIDE);
		ck_assert_int_eq(c.rec[0].c.cadence_days, 0);
		ck_assert_str_eq(c.rec[0].c.birthday, "--03-15");
		buf_free(&one);
		buf_free(&two);
		vc_free(&a);
		vc_free(&b);
		vc_free(&c);
	}
}
END_TEST

/* Writes c as a vCard of version into text (initialised here, the caller
 * frees it) and reads it back into back: one card, with c's details. */
static void vc_write_back(const struct contact *c, int version, struct buf *text,
                          struct vc_read *back)
{
	buf_init(text);
	vcard_write(text, c, version);
	vc_read(back, text->data, text->len);
	ck_assert_int_eq(back->n, 1);
	ck_assert(contact_same_details(c, &back->rec[0].c));
}

/* A quoted TYPE that holds ';' or ':' or spaces gives types without them:
 * kept, the next write would read as other parameters or the value. */
START_TEST(test_write_quoted_types)
{
	static const char card[] = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ana\r\n"
	                           "TEL;TYPE=cell\"TEL;TYPE=cell\"pe+rf1 :555 0101\r\n"
	                           "EMAIL;TYPE=\"a:b\", c :ana@example.org\r\nEND:VCARD\r\n";
	for (int version = 3; version <= 4; version++) {
		struct vc_read a, b, c;
		VC_READ(&a, card);
		ck_assert_int_eq(a.n, 1);
		ck_assert_str_eq(vc_field(&a.rec[0].c, FIELD_PHONE, 0)->type, "cell,tel,type=cell,pe+rf1");
		ck_assert_str_eq(vc_field(&a.rec[0].c, FIELD_EMAIL, 0)->type, "a,b,c");
		struct buf one, two;
		vc_write_back(&a.rec[0].c, version, &one, &b);
		vc_write_back(&b.rec[0].c, version, &two, &c);
		buf_free(&one);
		buf_free(&two);
		vc_free(&a);
		vc_free(&b);
		vc_free(&c);
	}
}
END_TEST

/* Lines whose parameters only look like QUOTED-PRINTABLE or X-APPLE-OMIT-YEAR
 * (found by the fuzzer): the reader keeps them as they came, and a write and a
 * read give them back unchanged, whatever the value ends with. */
START_TEST(test_write_lookalike_params)
{
	static const char card[] = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\n"
	                           "X-NOTE;INTER-=QUOTED-PRINTABLE:ends in=\r\n"
	                           "X-OTHER:stays apart\r\n"
	                           "BDAY;X-APPLE-OMIT-YEAR052=6:1605-03-15\r\nEND:VCARD\r\n";
	for (int version = 3; version <= 4; version++) {
		struct vc_read a, b;
		VC_READ(&a, card);
		ck_assert_int_eq(a.n, 1);
		ck_assert_str_eq(vc_field(&a.rec[0].c, FIELD_VCARD, 0)->value,
		                 "X-NOTE;INTER-=QUOTED-PRINTABLE:ends in=");
		ck_assert_str_eq(vc_field(&a.rec[0].c, FIELD_VCARD, 1)->value, "X-OTHER:stays apart");
		ck_assert_str_eq(a.rec[0].c.birthday, "");
		struct buf one;
		vc_write_back(&a.rec[0].c, version, &one, &b);
		ck_assert_ptr_nonnull(strstr(one.data, "\r\nBDAY;X-APPLE-OMIT-YEAR052=6:1605-03-15\r\n"));
		buf_free(&one);
		vc_free(&a);
		vc_free(&b);
	}
}
END_TEST

/* ---- the corpus of real exports (not part of the project) ---- */

struct vc_expect {
	const char *file;
	int cards; /* -1: the file must be refused */
	const char *names[3];
	const char *emails[3];
};

static const struct vc_expect vc_corpus[] = {
	{"aosp-v21_complicated.vcf", 1, {"Joe Due"}, {"forrestgump@walladalla.com", "cell@example.com"}},
	{"aosp-v21_invalid_comment_line.vcf", 1, {"Conference Call"}, {NULL}},
	{"aosp-v21_japanese_2.vcf", 1, {"安藤 ロイド 1"}, {NULL}},
	{"aosp-v21_multiple_entry.vcf", 3, {"安藤ロイド3", "安藤ロイド4", "安藤ロイド5"}, {NULL}},
	{"aosp-v40_sort_as.vcf", 1, {"安藤 ロイド"}, {NULL}},
	{"davx5-allfields-vcard3.vcf", 1, {"Ämi Display"}, {"private@example.com", "work@example.com"}},
	{"eds-vcard13.vcf", 1, {"Ralf Engels"}, {"Frank_Dawson@Lotus.com"}},
	{"eds-vcard5.vcf", 1, {"十城目管理大型知座"}, {"weird@weird.com"}},
	{"eds-vcard7-no-begin.vcf", -1, {NULL}, {NULL}},
	{"eds-vcard8-no-end.vcf", -1, {NULL}, {NULL}},
	{"ezvcard-John_Doe_ANDROID.vcf", 6, {"ÑÑÑÑ"}, {"jane.doe@company.com", "john.doe@company.com"}},
	{"ezvcard-John_Doe_EVOLUTION.vcf", 1, {"Mr. John Richter, James Doe Sr."}, {"john.doe@ibm.com"}},
	{"ezvcard-John_Doe_IPHONE.vcf", 1, {"Mr. John Richter James Doe Sr."}, {"john.doe@ibm.com"}},
	{"ezvcard-issue114.vcf", 1, {"Dummy, Dummy"}, {"dummy.dummy@dummy.com"}},
	{"ezvcard-outlook-2007.vcf", 1, {"Mr. Michael Angstadt Jr."}, {"mike.angstadt@gmail.com"}},
	{"ezvcard-rfc6350-example.vcf", 1, {"Simon Perreault"}, {"simon.perreault@viagenie.ca"}},
	{"ezvcard-thunderbird-mffab.vcf", 1, {"John Doe"}, {"doe.john@hotmail.com", "additional-email@company.com"}},
	{"gammu-line-continuation.vcf", 1, {"Nikdovic Nikdo"}, {NULL}},
	{"gammu-quoted-printable-new-line.vcf", 1, {"ПОРКС - PRIMA"}, {NULL}},
	{"kcontacts-vcard10.vcf", 5, {"Field after Address broken", "Dr. med. Surname Name", "Second Doctor"}, {NULL}},
	{"kcontacts-vcard3.vcf", 1, {"ian geiser"}, {"geiseri@yahoo.com"}},
	{"kcontacts-vcard4.vcf", 1, {NULL}, {"hello@ximian.com"}},
	{"kcontacts-vcard9.vcf", 1, {NULL}, {NULL}},
	{"khard-korean-c.vcf", 1, {"최유림"}, {NULL}},
	{"khard-unparsable.vcf", -1, {NULL}, {NULL}},
	{"pyvobject-vcard40_multilang.vcf", 1, {"Yamada Taro"}, {NULL}},
	{"radicale-contact4-with-bday-no-year.vcf", 1, {"Test bday without year Thunderbird CardBook"}, {NULL}},
	{"radicale-vcard-quoted-printable1.vcf", 1, {"黄世勇"}, {NULL}},
	{"roundcube-johndoe.vcf", 1, {"John Doë"}, {"inbox@roundcube.net", "roundcube@gmail.com"}},
	{"roundcube-thebat.vcf", 1, {NULL}, {"piotr.iksinski@somedomain.com"}},
	{"roundcube-utf-16_sample.vcf", 1, {"Ǽgean ĽdaMonté"}, {NULL}},
	{"syncevolution-eds_contact.vcf", 17, {"Ms. JPG", "Umlaut Ä Ö Ü ß", "Mr. First ; special ; middle Last"},
	 {"john.doe@work.com", "john.doe@home.priv"}},
};

static int vc_has_name(const struct vc_read *v, const char *name)
{
	for (int i = 0; i < v->n; i++)
		if (strcmp(v->rec[i].c.name, name) == 0)
			return 1;
	return 0;
}

static int vc_has_email(const struct vc_read *v, const char *email)
{
	for (int i = 0; i < v->n; i++)
		for (size_t j = 0; j < v->rec[i].c.nfields; j++)
			if (v->rec[i].c.fields[j].kind == FIELD_EMAIL &&
			    strcmp(v->rec[i].c.fields[j].value, email) == 0)
				return 1;
	return 0;
}

START_TEST(test_corpus)
{
	char *dir = t_corpus_dir();
	if (dir == NULL) {
		fprintf(stderr, "vcard: the corpus of real contact files is not here "
		                "(../shared/corpus/contacts, or $KITH_CORPUS): skipped\n");
		return;
	}
	size_t checked = 0;
	for (size_t i = 0; i < sizeof vc_corpus / sizeof vc_corpus[0]; i++) {
		const struct vc_expect *e = &vc_corpus[i];
		char *path = xasprintf("%s/%s", dir, e->file);
		size_t len = 0;
		FILE *f = fopen(path, "rb");
		ck_assert_msg(f != NULL, "cannot read %s", path);
		struct buf data;
		buf_init(&data);
		char chunk[4096];
		while ((len = fread(chunk, 1, sizeof chunk, f)) > 0)
			buf_add(&data, chunk, len);
		fclose(f);
		struct vc_read v;
		vc_read(&v, data.data, data.len);
		if (e->cards < 0) {
			ck_assert_msg(v.rc == -1 && strncmp(v.cause, "line ", 5) == 0,
			              "%s: not refused with a line number", e->file);
		} else {
			ck_assert_msg(v.rc == 0, "%s: %s", e->file, v.cause ? v.cause : "");
			ck_assert_msg(v.n == e->cards, "%s: %d cards, not %d", e->file, v.n, e->cards);
			for (int k = 0; k < 3 && e->names[k] != NULL; k++)
				ck_assert_msg(vc_has_name(&v, e->names[k]), "%s: no '%s'", e->file, e->names[k]);
			for (int k = 0; k < 3 && e->emails[k] != NULL; k++)
				ck_assert_msg(vc_has_email(&v, e->emails[k]), "%s: no %s", e->file, e->emails[k]);
		}
		vc_free(&v);
		buf_free(&data);
		free(path);
		checked++;
	}
	ck_assert_uint_eq(checked, 32);
	free(dir);
}
END_TEST

extern Suite *suite_vcard(void);

Suite *suite_vcard(void)
{
	Suite *s = suite_create("vcard");
	TCase *tc = tcase_create("vcard");
	tcase_add_test(tc, test_charset_single_byte);
	tcase_add_test(tc, test_charset_stream);
	tcase_add_test(tc, test_line_ends_and_folds);
	tcase_add_test(tc, test_escapes_and_lists);
	tcase_add_test(tc, test_quoted_printable);
	tcase_add_test(tc, test_charset_param);
	tcase_add_test(tc, test_types_and_labels);
	tcase_add_test(tc, test_birthdays);
	tcase_add_test(tc, test_names_uid_kept);
	tcase_add_test(tc, test_photo_cap);
	tcase_add_test(tc, test_broken_files);
	tcase_add_test(tc, test_write_folds);
	tcase_add_test(tc, test_write_round_trip);
	tcase_add_test(tc, test_write_lookalike_params);
	tcase_add_test(tc, test_write_quoted_types);
	tcase_add_test(tc, test_corpus);
	suite_add_tcase(s, tc);
	return s;
}
