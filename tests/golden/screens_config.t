# The configuration file rebinds keys (bind KEY ACTION); a bad bind line
# stops the program with its file and line; a theme is chosen by name.
kith add "Ana Souza" --circle inner >/dev/null
kith add "Bruno Lima" --circle close >/dev/null
mkdir -p config/kith
printf 'theme = high-contrast\nbind x down\nbind C-n down\n' >config/kith/config
printf 'keys x\ndump\nkeys ? G\ndump\nkeys q q\n' >keys
KITH_SCRIPT=keys kith
printf '# keys\nhalf_life = 90\nbind x frobnicate\n' >config/kith/config
KITH_SCRIPT=keys kith
printf 'bind\n' >config/kith/config
KITH_SCRIPT=keys kith
# a theme that does not exist: said in the status line, mono used
printf 'theme = nosuch\n' >config/kith/config
printf 'dump\n' >keys
KITH_THEMES=/nonexistent KITH_SCRIPT=keys NO_COLOR= kith
# the default theme of a program run from its build folder, wherever the
# current folder is: the themes beside it are found, no message
rm config/kith/config
KITH_SCRIPT=keys NO_COLOR= kith | tail -n 1
