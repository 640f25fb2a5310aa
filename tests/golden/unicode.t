# Names in many scripts line up by display width; hostile text never reaches
# the terminal raw (escapes shown visibly), and JSON escapes it.
kith add "山田太郎" --org "株式会社テスト" --circle close
kith add "Fátima Okafor" --org "Lagos Tech Hub" --circle inner
kith add "Łukasz Nowak" --org "Kraków Devs"
kith add "Zoë 👋 Park" --org "Emoji Inc"
kith add "Mallory" --org "$(printf 'Evil \342\200\256proC \302\2331m C1')" \
	--note "$(printf 'line one\nline two \342\200\256gnp.exe \302\233 C1')" \
	--met "$(printf 'a Bidi \342\201\246isolate\342\201\251 name')"
kith add "Oscar" --org "$(printf 'Evil\033[31mRed\033[0m Corp')"
kith add "Oscar" --met "$(printf 'bell\007 and DEL\177')"
kith add "Oscar" --tag "$(printf 'a\033b')"
kith add "$(printf 'Evil\033[31mRed')"
kith add "$(printf 'Bell\007Name')"
kith add "$(printf 'bad \377 utf8')"
kith list --sort name
kith list --sort name --json
kith show mallory
kith show mallory --json
kith show fatima
kith show lukasz
kith show "山田"
