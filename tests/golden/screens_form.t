# The add and edit form: every field checked as it is typed (marked "!" and
# explained under it), nothing written until Enter saves a valid form, Esc
# twice leaves a changed form without writing; resizing keeps what was typed.
kith add "Ana Souza" --org Acme --circle inner --email ana@acme.example --tag devconf \
	--note "$(printf 'likes jazz\nhas two cats')" >/dev/null
cat >keys <<'KEYS'
keys a
dump
type Bruno Lima
keys Tab
type Globex
keys Tab Tab C-u
type innr
keys Tab Tab
type 0
keys Tab
type bruno.example.org
dump
keys Enter
dump
resize 30x8
dump
resize 20x6
resize 80x24
keys C-u
type close
keys Tab Tab C-u
type 14
keys Tab C-u
type bruno@globex.example
keys Tab Tab
type work #devconf
dump
keys Enter
dump
keys e
keys Esc
keys e Tab End
type  Ltd
keys Esc
dump
keys Esc
dump
keys g e Tab End
type  Brasil
keys Enter
dump
KEYS
KITH_SCRIPT=keys kith
# notes of several lines come through an edit of another field whole
kith show ana
# undo takes an edit back
cat >keys <<'KEYS'
keys G e Tab End
type  GmbH
keys Enter u
dump
KEYS
KITH_SCRIPT=keys kith
kith list --sort name
