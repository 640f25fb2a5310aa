/* demo_names.c: given and family names of the demo network by culture, in
 * their own scripts with Latin and ASCII forms. Static data; depends on
 * demo_data.h. */
#include "demo_data.h"

#define DEMO_N(a) (sizeof(a) / sizeof((a)[0]))

static const struct demo_name pt_given[] = {
	{"Ana", NULL, "ana"},
	{"Fátima", NULL, "fatima"},
	{"João", NULL, "joao"},
	{"Bruno", NULL, "bruno"},
	{"Thiago", NULL, "thiago"},
	{"Luíza", NULL, "luiza"},
	{"Camila", NULL, "camila"},
	{"Rafael", NULL, "rafael"},
	{"Beatriz", NULL, "beatriz"},
	{"Gustavo", NULL, "gustavo"},
	{"Mariana", NULL, "mariana"},
	{"Leandro", NULL, "leandro"},
	{"Ana Clara", NULL, "anaclara"},
	{"João Pedro", NULL, "joaopedro"},
	{"Letícia", NULL, "leticia"},
	{"Caio", NULL, "caio"},
	{"Débora", NULL, "debora"},
	{"Vinícius", NULL, "vinicius"},
};
static const struct demo_name pt_family[] = {
	{"Souza", NULL, "souza"},
	{"Almeida", NULL, "almeida"},
	{"Araújo", NULL, "araujo"},
	{"Gonçalves", NULL, "goncalves"},
	{"Magalhães", NULL, "magalhaes"},
	{"Ribeiro", NULL, "ribeiro"},
	{"Conceição", NULL, "conceicao"},
	{"Carvalho", NULL, "carvalho"},
	{"Nogueira", NULL, "nogueira"},
	{"Figueiredo", NULL, "figueiredo"},
	{"Lima", NULL, "lima"},
	{"Barbosa", NULL, "barbosa"},
	{"dos Santos", NULL, "dossantos"},
	{"Brandão", NULL, "brandao"},
};

static const struct demo_name es_given[] = {
	{"Sofía", NULL, "sofia"},          {"Martín", NULL, "martin"},
	{"Lucía", NULL, "lucia"},          {"Alejandro", NULL, "alejandro"},
	{"Íñigo", NULL, "inigo"},          {"Begoña", NULL, "begona"},
	{"Mateo", NULL, "mateo"},          {"Valentina", NULL, "valentina"},
	{"María José", NULL, "mariajose"}, {"Andrés", NULL, "andres"},
	{"Ximena", NULL, "ximena"},        {"Joaquín", NULL, "joaquin"},
	{"Paula", NULL, "paula"},          {"Diego", NULL, "diego"},
	{"Camila", NULL, "camila"},        {"Nicolás", NULL, "nicolas"},
};
static const struct demo_name es_family[] = {
	{"Hernández", NULL, "hernandez"}, {"García López", NULL, "garcialopez"},
	{"Rodríguez", NULL, "rodriguez"}, {"Fernández", NULL, "fernandez"},
	{"Núñez", NULL, "nunez"},         {"Etxeberria", NULL, "etxeberria"},
	{"Ortega", NULL, "ortega"},       {"Morales Ruiz", NULL, "moralesruiz"},
	{"Castillo", NULL, "castillo"},   {"Vargas", NULL, "vargas"},
	{"Peña", NULL, "pena"},           {"Sánchez", NULL, "sanchez"},
	{"Quispe", NULL, "quispe"},       {"Ibáñez", NULL, "ibanez"},
};

