# A list longer than 500 rows is written as it is measured (streamed); its
# rows and order are those of a short list.
kith demo --contacts 700 --interactions 3000 --seed 3 >/dev/null
kith list | wc -l
kith list | head -6
kith list --limit 5
kith list | awk 'NR > 1 && NR <= 41 { print $NF }' > long.txt
kith list --limit 40 | awk 'NR > 1 { print $NF }' > short.txt
cmp long.txt short.txt && echo "same first 40 attentions"
kith list --sort warmth | awk 'NR == 2 || NR == 701'
kith list --json | grep -c '"id"'
