# Naming people: the exact name first, names that look like capture syntax,
# namesakes told apart by an id prefix, and messages that say what works.
kith add "J.R. Smith" >/dev/null
kith add "J R Smith" >/dev/null
kith show "J.R. Smith" | head -1
kith show "j r smith" | head -1
for n in "@home" "#1 fan" "!bang" '"Quoted"' "+plus"; do
	kith add "$n" >/dev/null
	kith show "$n" | head -1
done
kith add "J.R. Smith" --org Acme
a=$("$KITH_BIN" add "Ana Souza" --org Acme 2>/dev/null)
b=$("$KITH_BIN" add "Ana Souza" 2>/dev/null)
kith add "ana souza" --org Initech
kith add "Ana Lima" --org Globex >/dev/null
b6=$(printf '%.6s' "$b")
b8=$(printf '%.8s' "$b")
kith show "Ana Souza"
kith show ana
kith show "Ana Souza#$b6" | head -2
kith show "@ana.souza#$(printf '%.8s' "$a")" | head -1
kith show "$b6" | head -2
kith show "Ana Lima#$b8"
kith show zed
kith show 'Zoe "Z" Quinn'
kith log 'coffee with @"Ana Souza"'
kith log 'coffee with @ana'
kith log "coffee with @\"Ana Souza\"#$b6, then @ana.souza#$(printf '%.7s' "$a")"
kith timeline --limit 1
kith log "@+zoe#$b8"
printf 'coffee with @+"Zoe Quinn"\n\n# a comment\ncall with @+"Zoe Quinn"\n' | kith log
printf 'coffee with @+"Zoe Quinn" and @+"Zoe Quinn"\ncall with @zoe\n' | kith log