static const struct demo_name en_given[] = {
	{"Emily", NULL, "emily"},   {"James", NULL, "james"},   {"Sarah", NULL, "sarah"},
	{"Tom", NULL, "tom"},       {"Rachel", NULL, "rachel"}, {"Olivia", NULL, "olivia"},
	{"Daniel", NULL, "daniel"}, {"Hannah", NULL, "hannah"}, {"Michael", NULL, "michael"},
	{"Grace", NULL, "grace"},   {"Oliver", NULL, "oliver"}, {"Megan", NULL, "megan"},
	{"Ben", NULL, "ben"},       {"Chloe", NULL, "chloe"},   {"Liam", NULL, "liam"},
	{"Zoe", NULL, "zoe"},       {"Marcus", NULL, "marcus"}, {"Abigail", NULL, "abigail"},
};
static const struct demo_name en_family[] = {
	{"Clarke", NULL, "clarke"},
	{"O'Connor", NULL, "oconnor"},
	{"Mitchell", NULL, "mitchell"},
	{"Whitaker", NULL, "whitaker"},
	{"Bennett", NULL, "bennett"},
	{"Hughes", NULL, "hughes"},
	{"Fletcher", NULL, "fletcher"},
	{"Walsh", NULL, "walsh"},
	{"Reid", NULL, "reid"},
	{"Thompson", NULL, "thompson"},
	{"McAllister", NULL, "mcallister"},
	{"Brooks", NULL, "brooks"},
	{"Patel-Hughes", NULL, "patelhughes"},
	{"Carter", NULL, "carter"},
	{"Doyle", NULL, "doyle"},
	{"Ellis", NULL, "ellis"},
};

static const struct demo_name de_given[] = {
	{"Jürgen", NULL, "juergen"},      {"Lena", NULL, "lena"},
	{"Jörg", NULL, "joerg"},          {"Anja", NULL, "anja"},
	{"Katrin", NULL, "katrin"},       {"Maximilian", NULL, "max"},
	{"Sophie", NULL, "sophie"},       {"Tobias", NULL, "tobias"},
	{"Julia", NULL, "julia"},         {"Matthias", NULL, "matthias"},
	{"Franziska", NULL, "franziska"}, {"Lukas", NULL, "lukas"},
	{"Annika", NULL, "annika"},       {"Björn", NULL, "bjoern"},
	{"Miriam", NULL, "miriam"},
};
static const struct demo_name de_family[] = {
	{"Müller", NULL, "mueller"},     {"Groß", NULL, "gross"},     {"Schäfer", NULL, "schaefer"},
	{"Weiß", NULL, "weiss"},         {"Köhler", NULL, "koehler"}, {"Becker", NULL, "becker"},
	{"Hoffmann", NULL, "hoffmann"},  {"Krüger", NULL, "krueger"}, {"Wagner", NULL, "wagner"},
	{"Lange", NULL, "lange"},        {"Vogel", NULL, "vogel"},    {"Brandt", NULL, "brandt"},
	{"Schröder", NULL, "schroeder"},
};

static const struct demo_name pl_given[] = {
	{"Łukasz", NULL, "lukasz"},
	{"Agnieszka", NULL, "agnieszka"},
	{"Małgorzata", NULL, "malgorzata"},
	{"Krzysztof", NULL, "krzysztof"},
	{"Zofia", NULL, "zofia"},
	{"Paweł", NULL, "pawel"},
	{"Katarzyna", NULL, "katarzyna"},
	{"Michał", NULL, "michal"},
	{"Joanna", NULL, "joanna"},
	{"Wojciech", NULL, "wojciech"},
	{"Ewa", NULL, "ewa"},
	{"Bartłomiej", NULL, "bartlomiej"},
	{"Aleksandra", NULL, "aleksandra"},
	{"Tomasz", NULL, "tomasz"},
};
static const struct demo_name pl_family[] = {
	{"Wiśniewski", NULL, "wisniewski"}, {"Zając", NULL, "zajac"},
	{"Wójcik", NULL, "wojcik"},         {"Dąbrowski", NULL, "dabrowski"},
	{"Kowalczyk", NULL, "kowalczyk"},   {"Lewandowski", NULL, "lewandowski"},
	{"Szymański", NULL, "szymanski"},   {"Kaczmarek", NULL, "kaczmarek"},
	{"Jabłoński", NULL, "jablonski"},   {"Grabowska", NULL, "grabowska"},
	{"Nowak", NULL, "nowak"},           {"Mazur", NULL, "mazur"},
};

