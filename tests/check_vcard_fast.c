/* check_vcard_fast.c: what the vCard reader's short ways rely on: a value
 * read without a copy reads as the full decoding and unescaping read it, a
 * property name in any case is the same property, the buffers kept from card
 * to card hold nothing of the card before, the name is known before the N
 * line is weighed, the QUOTED-PRINTABLE test of a line, the UTF-8 check by
 * words, birthdays and N lines written without printf. Depends on vcard.h,
 * vcard_int.h, charset.h, import.h and utf8.h. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "import.h"
#include "utf8.h"
#include "vcard.h"
#include "../src/vcard_int.h"

/* ---- helpers ---- */

/* Everything a record holds, as one string (caller frees). */
static char *fast_dump(const struct import_record *rec)
{
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "uid=%s name=%s org=%s role=%s met=%s notes=%s bday=%s\n",
	           rec->uid ? rec->uid : "(none)", rec->c.name, rec->c.org, rec->c.role, rec->c.met,
	           rec->c.notes, rec->c.birthday);
	buf_printf(&b, "circle=%d/%d kind=%d/%d cadence=%d/%d error=%d\n", rec->has_circle,
	           (int)rec->c.circle, rec->has_kind, (int)rec->c.kind, rec->has_cadence,
	           rec->c.cadence_days, rec->error);
	for (size_t i = 0; i < rec->c.tags.n; i++)
		buf_printf(&b, "tag %s\n", rec->c.tags.v[i]);
	for (size_t i = 0; i < rec->c.nfields; i++)
		buf_printf(&b, "field %d [%s] [%s]\n", (int)rec->c.fields[i].kind,
		           rec->c.fields[i].type, rec->c.fields[i].value);
	return buf_detach(&b);
}

/* The dumps of every card of text, one after the other (caller frees), and
 * how many photos were dropped. */
static char *fast_read_all(const char *text, long *photos)
{
	FILE *f = fmemopen((void *)text, strlen(text), "rb");
	ck_assert_ptr_nonnull(f);
	struct vcard_reader r;
	vcard_reader_init(&r, f);
	struct buf out;
	buf_init(&out);
	buf_add(&out, "", 0);
	char *cause = NULL;
	int rc;
	for (;;) {
		struct import_record rec;
		import_record_init(&rec);
		rc = vcard_next(&r, &rec, &cause);
		if (rc == 1) {
			char *d = fast_dump(&rec);
			buf_printf(&out, "-- card\n%s", d);
			free(d);
		}
		import_record_free(&rec);
		if (rc != 1)
			break;
	}
	ck_assert_msg(rc == 0, "%s", cause ? cause : "?");
	if (photos != NULL)
		*photos = r.photos_dropped;
	vcard_reader_free(&r);
	fclose(f);
	return buf_detach(&out);
}

/* The one card of text, dumped (caller frees). */
static char *fast_read_one(const char *text)
{
	char *all = fast_read_all(text, NULL);
	ck_assert_msg(strncmp(all, "-- card\n", 8) == 0 && strstr(all + 8, "-- card\n") == NULL,
	              "%s", all);
	return all;
}

/* Reads the one card of text: its dump holds each string of has and none of
 * hasnt (both NULL-ended). */
static void fast_check(const char *text, const char *const *has, const char *const *hasnt)
{
	char *d = fast_read_one(text);
	for (; has != NULL && *has != NULL; has++)
		ck_assert_msg(strstr(d, *has) != NULL, "no \"%s\" in:\n%s", *has, d);
	for (; hasnt != NULL && *hasnt != NULL; hasnt++)
		ck_assert_msg(strstr(d, *hasnt) == NULL, "\"%s\" in:\n%s", *hasnt, d);
	free(d);
}
#define FAST_HAS(...) ((const char *const[]){__VA_ARGS__, NULL})
#define FAST_NONE NULL

/* ---- values: the short way and the long way read the same ---- */

