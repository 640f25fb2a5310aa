# kith import: the format and the path must agree (a folder is read as a vdir
# only), and the format is found by the name's ending before the content.
mkdir cards
cp "$here"/fixtures/import/vdir/*.vcf cards/
kith import cards --format vcard
kith import cards/ines-1.vcf --format vdir
kith import cards --format csv
# a .csv whose content is a card: the name's ending says CSV, whatever the folders
cp cards/joao-2.vcf joao.csv
kith import ./joao.csv
# the same card named .txt: its first bytes say vCard
cp cards/joao-2.vcf joao.txt
kith import joao.txt
kith import cards --dry-run