/* Yoruba, Igbo and Hausa names; a few with their tone marks. */
static const struct demo_name ng_given[] = {
	{"Adébáyọ̀", NULL, "adebayo"},     {"Chiamaka", NULL, "chiamaka"},
	{"Ngozi", NULL, "ngozi"},         {"Oluwaseun", NULL, "oluwaseun"},
	{"Emeka", NULL, "emeka"},         {"Aisha", NULL, "aisha"},
	{"Funmilayo", NULL, "funmilayo"}, {"Chinedu", NULL, "chinedu"},
	{"Ifeoma", NULL, "ifeoma"},       {"Tunde", NULL, "tunde"},
	{"Zainab", NULL, "zainab"},       {"Ọláolúwa", NULL, "olaoluwa"},
	{"Kelechi", NULL, "kelechi"},     {"Yetunde", NULL, "yetunde"},
};
static const struct demo_name ng_family[] = {
	{"Ogunleye", NULL, "ogunleye"}, {"Okafor", NULL, "okafor"},
	{"Eze", NULL, "eze"},           {"Nwosu", NULL, "nwosu"},
	{"Bello", NULL, "bello"},       {"Adeyemi", NULL, "adeyemi"},
	{"Okonkwo", NULL, "okonkwo"},   {"Balogun", NULL, "balogun"},
	{"Abubakar", NULL, "abubakar"}, {"Onyekachi", NULL, "onyekachi"},
	{"Àjàyí", NULL, "ajayi"},       {"Obi", NULL, "obi"},
};

static const struct demo_name in_given[] = {
	{"Priya", NULL, "priya"},     {"Arjun", NULL, "arjun"},   {"Ananya", NULL, "ananya"},
	{"Rohan", NULL, "rohan"},     {"Kavya", NULL, "kavya"},   {"Siddharth", NULL, "siddharth"},
	{"Lakshmi", NULL, "lakshmi"}, {"Vikram", NULL, "vikram"}, {"Meera", NULL, "meera"},
	{"Aditya", NULL, "aditya"},   {"Divya", NULL, "divya"},   {"Karthik", NULL, "karthik"},
	{"Neha", NULL, "neha"},       {"Rahul", NULL, "rahul"},   {"Shreya", NULL, "shreya"},
};
static const struct demo_name in_family[] = {
	{"Raghunathan", NULL, "raghunathan"},
	{"Mehta", NULL, "mehta"},
	{"Iyer", NULL, "iyer"},
	{"Deshpande", NULL, "deshpande"},
	{"Nair", NULL, "nair"},
	{"Rao", NULL, "rao"},
	{"Venkataraman", NULL, "venkataraman"},
	{"Kapoor", NULL, "kapoor"},
	{"Chatterjee", NULL, "chatterjee"},
	{"Reddy", NULL, "reddy"},
	{"Bhattacharya", NULL, "bhattacharya"},
	{"Sharma", NULL, "sharma"},
	{"Kulkarni", NULL, "kulkarni"},
};

static const struct demo_name zh_given[] = {
	{"芳", "Fang", "fang"},
	{"伟", "Wei", "wei"},
	{"静", "Jing", "jing"},
	{"洋", "Yang", "yang"},
	{"敏", "Min", "min"},
	{"磊", "Lei", "lei"},
	{"婷", "Ting", "ting"},
	{"昊", "Hao", "hao"},
	{"晓明", "Xiaoming", "xiaoming"},
	{"雨桐", "Yutong", "yutong"},
	{"子涵", "Zihan", "zihan"},
	{"嘉怡", "Jiayi", "jiayi"},
	{"俊杰", "Junjie", "junjie"},
	{"思远", "Siyuan", "siyuan"},
};
static const struct demo_name zh_family[] = {
	{"王", "Wang", "wang"}, {"李", "Li", "li"},       {"张", "Zhang", "zhang"},
	{"刘", "Liu", "liu"},   {"陈", "Chen", "chen"},   {"杨", "Yang", "yang"},
	{"赵", "Zhao", "zhao"}, {"黄", "Huang", "huang"}, {"周", "Zhou", "zhou"},
	{"吴", "Wu", "wu"},     {"徐", "Xu", "xu"},       {"孙", "Sun", "sun"},
};