START_TEST(test_decoded_same_both_ways)
{
	static const struct {
		const char *params, *value;
		int shortcut; /* 1: the value itself, no copy */
	} cases[] = {
		{"", "ana@example.org", 1},
		{"", "Zo\xc3\xab", 1},
		{"", "", 1},
		{";CHARSET=UTF-8", "caf\xc3\xa9", 1},
		{";TYPE=work", "plain", 1},
		{"", "caf\xe9 (not UTF-8)", 0},
		{";CHARSET=ISO-8859-1", "caf\xe9", 0},
		{";CHARSET=windows-1252", "\x80 5", 0},
		{";CHARSET=latin1", "ascii only", 0},
		{";ENCODING=QUOTED-PRINTABLE", "caf=C3=A9", 0},
		{";QUOTED-PRINTABLE", "a=3Db", 0},
		{";ENCODING=QUOTED-PRINTABLE", "no escape at all", 0},
		{";ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-1", "caf=E9", 0},
		{";ENCODING=QUOTED-PRINTABLE", "a=00b", 0},
		{";CHARSET=Shift_JIS", "\x82\xa0", 0},
		{";CHARSET=no-such-charset", "caf\xe9", 0},
		{"", "long ascii value past eight bytes, then \xc3\xa9 and \xff", 0},
	};
	struct buf out, slow;
	buf_init(&out);
	buf_init(&slow);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct vcard_params ps;
		vcard_params_read(&ps, cases[i].params);
		const char *v = cases[i].value;
		size_t len;
		const char *got = vcard_decoded(&out, v, strlen(v), &ps, &len);
		buf_reset(&slow);
		vcard_decode_add(&slow, v, strlen(v), &ps);
		const char *want = buf_str(&slow);
		ck_assert_msg(strlen(want) == len && strcmp(got, want) == 0, "%zu: %s != %s", i, got,
		              want);
		ck_assert_msg((got == v) == cases[i].shortcut, "%zu: the short way %s", i,
		              cases[i].shortcut ? "not taken" : "taken");
		vcard_params_free(&ps);
	}
	buf_free(&out);
	buf_free(&slow);
}
END_TEST

START_TEST(test_unescaped_same_both_ways)
{
	static const struct {
		const char *value;
		int shortcut;
	} cases[] = {
		{"plain text, with ; and , kept", 1},
		{"", 1},
		{"a\\nb", 0},
		{"a\\,b\\;c\\\\d\\:e\\Nf", 0},
		{"line\r\nbreak\rand", 0},
		{"ends with a lone \\", 0},
	};
	struct buf out, slow;
	buf_init(&out);
	buf_init(&slow);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *v = cases[i].value;
		size_t len;
		const char *got = vcard_unescaped(&out, v, strlen(v), &len);
		buf_reset(&slow);
		vcard_unescape_add(&slow, v, 0, NULL);
		ck_assert_msg(len == slow.len && strcmp(got, buf_str(&slow)) == 0, "%zu: %s != %s",
		              i, got, buf_str(&slow));
		ck_assert_msg((got == v) == cases[i].shortcut, "%zu", i);
	}
	buf_free(&out);
	buf_free(&slow);
}
END_TEST

/* Cards whose values take the short way and the long way: what the record
 * holds is what the value says. */
START_TEST(test_values_read_in_every_form)
{
	fast_check("BEGIN:VCARD\nFN:Ana  \nNOTE:caf\xc3\xa9\nTITLE: chief \nEND:VCARD\n",
	           FAST_HAS("name=Ana org= role=chief met= notes=caf\xc3\xa9 "), FAST_NONE);
	fast_check("BEGIN:VCARD\nFN;CHARSET=ISO-8859-1:Ana\nNOTE;ENCODING=QUOTED-"
	           "PRINTABLE:caf=C3=A9\nTITLE:\\ chief\\n\nEND:VCARD\n",
	           FAST_HAS("name=Ana org= role=chief met= notes=caf\xc3\xa9 "), FAST_NONE);
	fast_check("BEGIN:VCARD\nFN:Ana\nNOTE;CHARSET=latin1:caf\xe9\nEMAIL:ana@example.org  \n"
	           "CATEGORIES: one , two \nX-KITH-CADENCE:30 \nBDAY:1980-01-02 \nEND:VCARD\n",
	           FAST_HAS("notes=caf\xc3\xa9 bday=1980-01-02\n", "field 0 [] [ana@example.org]\n",
	                    "tag one\ntag two\n", "cadence=1/30 "),
	           FAST_NONE);
}
END_TEST

