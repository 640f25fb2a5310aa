/* check_main.c: the one Check runner. Every `Suite *suite_NAME(void)` in
 * tests/check_*.c is listed in the generated suites.h and run here.
 * A suite name given as an argument runs that suite alone. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define X(fn) Suite *fn(void);
#include "suites.h"
#undef X

struct suite_entry {
	const char *name;
	Suite *(*make)(void);
};

static const struct suite_entry suites[] = {
#define X(fn) {#fn, fn},
#include "suites.h"
#undef X
};

int main(int argc, char **argv)
{
	SRunner *sr = NULL;
	size_t count = sizeof suites / sizeof suites[0];
	for (size_t i = 0; i < count; i++) {
		if (argc > 1) {
			int wanted = 0;
			for (int a = 1; a < argc; a++)
				if (strcmp(argv[a], suites[i].name) == 0 ||
				    strcmp(argv[a], suites[i].name + strlen("suite_")) == 0)
					wanted = 1;
			if (!wanted)
				continue;
		}
		if (sr == NULL)
			sr = srunner_create(suites[i].make());
		else
			srunner_add_suite(sr, suites[i].make());
	}
	if (sr == NULL) {
		fprintf(stderr, "check_kith: no such suite\n");
		return 2;
	}
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	int run = srunner_ntests_run(sr);
	srunner_free(sr);
	printf("unit: %d passed, %d failed\n", run - failed, failed);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
