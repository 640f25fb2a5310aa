/* demo_text.c: the text of the demo network: roles, where people were met,
 * notes, and templates of summaries and follow-ups in the voice of someone who
 * keeps a networking journal. Static data; depends on demo_data.h. */
#include "demo_data.h"

#define DEMO_N(a) (sizeof(a) / sizeof((a)[0]))
#define L(name) static const char *const name[]

L(topic) = {
	"moving into data engineering",
	"negotiating the offer",
	"the reorg",
	"hiring plans for next year",
	"a talk proposal for DevConf",
	"Rust in production",
	"going freelance",
	"the postgraduate course",
	"remote work and boundaries",
	"the platform migration",
	"getting to senior",
	"switching to product management",
	"burnout and taking a break",
	"the new team",
	"open-source maintainership",
	"their thesis project",
	"salary bands",
	"the job search",
	"mentoring juniors",
	"starting a company",
	"observability on a budget",
	"the move abroad",
	"learning Kotlin",
	"interview loops that work",
	"the layoffs at their company",
};

L(article) = {
	"negotiating offers",          "staff-engineer career paths",
	"writing good design docs",    "moving from backend to data engineering",
	"salary bands for data roles", "running a mentoring programme",
	"remote onboarding",           "system design interviews",
	"the hidden job market",       "giving and receiving feedback",
	"writing a CV that gets read", "asking for a referral without being pushy",
};

L(city) = {
	"Lisbon",  "Berlin", "Kraków", "Lagos",        "Bengaluru",  "Barcelona", "Manchester",
	"Toronto", "Seoul",  "Osaka",  "Porto Alegre", "Copenhagen", "Lyon",      "Amsterdam",
};

L(role_family) = {"", "nurse", "accountant", "architect", "retired teacher", "student", "lawyer"};
L(role_friend) = {
	"software engineer", "UX designer", "physiotherapist", "journalist",
	"data analyst",      "teacher",     "lawyer",          "product designer",
};
L(role_colleague) = {
	"backend engineer",
	"product manager",
	"designer",
	"data analyst",
	"QA engineer",
	"engineering manager",
	"site reliability engineer",
	"data engineer",
};
L(role_former) = {
	"staff engineer", "engineering manager", "product manager", "data engineer",
	"tech lead",      "frontend engineer",   "head of data",    "solutions architect",
};
L(role_manager) = {"engineering manager", "director of engineering", "CTO", "head of platform"};
L(role_mentor) = {
	"principal engineer",   "VP of engineering",      "staff data engineer",
	"engineering director", "independent consultant",
};
L(role_professor) = {
	"professor of computer science",
	"associate professor",
	"lecturer in distributed systems",
	"senior lecturer in statistics",
};
L(role_classmate) = {"data scientist",  "software engineer", "PhD candidate",
                     "product analyst", "consultant",        "ML engineer"};
L(role_recruiter) = {"technical recruiter", "talent partner", "senior recruiter", "head of talent"};
L(role_hiring) = {"hiring manager, data platform", "engineering manager", "head of analytics",
                  "director of engineering"};
L(role_peer) = {
	"data engineer",       "backend developer",  "DevOps engineer",
	"meetup organiser",    "ML engineer",        "developer advocate",
	"security researcher", "analytics engineer", "open-source maintainer",
};
L(role_founder) = {"founder", "co-founder and CEO", "co-founder and CTO", "founder (stealth)"};
L(role_investor) = {"angel investor", "partner", "principal"};
L(role_client) = {"customer success lead", "account manager", "procurement lead",
                  "operations manager"};
L(role_community) = {"volunteer coordinator", "running club coach", "chamber of commerce director",
                     "career coach"};
L(role_mentee) = {"junior developer", "computer science student", "bootcamp graduate", "intern"};