START_TEST(test_trim_span)
{
	const char *s = " \t\r\nab c\n \t";
	size_t n = strlen(s);
	vcard_trim_span(&s, &n);
	ck_assert_uint_eq(n, 4);
	ck_assert_int_eq(strncmp(s, "ab c", 4), 0);
	const char *blank = " \t ";
	n = strlen(blank);
	vcard_trim_span(&blank, &n);
	ck_assert_uint_eq(n, 0);
	char in_place[] = "  x y  ";
	ck_assert_str_eq(vcard_trim(in_place), "x y");
}
END_TEST

/* ---- names: one kind whatever the case ---- */

START_TEST(test_prop_kind_any_case)
{
	static const struct {
		const char *line;
		enum vcard_pkind kind;
	} cases[] = {
		{"EMAIL:a@b", VCARD_P_EMAIL},       {"email:a@b", VCARD_P_EMAIL},
		{"eMaIl;type=work:a@b", VCARD_P_EMAIL}, {"item1.Email:a@b", VCARD_P_EMAIL},
		{"tel:1", VCARD_P_TEL},             {"Url:x", VCARD_P_URL},
		{"adr:;;", VCARD_P_ADR},            {"fn:x", VCARD_P_FN},
		{"n:x", VCARD_P_N},                 {"org:x", VCARD_P_ORG},
		{"title:x", VCARD_P_TITLE},         {"note:x", VCARD_P_NOTE},
		{"categories:x", VCARD_P_CATEGORIES}, {"uid:x", VCARD_P_UID},
		{"bday:x", VCARD_P_BDAY},           {"photo:x", VCARD_P_PHOTO},
		{"begin:x", VCARD_P_BEGIN},         {"end:x", VCARD_P_END},
		{"version:x", VCARD_P_VERSION},     {"item2.x-ablabel:x", VCARD_P_X_ABLABEL},
		{"x-kith-circle:x", VCARD_P_KITH_CIRCLE}, {"X-Kith-Kind:x", VCARD_P_KITH_KIND},
		{"x-kith-cadence:x", VCARD_P_KITH_CADENCE}, {"x-kith-met:x", VCARD_P_KITH_MET},
		/* look-alikes are other properties */
		{"EMAILS:x", VCARD_P_OTHER},        {"EMAI:x", VCARD_P_OTHER},
		{"NN:x", VCARD_P_OTHER},            {"X-KITH-CIRCLES:x", VCARD_P_OTHER},
		{"X-KITH-FOO:x", VCARD_P_OTHER},    {"X-ABLABELS:x", VCARD_P_OTHER},
		{"TELL:x", VCARD_P_OTHER},          {"CATEGORY:x", VCARD_P_OTHER},
		{"X-KITH-ME:x", VCARD_P_OTHER},     {"F:x", VCARD_P_OTHER},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct vcard_prop p;
		ck_assert_msg(vcard_parse_prop(cases[i].line, &p) == 0, "%s", cases[i].line);
		ck_assert_msg(p.kind == cases[i].kind, "%s: kind %d, not %d", cases[i].line,
		              (int)p.kind, (int)cases[i].kind);
		vcard_prop_free(&p);
	}
}
END_TEST

/* A card in lower or mixed case reads as the same card in upper case (but
 * for the N line, kept as written unless it is the one kith writes). */
