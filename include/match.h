/* match.h: finding the contact a mention or a CONTACT argument names: a
 * uuid, a uuid prefix of 6+ characters, the exact name, or a unique prefix of
 * name words, ignoring case and accents (DESIGN.md §5, §7). The pure choice
 * among candidates and the suggestions for a miss are separate from the
 * lookups in the journal. Depends on model.h, utf8.h and store.h. */
#ifndef KITH_MATCH_H
#define KITH_MATCH_H

#include <stddef.h>

#include "model.h"

struct store;

enum match_result { MATCH_NONE, MATCH_ONE, MATCH_AMBIGUOUS };

/* 1 when every word of folded_query (words split on spaces) starts a word of
 * folded_name (words start the name and follow a space or a '-'). */
int match_words_prefix(const char *folded_query, const char *folded_name);

/* How well an address-book entry (folded name, organisation and e-mail)
 * answers a mail client's query (folded), best 0: the exact name 0, name
 * words starting with the query's words 1, the e-mail starting with it 2,
 * organisation words starting with the query's words 3, the query inside
 * the name, organisation or e-mail 4; -1 when it does not match. An empty
 * query matches everything (4). match_query.c */
int match_address(const char *folded_query, const char *folded_name, const char *folded_org,
                  const char *folded_email);

/* Decides among candidates (names are folded here): the one candidate whose
 * folded full name equals folded_query wins; several equal ones are
 * ambiguous; else the candidates matching by match_words_prefix decide: one
 * is MATCH_ONE, more are MATCH_AMBIGUOUS. *picked is the index chosen for
 * MATCH_ONE (untouched otherwise). */
enum match_result match_pick(const char *folded_query, const struct contact_ref *cands, size_t n,
                             size_t *picked);

/* Completion: the indices of the candidates matching folded_query by exact
 * name or word prefix, exact names first, then in the given order; at most
 * max written to out. Returns how many were written. */
size_t match_filter(const char *folded_query, const struct contact_ref *all, size_t n, size_t *out,
                    size_t max);

/* For a miss: the indices of the names closest to folded_query (Damerau-
 * Levenshtein distance between the query's words and the name's words, or
 * the whole name), best first, ties by name; only reasonably close ones (a
 * distance of at most a third of the query's length, at least 1). At most
 * max written to out; returns how many. */
size_t match_suggest(const char *folded_query, const struct contact_ref *all, size_t n, size_t *out,
                     size_t max);

/* Resolves spec, a CONTACT argument, to one contact: a full uuid, a uuid
 * prefix of 6+ hex characters (falls back to names when no id starts so),
 * the exact full name as written ("J.R. Smith", "@home"), or a name as in a
 * mention ("ana", "@ana", "ana.souza", "Ana Souza", "@\"Ana Souza\""),
 * which may end in #PREFIX, an id prefix of 6+ characters that picks one of
 * several namesakes ("Ana Souza#3f9c2a"). On success fills *out (the caller
 * frees it with contact_ref_free). Fails with *cause (caller frees) on an
 * ambiguous spec (listing the candidates, each with its org and id) or an
 * unknown one (suggesting close names and `kith add NAME`); these messages
 * never use the capture syntax. */
int match_resolve(struct store *st, const char *spec, struct contact_ref *out, char **cause);

/* Like match_resolve for a mention, as capture_mention holds it: its text
 * (no '@', quotes or dots) and id_prefix (NULL when it has none); never
 * tries the text as an id. The messages use the capture syntax: each
 * candidate of an ambiguous mention comes with the mention that names it
 * (@"Ana Souza"#3f9c2a1b when others have that name), and an unknown name
 * with the @+"Name" form. */
int match_resolve_name(struct store *st, const char *text, const char *id_prefix,
                       struct contact_ref *out, char **cause);

/* The mention that names exactly the contact with this id and name in a
 * capture line: the name as capture_mention_format writes it, followed by
 * #PREFIX, the shortest prefix of its id of 8 or more characters that no
 * other id starts with, when another contact has the same name (the form the
 * messages above print). *namesake (when not NULL) tells whether it has one.
 * Returns a heap string the caller frees, or NULL with *cause (caller frees). */
char *match_mention_of(struct store *st, const char *id, const char *name, int *namesake,
                       char **cause);

#endif
