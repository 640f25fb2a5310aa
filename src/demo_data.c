/* demo_data.c: the organisations, event series and people's archetypes of the
 * demo network. Static data; depends on demo_data.h. Companies, schools and
 * groups are invented; addresses use the reserved .example domain. */
#include "demo_data.h"

#define DEMO_N(a) (sizeof(a) / sizeof((a)[0]))

static const struct demo_org demo_employer[] = {
	{"Tidewater Labs", "tidewaterlabs.example"},
};

static const struct demo_org demo_companies[] = {
	{"Quarry Systems", "quarrysystems.example"},
	{"Lumen Analytics", "lumenanalytics.example"},
	{"Halyard Data", "halyarddata.example"},
	{"Copperleaf Studio", "copperleaf.example"},
	{"Marigold Bank", "marigoldbank.example"},
	{"Verdant Grid", "verdantgrid.example"},
	{"Nimbus Freight", "nimbusfreight.example"},
	{"Bramble Software", "bramble.example"},
	{"Cobalt Lane", "cobaltlane.example"},
	{"Fjordlight", "fjordlight.example"},
	{"Mosaic Learning", "mosaiclearning.example"},
	{"Ironbark Security", "ironbark.example"},
	{"Lanternfish Games", "lanternfish.example"},
	{"Sabiá Pagamentos", "sabiapagamentos.example"},
	{"Ipê Tecnologia", "ipetecnologia.example"},
	{"Cordillera Datos", "cordilleradatos.example"},
	{"Wawel Soft", "wawelsoft.example"},
	{"Elbhafen Systems", "elbhafen.example"},
	{"Kumo Robotics", "kumorobotics.example"},
	{"Hanbit Mobility", "hanbitmobility.example"},
	{"Lotus Ledger", "lotusledger.example"},
	{"Baobab Health", "baobabhealth.example"},
	{"Nordlys Energy", "nordlys.example"},
	{"Rivage Logistique", "rivage.example"},
	{"Saffron Retail", "saffronretail.example"},
};

static const struct demo_org demo_startups[] = {
	{"Tessellate AI", "tessellate.example"},       {"Pollen", "pollenhq.example"},
	{"Kestrel Payments", "kestrelpay.example"},    {"Driftwood Health", "driftwood.example"},
	{"Orbital Kitchen", "orbitalkitchen.example"}, {"Shoal Analytics", "shoal.example"},
	{"Papyrus Legal", "papyruslegal.example"},
};

static const struct demo_org demo_universities[] = {
	{"University of Northbridge", "northbridge.ac.example"},
	{"Universidade Federal do Vale Verde", "ufvv.edu.example"},
	{"Altenberg Technical University", "tu-altenberg.example"},
	{"Lakeshore Institute of Technology", "lakeshore.edu.example"},
	{"Universidad de Sierra Alta", "usierraalta.example"},
};

static const struct demo_org demo_agencies[] = {
	{"Harbour Talent", "harbourtalent.example"},
	{"Keystone Talent Partners", "keystonetalent.example"},
	{"Meridian Search", "meridiansearch.example"},
	{"Crossway Recruiting", "crossway.example"},
};

static const struct demo_org demo_nonprofits[] = {
	{"Code for Neighbours", "codeforneighbours.example"},
	{"Open Doors Foundation", "opendoors.example"},
	{"Riverside Chamber of Commerce", "riversidechamber.example"},
	{"Riverside Running Club", "riversiderunners.example"},
	{"Tech Mentors Network", "techmentors.example"},
};

static const struct demo_org demo_funds[] = {
	{"Seedling Ventures", "seedling.example"},
	{"Fieldstone Capital", "fieldstone.example"},
	{"Northbridge Angels", "northbridgeangels.example"},
};

static const struct {
	const struct demo_org *v;
	size_t n;
} demo_orgs[DEMO_ORG_COUNT] = {
	[DEMO_ORG_NONE] = {demo_employer, 0},
	[DEMO_ORG_EMPLOYER] = {demo_employer, DEMO_N(demo_employer)},
	[DEMO_ORG_COMPANY] = {demo_companies, DEMO_N(demo_companies)},
	[DEMO_ORG_STARTUP] = {demo_startups, DEMO_N(demo_startups)},
	[DEMO_ORG_UNIVERSITY] = {demo_universities, DEMO_N(demo_universities)},
	[DEMO_ORG_AGENCY] = {demo_agencies, DEMO_N(demo_agencies)},
	[DEMO_ORG_NONPROFIT] = {demo_nonprofits, DEMO_N(demo_nonprofits)},
	[DEMO_ORG_FUND] = {demo_funds, DEMO_N(demo_funds)},
};

const struct demo_org *demo_data_orgs(enum demo_orgtype t, size_t *n)
{
	if ((unsigned)t >= DEMO_ORG_COUNT)
		t = DEMO_ORG_NONE;
	*n = demo_orgs[t].n;
	return demo_orgs[t].v;
}