START_TEST(test_card_any_case)
{
	char *upper = fast_read_one(
	    "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Souza\nN:Souza;Ana;;;\nORG:Acme\nTITLE:cto\n"
	    "ITEM1.EMAIL;TYPE=WORK:ana@acme.example\nITEM1.X-ABLABEL:desk\nTEL:+1 555\n"
	    "URL:https://acme.example\nADR:;;1 Main St;Town;;;\nNOTE:hello\nCATEGORIES:a,b\n"
	    "UID:u-1\nBDAY:19800102\nX-KITH-CIRCLE:close\nX-KITH-KIND:strategic\n"
	    "X-KITH-CADENCE:30\nX-KITH-MET:at a party\nX-OTHER:kept\nEND:VCARD\n");
	char *lower = fast_read_one(
	    "begin:vcard\nversion:3.0\nfn:Ana Souza\nN:Souza;Ana;;;\norg:Acme\ntitle:cto\n"
	    "item1.email;type=work:ana@acme.example\nitem1.x-ablabel:desk\ntel:+1 555\n"
	    "url:https://acme.example\nadr:;;1 Main St;Town;;;\nnote:hello\ncategories:a,b\n"
	    "uid:u-1\nbday:19800102\nx-kith-circle:close\nx-kith-kind:strategic\n"
	    "x-kith-cadence:30\nx-kith-met:at a party\nX-OTHER:kept\nend:vcard\n");
	char *mixed = fast_read_one(
	    "Begin:VCard\nVersion:3.0\nFn:Ana Souza\nN:Souza;Ana;;;\nOrg:Acme\nTitle:cto\n"
	    "Item1.Email;Type=Work:ana@acme.example\nitem1.X-ABLabel:desk\nTel:+1 555\n"
	    "Url:https://acme.example\nAdr:;;1 Main St;Town;;;\nNote:hello\nCategories:a,b\n"
	    "Uid:u-1\nBday:19800102\nX-Kith-Circle:close\nX-Kith-Kind:strategic\n"
	    "X-Kith-Cadence:30\nX-Kith-Met:at a party\nX-OTHER:kept\nEnd:VCard\n");
	ck_assert_ptr_nonnull(strstr(upper, "uid=u-1 name=Ana Souza org=Acme role=cto met=at a party "
	                                    "notes=hello bday=1980-01-02\n"));
	ck_assert_ptr_nonnull(strstr(upper, "circle=1/"));
	ck_assert_ptr_nonnull(strstr(upper, "field 0 [work;X-ABLABEL=\"desk\"] [ana@acme.example]"));
	ck_assert_str_eq(lower, upper);
	ck_assert_str_eq(mixed, upper);
	free(upper);
	free(lower);
	free(mixed);
}
END_TEST

/* ---- what is kept from card to card ---- */

/* A card read after others reads as it does alone: nothing of the cards
 * before (their properties, parameters, labels, decoded values, a long line)
 * stays in the buffers the reader keeps. */
START_TEST(test_next_card_holds_nothing_before)
{
	struct buf big;
	buf_init(&big);
	buf_puts(&big, "BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=ISO-8859-1:Souza;Ana;;;\n"
	               "item1.EMAIL;TYPE=WORK,PREF;X-A=1:ana@example.org\n"
	               "item1.X-ABLabel:_$!<Work>!$_\nitem2.X-ABLabel:orphan\n"
	               "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-1:caf=E9=\n au lait\n"
	               "BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-04\nCATEGORIES:one,two\n"
	               "ORG:Acme;Labs\nUID:first\nX-KITH-CIRCLE:close\nX-LONG:");
	for (int i = 0; i < 100 * 1024; i++)
		buf_putc(&big, (char)('a' + i % 26));
	buf_puts(&big, "\nEND:VCARD\n");
	static const char second[] =
	    "BEGIN:VCARD\nVERSION:3.0\nitem1.EMAIL:bo@example.org\nTEL:1\nFN:Bo Li\n"
	    "item2.TEL;TYPE=cell:2\nN:Li;Bo;;;\nNOTE:plain\nEND:VCARD\n";
	static const char third[] = "BEGIN:VCARD\nitem2.URL:x\nEND:VCARD\n";
	struct buf all;
	buf_init(&all);
	buf_puts(&all, buf_str(&big));
	buf_puts(&all, second);
	buf_puts(&all, third);
	char *together = fast_read_all(buf_str(&all), NULL);
	char *one = fast_read_all(buf_str(&big), NULL);
	char *two = fast_read_all(second, NULL);
	char *three = fast_read_all(third, NULL);
	struct buf alone;
	buf_init(&alone);
	buf_puts(&alone, one);
	buf_puts(&alone, two);
	buf_puts(&alone, three);
	ck_assert_str_eq(together, buf_str(&alone));
	ck_assert_ptr_null(strstr(two, "orphan"));
	ck_assert_ptr_null(strstr(two, "[N]"));
	ck_assert_ptr_null(strstr(two, "Work"));
	ck_assert_ptr_nonnull(strstr(one, "field 0 [work,pref;X-A=1;X-ABLABEL=\"_$!<Work>!$_\"]"));
	ck_assert_ptr_nonnull(strstr(one, "notes=caf\xc3\xa9 au lait "));
	free(together);
	free(one);
	free(two);
	free(three);
	buf_free(&alone);
	buf_free(&all);
	buf_free(&big);
}
END_TEST