L(met_family) = {"family", "family; we talk every Sunday", "cousin, grew up on the same street"};
L(met_friend) = {
	"flatmate at {uni}",
	"five-a-side on Thursdays",
	"friend since school",
	"met at a friend's birthday party",
	"climbing gym; we belay each other",
};
L(met_colleague) = {
	"joined {org} the same month as me",
	"on the platform team at {org}",
	"sits next to me on the data team",
	"paired on the billing migration at {org}",
};
L(met_former) = {
	"former colleague at {org2}",
	"we shipped the billing rewrite together at {org2}",
	"my first team lead at {org2}",
	"same on-call rota at {org2}",
};
L(met_manager) = {"former boss at {org2}; wrote my reference",
                  "my manager in my first job, at {org2}"};
L(met_mentor) = {
	"mentoring programme of {event}",
	"gave the talk on career ladders at {event}",
	"introduced by a former colleague; offered to mentor me",
};
L(met_professor) = {
	"my thesis supervisor at {uni}",
	"taught distributed systems at {uni}",
	"a professor I admire; followed the lectures online and wrote after the course",
};
L(met_classmate) = {"classmate at {uni}", "same cohort of the master's at {uni}",
                    "group project partner at {uni}"};
L(met_recruiter) = {
	"career fair at the university",
	"reached out on LinkedIn about a data engineering role",
	"recruiter for {org2} at {event}",
};
L(met_hiring) = {"interviewed me at {org}", "career fair at {uni}, at the {org} stand",
                 "introduced by a friend for the platform role"};
L(met_meetup) = {"{event}, talked about {topic} over pizza", "gave a lightning talk at {event}",
                 "co-organises {event}"};
L(met_conference) = {"{event} hallway track", "sat together at the {event} keynote",
                     "asked a question after their talk at {event}"};
L(met_founder) = {"startup weekend in {city}", "demo day at the {city} incubator",
                  "introduced by an old colleague; looking for a first data hire"};
L(met_investor) = {"angel investor; met at demo day", "panel at {event}"};
L(met_client) = {"customer at {org}; weekly sync on the integration",
                 "account manager at {org} for our cloud contract"};
L(met_community) = {"volunteering at {org}", "{city} chamber of commerce breakfast",
                    "running club on Saturday mornings"};
L(met_mentee) = {"mentee from the {event} mentoring programme",
                 "student I met at the {uni} career fair",
                 "bootcamp graduate; asked for advice on the first job"};
L(met_at_event) = {"met at {event}", "{event}, chatted at the coffee break",
                   "{event}, sat at the same table"};
L(met_recent) = {"met at {event} last week", "{event}, talked about {topic}",
                 "sat next to each other at {event} a few days ago"};

L(notes_personal) = {
	"",
	"",
	"prefers mornings; training for a marathon",
	"two kids; the older one starts school in September",
	"vegetarian; likes the ramen place near the station",
	"is moving to {city} in the spring",
	"plays bass in a band; gigs on Fridays",
	"speaks Portuguese and German",
};
L(notes_work) = {
	"",
	"",
	"",
	"wants to move into product management",
	"looking for a senior role next year; pass on leads",
	"prefers email to calls",
	"writes a newsletter on data engineering",
	"their team is hiring two backend engineers",
	"good person to ask about {topic}",
	"likes to be asked for concrete, small favours",
};

L(s_meeting) = {
	"coffee after the meetup, talked about {topic}",
	"lunch near the {org} office; mostly {topic}",
	"coffee: catching up, then {topic}",
	"breakfast before work; {topic}",
	"walk by the river, talked about {topic}",
	"drinks with the old team",
	"visited the new office at {org}",
	"coffee to say hello, nothing in particular",
	"lunch: they are hiring and asked how I like my team",
};
L(s_call) = {
	"quick call: hello, how are things going",
	"video call about {topic}",
	"phone catch-up; {topic}",
	"called to congratulate on the new role",
	"call to prepare for the interview at {org2}",
};
L(s_message) = {
	"sent a note to say hello, nothing in particular",
	"messaged about {topic}",
	"wished a happy birthday",
	"congratulated on the promotion",
	"thanked for the chat last week",
	"replied to the update about {topic}",
	"asked how the move to {city} went",
	"a few messages about {topic}",
	"congratulated on the talk at {event}",
};
L(s_event) = {"saw each other at {event}", "went to {event} together",
              "bumped into each other at {event}; talked about {topic}"};