static const struct demo_name ja_given[] = {
	{"美咲", "Misaki", "misaki"},   {"翔太", "Shōta", "shota"},
	{"陽菜", "Hina", "hina"},       {"健太", "Kenta", "kenta"},
	{"さくら", "Sakura", "sakura"}, {"大輔", "Daisuke", "daisuke"},
	{"由美", "Yumi", "yumi"},       {"拓也", "Takuya", "takuya"},
	{"結衣", "Yui", "yui"},         {"蓮", "Ren", "ren"},
	{"葵", "Aoi", "aoi"},           {"悠斗", "Yūto", "yuto"},
};
static const struct demo_name ja_family[] = {
	{"佐藤", "Satō", "sato"},
	{"鈴木", "Suzuki", "suzuki"},
	{"高橋", "Takahashi", "takahashi"},
	{"田中", "Tanaka", "tanaka"},
	{"伊藤", "Itō", "ito"},
	{"渡辺", "Watanabe", "watanabe"},
	{"山本", "Yamamoto", "yamamoto"},
	{"中村", "Nakamura", "nakamura"},
	{"小林", "Kobayashi", "kobayashi"},
	{"加藤", "Katō", "kato"},
	{"森", "Mori", "mori"},
};

static const struct demo_name ko_given[] = {
	{"민준", "Min-jun", "minjun"}, {"서연", "Seo-yeon", "seoyeon"},
	{"지훈", "Ji-hoon", "jihoon"}, {"수빈", "Su-bin", "subin"},
	{"하은", "Ha-eun", "haeun"},   {"도윤", "Do-yoon", "doyoon"},
	{"예린", "Ye-rin", "yerin"},   {"현우", "Hyun-woo", "hyunwoo"},
	{"지민", "Ji-min", "jimin"},   {"유진", "Yu-jin", "yujin"},
	{"은지", "Eun-ji", "eunji"},
};
static const struct demo_name ko_family[] = {
	{"김", "Kim", "kim"},   {"이", "Lee", "lee"},   {"박", "Park", "park"},
	{"최", "Choi", "choi"}, {"정", "Jung", "jung"}, {"강", "Kang", "kang"},
	{"조", "Cho", "cho"},   {"윤", "Yoon", "yoon"}, {"장", "Jang", "jang"},
	{"임", "Lim", "lim"},
};

static const struct demo_name ar_given[] = {
	{"ليلى", "Layla", "layla"},  {"يوسف", "Youssef", "youssef"}, {"فاطمة", "Fatima", "fatima"},
	{"عمر", "Omar", "omar"},     {"نور", "Nour", "nour"},        {"كريم", "Karim", "karim"},
	{"سلمى", "Salma", "salma"},  {"خالد", "Khaled", "khaled"},   {"ياسمين", "Yasmin", "yasmin"},
	{"حسن", "Hassan", "hassan"}, {"رانيا", "Rania", "rania"},
};
static const struct demo_name ar_family[] = {
	{"حداد", "Haddad", "haddad"},
	{"المصري", "El-Masri", "elmasri"},
	{"العمراني", "El Amrani", "elamrani"},
	{"منصور", "Mansour", "mansour"},
	{"خوري", "Khoury", "khoury"},
	{"ناصر", "Nasser", "nasser"},
	{"سعيد", "Saeed", "saeed"},
	{"الحسيني", "Al-Husseini", "alhusseini"},
	{"بنعلي", "Benali", "benali"},
};

static const struct demo_name fr_given[] = {
	{"Hélène", NULL, "helene"},   {"François", NULL, "francois"}, {"Amélie", NULL, "amelie"},
	{"Théo", NULL, "theo"},       {"Chloé", NULL, "chloe"},       {"Benoît", NULL, "benoit"},
	{"Margaux", NULL, "margaux"}, {"Jérôme", NULL, "jerome"},     {"Inès", NULL, "ines"},
	{"Gaëlle", NULL, "gaelle"},   {"Antoine", NULL, "antoine"},   {"Léa", NULL, "lea"},
};
static const struct demo_name fr_family[] = {
	{"Dubois", NULL, "dubois"},       {"Lefèvre", NULL, "lefevre"},
	{"Moreau", NULL, "moreau"},       {"Girard", NULL, "girard"},
	{"Rousseau", NULL, "rousseau"},   {"Mercier", NULL, "mercier"},
	{"Fontaine", NULL, "fontaine"},   {"Lemaître", NULL, "lemaitre"},
	{"Chevalier", NULL, "chevalier"}, {"Faure", NULL, "faure"},
	{"Béranger", NULL, "beranger"},
};