/* A PHOTO over the cap is dropped and counted; the card after it is whole. */
START_TEST(test_photo_then_card)
{
	struct buf f;
	buf_init(&f);
	buf_puts(&f, "BEGIN:VCARD\nFN:Ana\nPHOTO;ENCODING=b:");
	for (int i = 0; i < VCARD_PHOTO_CAP + 10; i++)
		buf_putc(&f, 'A');
	buf_puts(&f, "\nEND:VCARD\nBEGIN:VCARD\nFN:Bo\nPHOTO:http://x\nEND:VCARD\n");
	long photos = 0;
	char *all = fast_read_all(buf_str(&f), &photos);
	ck_assert_int_eq(photos, 1);
	const char *bo = strstr(all, "name=Bo");
	ck_assert_ptr_nonnull(bo);
	ck_assert_ptr_nonnull(strstr(bo, "field 4 [PHOTO] [PHOTO:http://x]"));
	ck_assert_ptr_null(strstr(all, "AAAA"));
	free(all);
	buf_free(&f);
}
END_TEST

/* ---- the name before the N line ---- */

/* An N line that says no more than the card's name goes, wherever the FN is;
 * one that says more stays; the first FN that names someone is the name, a
 * later FN is kept; without an FN the first N that names someone is. */
START_TEST(test_name_before_n)
{
	fast_check("BEGIN:VCARD\nN:Souza;Ana;;;\nFN:Ana Souza\nEND:VCARD\n",
	           FAST_HAS("name=Ana Souza "), FAST_HAS("[N]"));
	fast_check("BEGIN:VCARD\nN:Souza;Ana;;;\nFN:Ana Maria Souza\nEND:VCARD\n",
	           FAST_HAS("name=Ana Maria Souza ", "field 4 [N] [N:Souza;Ana;;;]"), FAST_NONE);
	fast_check("BEGIN:VCARD\nFN: \nN:;;;;\nN:Souza;Ana;;;\nFN:Second\nFN:Third\nEND:VCARD\n",
	           FAST_HAS("name=Second ", "field 4 [FN] [FN:Third]", "field 4 [N] [N:;;;;]"),
	           FAST_HAS("FN: ", "[FN:Second]"));
	fast_check("BEGIN:VCARD\nN:;;;;\nN:Souza;Ana\\, Jr;;;\nN:Other;X;;;\nEND:VCARD\n",
	           FAST_HAS("name=Ana, Jr Souza ", "field 4 [N] [N:Other;X;;;]"),
	           FAST_HAS("[N:Souza;"));
	fast_check("BEGIN:VCARD\nN:Souza;;;;\nEND:VCARD\n", FAST_HAS("name=Souza "), FAST_NONE);
	fast_check("BEGIN:VCARD\nN:;Ana;;;\nEND:VCARD\n", FAST_HAS("name=Ana "), FAST_NONE);
}
END_TEST

/* Second ORG, TITLE and UID lines are kept as they are; the first that
 * says nothing leaves room for the next. */
START_TEST(test_first_of_each)
{
	fast_check("BEGIN:VCARD\nFN:A\nORG:;\nORG:Acme\nORG:Other\nTITLE:\nTITLE:cto\n"
	           "TITLE:ceo\nUID: \nUID:u2\nUID:u3\nEND:VCARD\n",
	           FAST_HAS("uid=u2 name=A org=Acme role=cto ", "field 4 [ORG] [ORG:Other]",
	                    "field 4 [TITLE] [TITLE:ceo]", "field 4 [UID] [UID:u3]"),
	           FAST_HAS("[ORG:Acme]", "[UID:u2]"));
}
END_TEST

/* ---- QUOTED-PRINTABLE lines ---- */

/* A line is QUOTED-PRINTABLE by its parameters only: a ';' after the ':' (in
 * the value) says nothing, a quoted ':' does not end the parameters. */
START_TEST(test_qp_by_parameters)
{
	fast_check("BEGIN:VCARD\nFN:A\nNOTE;ENCODING=QUOTED-PRINTABLE:one=\ntwo\nEND:VCARD\n",
	           FAST_HAS("notes=onetwo "), FAST_NONE);
	fast_check("BEGIN:VCARD\nFN:A\nNOTE:x;ENCODING=QUOTED-PRINTABLE=\nTITLE:t\nEND:VCARD\n",
	           FAST_HAS("role=t ", "notes=x;ENCODING=QUOTED-PRINTABLE= "), FAST_NONE);
	fast_check("BEGIN:VCARD\nFN:A\nNOTE;X-Q=\"a:b\";QUOTED-PRINTABLE:one=\ntwo\nEND:VCARD\n",
	           FAST_HAS("notes=onetwo "), FAST_NONE);
	fast_check("BEGIN:VCARD\nFN:A\nNOTE;X-NOTE=QUOTED-PRINTABLE:one=\nTITLE:t\nEND:VCARD\n",
	           FAST_HAS("role=t "), FAST_NONE);
	/* a quote before any ';' or ':': the parameters are read all the same */
	fast_check("BEGIN:VCARD\nFN:A\n\"X\";QUOTED-PRINTABLE:a=\nTITLE:t\nEND:VCARD\n",
	           FAST_HAS("role= "), FAST_NONE);
}
END_TEST