static const struct demo_series demo_series[] = {
	{"DevConf", "devconf", DEMO_EV_CONFERENCE, 3},
	{"PyCon", "pycon", DEMO_EV_CONFERENCE, 3},
	{"Data Days", "datadays", DEMO_EV_CONFERENCE, 2},
	{"Frontend Forward", "frontend-forward", DEMO_EV_CONFERENCE, 1},
	{"Python Riverside", "python-riverside", DEMO_EV_MEETUP, 4},
	{"Rust Riverside", "rust-riverside", DEMO_EV_MEETUP, 3},
	{"Data Engineering Night", "data-eng-night", DEMO_EV_MEETUP, 4},
	{"Women in Data Breakfast", "wid-breakfast", DEMO_EV_MEETUP, 2},
	{"Postgres Pub Night", "postgres-pub", DEMO_EV_MEETUP, 2},
	{"Product Coffee Club", "product-coffee", DEMO_EV_MEETUP, 1},
	{"Northbridge careers fair", "career-fair", DEMO_EV_FAIR, 2},
	{"Tech Jobs Fair", "jobs-fair", DEMO_EV_FAIR, 1},
	{"Chamber of Commerce breakfast", "chamber", DEMO_EV_COMMUNITY, 1},
	{"Code Club volunteers' evening", "code-club", DEMO_EV_COMMUNITY, 1},
};

const struct demo_series *demo_data_series(size_t *n)
{
	*n = DEMO_N(demo_series);
	return demo_series;
}

#define EV(t) (1u << (t))

