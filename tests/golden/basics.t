# The command-line contract: help, version, usage errors and exit codes.
kith --version
kith --help
kith add --help
kith frobnicate
kith list --bogus
kith add
kith list --sort sideways
kith list --limit -3
kith add "Ana Souza" --circle middle
kith add "Ana Souza" --every 0days
kith add "   "
kith --now 2026-13-01 list
kith list
kith "$(printf 'fr\033[31mob')"
kith list "--$(printf '\033]0;x\007')"