/* Parameters read into the same struct again leave nothing of the last. */
START_TEST(test_params_reread)
{
	struct vcard_params ps;
	vcard_params_read(&ps, ";TYPE=WORK;CHARSET=latin1;ENCODING=QUOTED-PRINTABLE;"
	                       "X-APPLE-OMIT-YEAR=1604;X-A=1");
	ck_assert_int_eq(ps.qp, 1);
	ck_assert_int_eq(ps.has_charset, 1);
	ck_assert_int_eq(ps.omit_year, 1);
	ck_assert_str_eq(buf_str(&ps.types), "work");
	vcard_params_reread(&ps, "");
	ck_assert_int_eq(ps.qp, 0);
	ck_assert_int_eq(ps.b64, 0);
	ck_assert_int_eq(ps.has_charset, 0);
	ck_assert_int_eq(ps.omit_year, 0);
	ck_assert_int_eq(ps.cs, CHARSET_UTF8);
	ck_assert_ptr_null(ps.charset_name);
	ck_assert_str_eq(buf_str(&ps.types), "");
	ck_assert_str_eq(buf_str(&ps.others), "");
	vcard_params_reread(&ps, ";ENCODING=b");
	ck_assert_int_eq(ps.b64, 1);
	vcard_params_reread(&ps, "");
	ck_assert_int_eq(ps.b64, 0);
	ck_assert_str_eq(buf_str(&ps.others), "");
	vcard_params_reread(&ps, ";type=Home,\"CELL\"");
	ck_assert_str_eq(buf_str(&ps.types), "home,cell");
	ck_assert_int_eq(ps.cs, CHARSET_UTF8);
	vcard_params_reread(&ps, "");
	ck_assert_str_eq(buf_str(&ps.types), "");
	vcard_params_reread(&ps, ";X-APPLE-OMIT-YEAR=1604");
	vcard_params_reread(&ps, "");
	ck_assert_int_eq(ps.omit_year, 0);
	vcard_params_reread(&ps, ";CHARSET=Shift_JIS");
	ck_assert_int_eq(ps.cs, CHARSET_UNKNOWN);
	vcard_params_reread(&ps, "");
	ck_assert_int_eq(ps.cs, CHARSET_UTF8);
	ck_assert_ptr_null(ps.charset_name);
	vcard_params_free(&ps);
}
END_TEST

/* ---- charset, writer pieces ---- */

/* The check by eight-byte words agrees with the one by characters wherever
 * the first byte past ASCII falls. */
START_TEST(test_utf8_check_by_words)
{
	char s[40];
	for (size_t len = 0; len <= 33; len++) {
		for (size_t at = 0; at <= len; at++) {
			memset(s, 'a', sizeof s);
			static const char *const bad[] = {"\xff", "\xc3", "\xc3\xa9", "\xe2\x82\xac"};
			for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
				size_t bl = strlen(bad[k]);
				if (at + bl > len)
					continue;
				memset(s, 'a', sizeof s);
				memcpy(s + at, bad[k], bl);
				ck_assert_msg(charset_is_utf8(s, len) == utf8_valid(s, len),
				              "len %zu at %zu bad %zu", len, at, k);
			}
		}
		memset(s, 'a', sizeof s);
		ck_assert(charset_is_utf8(s, len));
	}
	ck_assert(!charset_is_utf8("abcdefgh\xff", 9));
	ck_assert(!charset_is_utf8("abcdefghabcdefg\x80", 16));
	ck_assert(charset_is_utf8("abcdefghabcdefg\x80", 15));
}
END_TEST