L(s_note) = {
	"wants to move into product management",
	"is moving to {city} in the spring",
	"looking for a senior role next year; remember to pass on leads",
	"their team at {org} is hiring two backend engineers",
	"asked me to keep an eye out for {role2} roles",
	"new baby in March; do not push for meetings",
};
L(s_family) = {
	"Sunday lunch at home",
	"dinner; caught up on everything",
	"planned the holidays over lunch",
	"helped set up the new laptop",
	"birthday dinner",
};
L(s_deep) = {
	"long dinner: talked honestly about leaving {org}",
	"two-hour walk; advice on the career change",
	"late coffee that turned into dinner; {topic}",
	"long call about {topic}, and about family",
};
L(s_first) = {
	"followed up after {event}: connected and sent the slides we talked about",
	"coffee after {event}, talked about {topic}",
	"wrote after {event} to keep in touch",
};
L(s_new) = {"met at {event}; talked about {topic}, said we would keep in touch",
            "chatted at {event} about {topic}; swapped contacts"};
L(s_last_dormant) = {"farewell drinks before the move to {city}",
                     "last lunch before they left {org}", "long call before the move to {city}"};

L(s_share_gave) = {"sent the article on {article}", "shared the piece on {article}",
                   "sent the recording of the talk on {topic}"};
L(s_share_got) = {"sent me the article on {article}", "shared their notes from {event}",
                  "recommended a book on {topic}"};
L(s_share_mutual) = {"swapped reading lists on {topic}", "traded notes on {topic}"};
L(s_intro_gave) = {"introduced to a {role2} at {org2}",
                   "introduced to the hiring manager at {org2}",
                   "put in touch with {name2} about {topic}"};
L(s_intro_got) = {"introduced me to {name2}, {role2} at {org2}",
                  "introduced me to the data team at {org2}"};
L(s_intro_mutual) = {"swapped introductions to people at {org2}"};
L(s_advice_gave) = {
	"reviewed the CV and LinkedIn profile",
	"mock interview for the {role2} position",
	"advice on {topic}",
	"mentoring session: planning the first 90 days",
	"talked through the offer from {org2}",
};
L(s_advice_got) = {
	"advice on negotiating the offer",
	"feedback on my talk proposal for {event}",
	"mentoring session: what it takes to get to senior",
	"advice on the postgraduate course",
	"reviewed my CV before the interview at {org2}",
};
L(s_advice_mutual) = {"swapped notes on {topic}", "compared notes on hiring processes"};
L(s_lead_gave) = {"passed on the opening at {org2}",
                  "told about an unadvertised {role2} role at {org2}"};
L(s_lead_got) = {"told me about an unadvertised {role2} role at {org2}",
                 "sent me the opening on the platform team at {org2}"};
L(s_lead_mutual) = {"swapped job leads over coffee"};
L(s_referral_gave) = {"referred for the {role2} role at {org2}", "wrote a LinkedIn recommendation"};
L(s_referral_got) = {"referred me for the position at {org}", "wrote me a recommendation letter",
                     "put my name forward for the {role2} role at {org2}"};
L(s_referral_mutual) = {"recommended each other on LinkedIn"};
L(s_favor_gave) = {
	"helped move flat",
	"covered the hosting of {event} when they were ill",
	"reviewed the grant application",
	"helped debug the data pipeline over the weekend",
};
L(s_favor_got) = {"lent me the projector for the meetup", "helped me prepare the demo",
                  "looked after the cat while I was away", "proofread my cover letter"};