static const struct demo_name nordic_given[] = {
	{"Søren", NULL, "soren"},     {"Åsa", NULL, "asa"},       {"Bjørn", NULL, "bjorn"},
	{"Ingrid", NULL, "ingrid"},   {"Märta", NULL, "marta"},   {"Linnea", NULL, "linnea"},
	{"Øystein", NULL, "oystein"}, {"Sigrid", NULL, "sigrid"}, {"Mads", NULL, "mads"},
	{"Freja", NULL, "freja"},     {"Henrik", NULL, "henrik"}, {"Astrid", NULL, "astrid"},
};
static const struct demo_name nordic_family[] = {
	{"Østergaard", NULL, "ostergaard"},
	{"Lindström", NULL, "lindstrom"},
	{"Haugen", NULL, "haugen"},
	{"Solberg", NULL, "solberg"},
	{"Nyström", NULL, "nystrom"},
	{"Åberg", NULL, "aberg"},
	{"Dahl", NULL, "dahl"},
	{"Halvorsen", NULL, "halvorsen"},
	{"Kristensen", NULL, "kristensen"},
	{"Bergqvist", NULL, "bergqvist"},
	{"Mikkelsen", NULL, "mikkelsen"},
};

/* Weights: the owner lives in a European city, grew up in Brazil and has
 * worked with people from everywhere. */
static const struct demo_culture demo_cultures[] = {
	{"pt-BR", 15, 0, 0, " ", "+55 51 9", 8, pt_given, DEMO_N(pt_given), pt_family,
         DEMO_N(pt_family)},
	{"es", 10, 0, 0, " ", "+34 6", 8, es_given, DEMO_N(es_given), es_family, DEMO_N(es_family)},
	{"en", 16, 0, 0, " ", "+44 7700 900", 3, en_given, DEMO_N(en_given), en_family,
         DEMO_N(en_family)},
	{"de", 9, 0, 0, " ", "+49 151 ", 8, de_given, DEMO_N(de_given), de_family,
         DEMO_N(de_family)},
	{"pl", 7, 0, 0, " ", "+48 5", 8, pl_given, DEMO_N(pl_given), pl_family, DEMO_N(pl_family)},
	{"ng", 7, 0, 0, " ", "+234 80", 8, ng_given, DEMO_N(ng_given), ng_family,
         DEMO_N(ng_family)},
	{"in", 9, 0, 0, " ", "+91 98", 8, in_given, DEMO_N(in_given), in_family, DEMO_N(in_family)},
	{"zh", 7, 55, 1, "", "+86 139", 8, zh_given, DEMO_N(zh_given), zh_family,
         DEMO_N(zh_family)},
	{"ja", 5, 55, 1, " ", "+81 90", 8, ja_given, DEMO_N(ja_given), ja_family,
         DEMO_N(ja_family)},
	{"ko", 5, 55, 1, "", "+82 10", 8, ko_given, DEMO_N(ko_given), ko_family, DEMO_N(ko_family)},
	{"ar", 5, 25, 0, " ", "+212 6", 8, ar_given, DEMO_N(ar_given), ar_family,
         DEMO_N(ar_family)},
	{"fr", 6, 0, 0, " ", "+33 6", 8, fr_given, DEMO_N(fr_given), fr_family, DEMO_N(fr_family)},
	{"nordic", 6, 0, 0, " ", "+45 2", 7, nordic_given, DEMO_N(nordic_given), nordic_family,
         DEMO_N(nordic_family)},
};

const struct demo_culture *demo_data_cultures(size_t *n)
{
	*n = DEMO_N(demo_cultures);
	return demo_cultures;
}