START_TEST(test_birthday_forms)
{
	static const struct {
		const char *in;
		int omit;
		const char *out;
	} cases[] = {
		{"19800102", 0, "1980-01-02"}, {"1980-01-02", 0, "1980-01-02"},
		{"--0304", 0, "--03-04"},      {"--03-04", 0, "--03-04"},
		{"1604-03-04", 0, "--03-04"},  {"1980-12-31", 1, "--12-31"},
		{"9999-12-31", 0, "9999-12-31"}, {"1900-01-01T10:00", 0, "1900-01-01"},
		{"0000-05-06", 0, "--05-06"},  {"1899-01-01", 0, NULL},
		{"1980-13-01", 0, NULL},       {"1980-01-32", 0, NULL},
		{"abc", 0, NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *b = vcard_birthday(cases[i].in, cases[i].omit);
		if (cases[i].out == NULL)
			ck_assert_msg(b == NULL, "%s: %s", cases[i].in, b);
		else
			ck_assert_msg(b != NULL && strcmp(b, cases[i].out) == 0, "%s: %s", cases[i].in,
			              b ? b : "NULL");
		free(b);
	}
}
END_TEST

START_TEST(test_bday_and_n_lines)
{
	static const struct {
		const char *b;
		int version;
		const char *line;
	} cases[] = {
		{"1980-01-02", 4, "BDAY:19800102"},
		{"1980-01-02", 3, "BDAY:1980-01-02"},
		{"--03-04", 4, "BDAY:--0304"},
		{"--03-04", 3, "BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-04"},
	};
	struct buf line;
	buf_init(&line);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		buf_reset(&line);
		vcard_bday_line(&line, cases[i].b, cases[i].version);
		ck_assert_str_eq(buf_str(&line), cases[i].line);
	}
	static const struct {
		const char *name, *line;
	} names[] = {
		{"Ana Souza", "N:Souza;Ana;;;"},
		{"Ana Maria, Jr; x\\y Souza", "N:Souza;Ana Maria\\, Jr\\; x\\\\y;;;"},
		{"Cher", "N:Cher;;;;"},
		{"Line\nbreak Two", "N:Two;Line\\nbreak;;;"},
		{"Drop\rcr Last", "N:Last;Dropcr;;;"},
		{"", "N:;;;;"},
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		buf_reset(&line);
		vcard_n_derived(&line, names[i].name);
		ck_assert_str_eq(buf_str(&line), names[i].line);
	}
	buf_free(&line);
}
END_TEST

/* Inline data (PHOTO, LOGO, SOUND, KEY) in the form of each version: 3.0's
 * and 2.1's ENCODING=b or BASE64 with TYPE, 4.0's data: URI; anything else
 * as it is. */
