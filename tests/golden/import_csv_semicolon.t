# A CSV that a spreadsheet writes where the decimal mark is a comma (German,
# French, Spanish, Portuguese Excel and Outlook): cells separated by ';', here
# in Windows-1252, a quoted cell holding ';' and ','; and one separated by TABs.
# The separator is told by the header row; the columns map by name as ever.
printf 'Vorname;Nachname;Firma;E-Mail-Adresse;Telefon;Hobby\r\nJ\374rgen;M\374ller;"Siemens; Werk 2";jm@de.example;+49 1;Segeln\r\nAnn;Lee;"Acme, Inc.";ann@x.example;;\r\n' >outlook_de.csv
kith import outlook_de.csv
kith list --sort name --json | grep -E '"(name|org)"' | sed 's/^ *//'
kith import outlook_de.csv
printf 'Name\tE-mail\tPhone\nTab Person\tt@x.example\t+1 2\n' >people.tsv
kith import --format csv people.tsv
kith show tab | sed -n '1,/^$/p'
