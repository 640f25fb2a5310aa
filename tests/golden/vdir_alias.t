# A vdir whose card is in a file not named after its UID (vdirsyncer names
# the file of a UID with '/' or ':' by a hash, as it does for iCloud's):
# the export writes the card back to that file, not to a second one, so the
# folder never holds a contact twice; a later export remembers the file; the
# card edited there comes back on import; removing the contact removes it.
mkdir cards
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:urn:uuid:ab/cd:ABPerson\r\nFN:Ines Moura\r\nEMAIL:ines@example.org\r\nEND:VCARD\r\n' >cards/card-from-server.vcf
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:plain-uid\r\nFN:Joao Reis\r\nEND:VCARD\r\n' >cards/plain-uid.vcf
kith import cards
kith export --format vdir cards
ls cards
grep -c '^UID:urn:uuid:ab/cd:ABPerson' cards/card-from-server.vcf
kith export --format vdir cards
sed 's/^FN:Ines Moura/FN:Ines Moura Reis/' cards/card-from-server.vcf >edited && mv edited cards/card-from-server.vcf
kith import cards
kith export --format vdir cards
ls cards
kith list --sort name
kith rm ines
kith export --format vdir cards
ls cards
