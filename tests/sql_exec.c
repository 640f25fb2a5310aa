/* sql_exec.c: a test program that runs SQL on a journal file, so that golden
 * tests can put into it what kith itself refuses to write (control bytes,
 * invalid UTF-8). Not part of kith; links sqlite3 only.
 * usage: sql_exec DB SQL   (SQL may hold several statements) */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	if (argc != 3) {
		fputs("usage: sql_exec DB SQL\n", stderr);
		return 2;
	}
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		fprintf(stderr, "sql_exec: %s: %s\n", argv[1], db ? sqlite3_errmsg(db) : "no memory");
		sqlite3_close(db);
		return 1;
	}
	char *msg = NULL;
	int rc = sqlite3_exec(db, argv[2], NULL, NULL, &msg);
	if (rc != SQLITE_OK)
		fprintf(stderr, "sql_exec: %s\n", msg ? msg : sqlite3_errstr(rc));
	sqlite3_free(msg);
	if (sqlite3_close(db) != SQLITE_OK)
		rc = SQLITE_ERROR;
	return rc == SQLITE_OK ? EXIT_SUCCESS : EXIT_FAILURE;
}