START_TEST(test_binary_lines)
{
	static const struct {
		const char *kept, *v4, *v3;
	} cases[] = {
		{"PHOTO;ENCODING=b;TYPE=JPEG:/9j/4A", "PHOTO:data:image/jpeg;base64,/9j/4A",
		 "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4A"},
		{"item2.photo;encoding=B;type=png:iVBO", "item2.photo:data:image/png;base64,iVBO",
		 "item2.photo;encoding=B;type=png:iVBO"},
		{"PHOTO;JPEG;ENCODING=BASE64:/9j/", "PHOTO:data:image/jpeg;base64,/9j/",
		 "PHOTO;JPEG;ENCODING=BASE64:/9j/"},
		{"LOGO;BASE64;GIF:R0lG", "LOGO:data:image/gif;base64,R0lG", "LOGO;BASE64;GIF:R0lG"},
		{"PHOTO;PREF=1:data:image/png;base64,iVBO", "PHOTO;PREF=1:data:image/png;base64,iVBO",
		 "PHOTO;ENCODING=b;TYPE=PNG;PREF=1:iVBO"},
		{"SOUND:data:audio/ogg;base64,T2dn", "SOUND:data:audio/ogg;base64,T2dn",
		 "SOUND;ENCODING=b;TYPE=OGG:T2dn"},
		{"KEY;ENCODING=b:AAAA", "KEY:data:;base64,AAAA", "KEY;ENCODING=b:AAAA"},
		{"KEY:data:;base64,AAAA", "KEY:data:;base64,AAAA", "KEY;ENCODING=b:AAAA"},
		{"PHOTO;VALUE=uri:http://example.org/a.jpg", "PHOTO;VALUE=uri:http://example.org/a.jpg",
		 "PHOTO;VALUE=uri:http://example.org/a.jpg"},
		{"PHOTO:data:image/png,plain", "PHOTO:data:image/png,plain", "PHOTO:data:image/png,plain"},
		{"X-PHOTO;ENCODING=b:AAAA", "X-PHOTO;ENCODING=b:AAAA", "X-PHOTO;ENCODING=b:AAAA"},
		{"NOTE;ENCODING=b:AAAA", "NOTE;ENCODING=b:AAAA", "NOTE;ENCODING=b:AAAA"},
		/* a type of another class keeps its class; one that only one form can
		 * say, or two types, stay as they are */
		{"PHOTO:data:9j/4aa;base64,QQ", "PHOTO:data:9j/4aa;base64,QQ",
		 "PHOTO;ENCODING=b;TYPE=9J/4AA:QQ"},
		{"PHOTO:data:image/png;charset=x;base64,QQ", "PHOTO:data:image/png;charset=x;base64,QQ",
		 "PHOTO:data:image/png;charset=x;base64,QQ"},
		{"PHOTO;ENCODING=b;TYPE=\"a,b\":QQ", "PHOTO;ENCODING=b;TYPE=\"a,b\":QQ",
		 "PHOTO;ENCODING=b;TYPE=\"a,b\":QQ"},
		{"PHOTO;ENCODING=b;TYPE=JPEG;TYPE=PNG:QQ", "PHOTO;ENCODING=b;TYPE=JPEG;TYPE=PNG:QQ",
		 "PHOTO;ENCODING=b;TYPE=JPEG;TYPE=PNG:QQ"},
		{"PHOTO;X-ABLABEL=\"a;b:c\";ENCODING=b;TYPE=JPEG:/9j/",
		 "PHOTO;X-ABLABEL=\"a;b:c\":data:image/jpeg;base64,/9j/",
		 "PHOTO;X-ABLABEL=\"a;b:c\";ENCODING=b;TYPE=JPEG:/9j/"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct buf b;
		buf_init(&b);
		vcard_binary_line(&b, cases[i].kept, 4);
		ck_assert_str_eq(buf_str(&b), cases[i].v4);
		buf_reset(&b);
		vcard_binary_line(&b, cases[i].kept, 3);
		ck_assert_str_eq(buf_str(&b), cases[i].v3);
		/* and back: each form gives the other */
		buf_reset(&b);
		vcard_binary_line(&b, cases[i].v3, 4);
		ck_assert_str_eq(buf_str(&b), cases[i].v4);
		buf_free(&b);
	}
	ck_assert(vcard_binary_name("photo") && vcard_binary_name("KEY"));
	ck_assert(!vcard_binary_name("PHOTOS") && !vcard_binary_name("NOTE"));
}
END_TEST

/* A 3.0 card's photo is kept as 4.0 says it, so that the card kith writes
 * and reads back is the same card. */
START_TEST(test_photo_kept_as_uri)
{
	fast_check("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Pia Lund\r\n"
	           "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ\r\nEND:VCARD\r\n",
	           FAST_HAS("field 4 [PHOTO] [PHOTO:data:image/jpeg;base64,/9j/4AAQ]"),
	           FAST_HAS("ENCODING"));
}
END_TEST

Suite *suite_vcard_fast(void)
{
	Suite *s = suite_create("vcard_fast");
	TCase *tc = tcase_create("fast");
	tcase_add_test(tc, test_decoded_same_both_ways);
	tcase_add_test(tc, test_unescaped_same_both_ways);
	tcase_add_test(tc, test_values_read_in_every_form);
	tcase_add_test(tc, test_trim_span);
	tcase_add_test(tc, test_prop_kind_any_case);
	tcase_add_test(tc, test_card_any_case);
	tcase_add_test(tc, test_next_card_holds_nothing_before);
	tcase_add_test(tc, test_photo_then_card);
	tcase_add_test(tc, test_name_before_n);
	tcase_add_test(tc, test_first_of_each);
	tcase_add_test(tc, test_qp_by_parameters);
	tcase_add_test(tc, test_params_reread);
	tcase_add_test(tc, test_utf8_check_by_words);
	tcase_add_test(tc, test_birthday_forms);
	tcase_add_test(tc, test_bday_and_n_lines);
	tcase_add_test(tc, test_binary_lines);
	tcase_add_test(tc, test_photo_kept_as_uri);
	suite_add_tcase(s, tc);
	return s;
}