L(s_favor_mutual) = {"pair-programmed on each other's side projects"};
L(s_gift_gave) = {"sent a book for the new job", "sent flowers after the surgery",
                  "birthday present"};
L(s_gift_got) = {"gave me a signed copy of their book", "brought back coffee from {city}"};
L(s_gift_mutual) = {"exchanged small presents at the end of the year"};

L(s_conference) = {"{event}: talks on {topic}; hallway chat with the group",
                   "{event}: workshop on {topic}, dinner with the group afterwards"};
L(s_meetup) = {"{event}: lightning talks and pizza, then {topic}",
               "{event}: a talk on {topic}, drinks afterwards"};
L(s_fair) = {"{event}: walked the stands together",
             "{event}: went round the stands, then coffee with the group"};
L(s_community) = {"{event}: breakfast and short introductions round the table",
                  "{event}: volunteering evening, then {topic}"};
L(s_intro_pair) = {"introduced {a} to {b} ({b_role} at {b_org}); both care about {topic}",
                   "introduced {a} to {b}, who is hiring at {b_org}"};

L(followup) = {
	"send the slides from {event}",
	"ask how the interview at {org2} went",
	"send the article on {article}",
	"book a coffee",
	"send my CV",
	"reply about the role at {org2}",
	"check in after the move to {city}",
	"congratulate on the new job",
	"share the meetup recording",
	"write the LinkedIn recommendation",
	"introduce to someone at {org2}",
};
L(followup_owe) = {"return the favour: review their talk proposal",
                   "thank properly for the referral", "send the book I promised"};