/* ikind_w: meeting call message event share intro advice lead referral favor gift note */
/* clang-format off */
static const struct demo_arch demo_archs[DEMO_AR_COUNT] = {
	[DEMO_AR_FAMILY] = {"family", DEMO_ORG_NONE, {100, 0, 0}, DEMO_L_ROLE_FAMILY,
	                    DEMO_L_MET_FAMILY, "family", 14, 100, 1, 0, 0,
	                    {30, 25, 30, 0, 3, 0, 2, 0, 0, 5, 4, 1}, 40, 40, 60, 100},
	[DEMO_AR_FRIEND] = {"friend", DEMO_ORG_COMPANY, {85, 0, 15}, DEMO_L_ROLE_FRIEND,
	                    DEMO_L_MET_FRIEND, "friend", 21, 15, 1, 0, EV(DEMO_EV_MEETUP),
	                    {30, 12, 35, 2, 6, 1, 3, 1, 1, 5, 2, 2}, 35, 40, 80, 95},
	[DEMO_AR_COLLEAGUE] = {"colleague", DEMO_ORG_EMPLOYER, {10, 80, 10},
	                       DEMO_L_ROLE_COLLEAGUE, DEMO_L_MET_COLLEAGUE, "work", 0, 0, 1, 0,
	                       EV(DEMO_EV_CONFERENCE) | EV(DEMO_EV_MEETUP),
	                       {30, 8, 35, 3, 8, 2, 6, 0, 1, 4, 1, 2}, 40, 40, 100, 60},
	[DEMO_AR_FORMER] = {"former colleague", DEMO_ORG_COMPANY, {15, 35, 50}, DEMO_L_ROLE_FORMER,
	                    DEMO_L_MET_FORMER, "former-colleague", 0, 0, 1, 0,
	                    EV(DEMO_EV_CONFERENCE) | EV(DEMO_EV_MEETUP),
	                    {20, 12, 38, 3, 8, 3, 6, 3, 3, 2, 1, 1}, 40, 45, 90, 60},
	[DEMO_AR_MANAGER] = {"former manager", DEMO_ORG_COMPANY, {0, 60, 40}, DEMO_L_ROLE_MANAGER,
	                     DEMO_L_MET_MANAGER, "former-manager", 0, 0, 1, 0,
	                     EV(DEMO_EV_CONFERENCE),
	                     {25, 15, 30, 2, 6, 3, 10, 3, 4, 1, 0, 1}, 60, 25, 90, 50},
	[DEMO_AR_MENTOR] = {"mentor", DEMO_ORG_COMPANY, {10, 0, 90}, DEMO_L_ROLE_MENTOR,
	                    DEMO_L_MET_MENTOR, "mentor", 45, 50, 0, 30,
	                    EV(DEMO_EV_CONFERENCE) | EV(DEMO_EV_MEETUP),
	                    {30, 20, 20, 4, 8, 3, 12, 1, 1, 1, 0, 0}, 70, 15, 90, 60},
	[DEMO_AR_PROFESSOR] = {"professor", DEMO_ORG_UNIVERSITY, {0, 0, 100},
	                       DEMO_L_ROLE_PROFESSOR, DEMO_L_MET_PROFESSOR, "professor", 120, 40, 1,
	                       0, EV(DEMO_EV_FAIR) | EV(DEMO_EV_CONFERENCE),
	                       {15, 8, 45, 3, 12, 2, 10, 0, 4, 1, 0, 0}, 60, 25, 100, 20},
	[DEMO_AR_CLASSMATE] = {"classmate", DEMO_ORG_COMPANY, {60, 10, 30}, DEMO_L_ROLE_CLASSMATE,
	                       DEMO_L_MET_CLASSMATE, "alumni", 0, 0, 1, 0,
	                       EV(DEMO_EV_FAIR) | EV(DEMO_EV_MEETUP),
	                       {25, 8, 45, 3, 8, 2, 4, 2, 1, 2, 0, 0}, 40, 40, 90, 50},
	[DEMO_AR_RECRUITER] = {"recruiter", DEMO_ORG_AGENCY, {0, 100, 0}, DEMO_L_ROLE_RECRUITER,
	                       DEMO_L_MET_RECRUITER, "recruiter", 90, 40, 0, 60,
	                       EV(DEMO_EV_FAIR) | EV(DEMO_EV_CONFERENCE),
	                       {8, 25, 55, 4, 2, 0, 2, 10, 3, 0, 0, 1}, 80, 15, 100, 70},
	[DEMO_AR_HIRING] = {"hiring manager", DEMO_ORG_COMPANY, {0, 90, 10}, DEMO_L_ROLE_HIRING,
	                    DEMO_L_MET_HIRING, "hiring", 0, 0, 0, 50,
	                    EV(DEMO_EV_FAIR) | EV(DEMO_EV_CONFERENCE) | EV(DEMO_EV_MEETUP),
	                    {15, 20, 50, 4, 3, 1, 3, 3, 1, 0, 0, 0}, 60, 20, 90, 30},
	[DEMO_AR_MEETUP] = {"meetup peer", DEMO_ORG_COMPANY, {25, 5, 70}, DEMO_L_ROLE_PEER,
	                    DEMO_L_MET_MEETUP, NULL, 0, 0, 0, 75, EV(DEMO_EV_MEETUP),
	                    {20, 5, 45, 15, 8, 2, 3, 1, 0, 1, 0, 0}, 40, 45, 70, 40},
	[DEMO_AR_CONFERENCE] = {"conference peer", DEMO_ORG_COMPANY, {5, 5, 90}, DEMO_L_ROLE_PEER,
	                        DEMO_L_MET_CONFERENCE, NULL, 0, 0, 0, 85, EV(DEMO_EV_CONFERENCE),
	                        {10, 8, 55, 15, 8, 1, 2, 1, 0, 0, 0, 0}, 45, 45, 70, 20},
	[DEMO_AR_FOUNDER] = {"founder", DEMO_ORG_STARTUP, {5, 15, 80}, DEMO_L_ROLE_FOUNDER,
	                     DEMO_L_MET_FOUNDER, "founder", 60, 20, 0, 40,
	                     EV(DEMO_EV_CONFERENCE) | EV(DEMO_EV_MEETUP) | EV(DEMO_EV_COMMUNITY),
	                     {25, 20, 35, 4, 4, 4, 6, 2, 1, 1, 0, 0}, 35, 50, 90, 60},
	[DEMO_AR_INVESTOR] = {"investor", DEMO_ORG_FUND, {0, 10, 90}, DEMO_L_ROLE_INVESTOR,
	                      DEMO_L_MET_INVESTOR, "investor", 180, 30, 0, 50,
	                      EV(DEMO_EV_CONFERENCE) | EV(DEMO_EV_COMMUNITY),
	                      {25, 20, 45, 4, 3, 3, 3, 0, 0, 0, 0, 0}, 50, 35, 90, 30},
	[DEMO_AR_CLIENT] = {"client", DEMO_ORG_COMPANY, {0, 100, 0}, DEMO_L_ROLE_CLIENT,
	                    DEMO_L_MET_CLIENT, "client", 0, 0, 0, 10, EV(DEMO_EV_CONFERENCE),
	                    {25, 25, 45, 1, 2, 0, 1, 0, 0, 1, 0, 0}, 40, 40, 100, 70},
	[DEMO_AR_COMMUNITY] = {"community", DEMO_ORG_NONPROFIT, {90, 0, 10},
	                       DEMO_L_ROLE_COMMUNITY, DEMO_L_MET_COMMUNITY, "community", 0, 0, 0,
	                       60, EV(DEMO_EV_COMMUNITY),
	                       {30, 10, 35, 10, 2, 1, 1, 0, 0, 8, 1, 0}, 40, 50, 70, 70},
	[DEMO_AR_MENTEE] = {"mentee", DEMO_ORG_STARTUP, {30, 0, 70}, DEMO_L_ROLE_MENTEE,
	                    DEMO_L_MET_MENTEE, "mentee", 30, 30, 0, 40,
	                    EV(DEMO_EV_FAIR) | EV(DEMO_EV_MEETUP),
	                    {25, 10, 35, 3, 10, 3, 16, 3, 2, 1, 0, 0}, 5, 85, 80, 50},
};

/* clang-format on */

const struct demo_arch *demo_data_arch(enum demo_arch_id a)
{
	if ((unsigned)a >= DEMO_AR_COUNT)
		a = DEMO_AR_FRIEND;
	return &demo_archs[a];
}