static const struct {
	const char *const *v;
	size_t n;
} demo_lists[DEMO_L_COUNT] = {
#define E(id, a) [id] = {a, DEMO_N(a)}
	E(DEMO_L_TOPIC, topic),
	E(DEMO_L_ARTICLE, article),
	E(DEMO_L_CITY, city),
	E(DEMO_L_ROLE_FAMILY, role_family),
	E(DEMO_L_ROLE_FRIEND, role_friend),
	E(DEMO_L_ROLE_COLLEAGUE, role_colleague),
	E(DEMO_L_ROLE_FORMER, role_former),
	E(DEMO_L_ROLE_MANAGER, role_manager),
	E(DEMO_L_ROLE_MENTOR, role_mentor),
	E(DEMO_L_ROLE_PROFESSOR, role_professor),
	E(DEMO_L_ROLE_CLASSMATE, role_classmate),
	E(DEMO_L_ROLE_RECRUITER, role_recruiter),
	E(DEMO_L_ROLE_HIRING, role_hiring),
	E(DEMO_L_ROLE_PEER, role_peer),
	E(DEMO_L_ROLE_FOUNDER, role_founder),
	E(DEMO_L_ROLE_INVESTOR, role_investor),
	E(DEMO_L_ROLE_CLIENT, role_client),
	E(DEMO_L_ROLE_COMMUNITY, role_community),
	E(DEMO_L_ROLE_MENTEE, role_mentee),
	E(DEMO_L_MET_FAMILY, met_family),
	E(DEMO_L_MET_FRIEND, met_friend),
	E(DEMO_L_MET_COLLEAGUE, met_colleague),
	E(DEMO_L_MET_FORMER, met_former),
	E(DEMO_L_MET_MANAGER, met_manager),
	E(DEMO_L_MET_MENTOR, met_mentor),
	E(DEMO_L_MET_PROFESSOR, met_professor),
	E(DEMO_L_MET_CLASSMATE, met_classmate),
	E(DEMO_L_MET_RECRUITER, met_recruiter),
	E(DEMO_L_MET_HIRING, met_hiring),
	E(DEMO_L_MET_MEETUP, met_meetup),
	E(DEMO_L_MET_CONFERENCE, met_conference),
	E(DEMO_L_MET_FOUNDER, met_founder),
	E(DEMO_L_MET_INVESTOR, met_investor),
	E(DEMO_L_MET_CLIENT, met_client),
	E(DEMO_L_MET_COMMUNITY, met_community),
	E(DEMO_L_MET_MENTEE, met_mentee),
	E(DEMO_L_MET_AT_EVENT, met_at_event),
	E(DEMO_L_MET_RECENT, met_recent),
	E(DEMO_L_NOTES_PERSONAL, notes_personal),
	E(DEMO_L_NOTES_WORK, notes_work),
	E(DEMO_L_S_MEETING, s_meeting),
	E(DEMO_L_S_CALL, s_call),
	E(DEMO_L_S_MESSAGE, s_message),
	E(DEMO_L_S_EVENT, s_event),
	E(DEMO_L_S_NOTE, s_note),
	E(DEMO_L_S_FAMILY, s_family),
	E(DEMO_L_S_DEEP, s_deep),
	E(DEMO_L_S_FIRST, s_first),
	E(DEMO_L_S_NEW, s_new),
	E(DEMO_L_S_LAST_DORMANT, s_last_dormant),
	E(DEMO_L_S_SERVICE + 0, s_share_gave),
	E(DEMO_L_S_SERVICE + 1, s_share_got),
	E(DEMO_L_S_SERVICE + 2, s_share_mutual),
	E(DEMO_L_S_SERVICE + 3, s_intro_gave),
	E(DEMO_L_S_SERVICE + 4, s_intro_got),
	E(DEMO_L_S_SERVICE + 5, s_intro_mutual),
	E(DEMO_L_S_SERVICE + 6, s_advice_gave),
	E(DEMO_L_S_SERVICE + 7, s_advice_got),
	E(DEMO_L_S_SERVICE + 8, s_advice_mutual),
	E(DEMO_L_S_SERVICE + 9, s_lead_gave),
	E(DEMO_L_S_SERVICE + 10, s_lead_got),
	E(DEMO_L_S_SERVICE + 11, s_lead_mutual),
	E(DEMO_L_S_SERVICE + 12, s_referral_gave),
	E(DEMO_L_S_SERVICE + 13, s_referral_got),
	E(DEMO_L_S_SERVICE + 14, s_referral_mutual),
	E(DEMO_L_S_SERVICE + 15, s_favor_gave),
	E(DEMO_L_S_SERVICE + 16, s_favor_got),
	E(DEMO_L_S_SERVICE + 17, s_favor_mutual),
	E(DEMO_L_S_SERVICE + 18, s_gift_gave),
	E(DEMO_L_S_SERVICE + 19, s_gift_got),
	E(DEMO_L_S_SERVICE + 20, s_gift_mutual),
	E(DEMO_L_S_CONFERENCE, s_conference),
	E(DEMO_L_S_MEETUP, s_meetup),
	E(DEMO_L_S_FAIR, s_fair),
	E(DEMO_L_S_COMMUNITY, s_community),
	E(DEMO_L_S_INTRO_PAIR, s_intro_pair),
	E(DEMO_L_FOLLOWUP, followup),
	E(DEMO_L_FOLLOWUP_OWE, followup_owe),
#undef E
};

const char *const *demo_data_list(enum demo_list l, size_t *n)
{
	if ((unsigned)l >= DEMO_L_COUNT)
		l = DEMO_L_TOPIC;
	*n = demo_lists[l].n;
	return demo_lists[l].v;
}

enum demo_list demo_data_service_list(enum ikind k, enum direction d)
{
	if (!model_ikind_is_service(k))
		return DEMO_L_S_MEETING;
	int di = d == DIR_GAVE ? 0 : d == DIR_GOT ? 1 : 2;
	return (enum demo_list)(DEMO_L_S_SERVICE + (k - IKIND_SHARE) * 3 + di);
}
