/* file.c: writing a file whole or not at all (temporary file, fsync, rename,
 * fsync of the folder). Core; depends on POSIX files. */
#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"

/* Syncs the folder of path so that the rename survives a crash; some file
 * systems refuse to sync a folder, which is no failure. */
static void file_sync_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash == NULL ? xstrdup(".")
	                          : xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
	int fd = open(dir, O_RDONLY);
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

int file_write_atomic(const char *path, file_fill_fn fill, void *arg, char **cause)
{
	struct stat sb;
	mode_t mode = stat(path, &sb) == 0 ? (sb.st_mode & 07777) : 0600;
	char *tmp = xasprintf("%s.tmp-%ld", path, (long)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0) {
		int rc = err_set(cause, "cannot write %s: %s", tmp, strerror(errno));
		free(tmp);
		return rc;
	}
	FILE *f = fdopen(fd, "w");
	if (f == NULL) {
		int rc = err_set(cause, "cannot write %s: %s", tmp, strerror(errno));
		close(fd);
		unlink(tmp);
		free(tmp);
		return rc;
	}
	int rc = fill(f, arg, cause);
	if (rc == 0 && fflush(f) != 0)
		rc = err_set(cause, "cannot write %s: %s", path, strerror(errno));
	if (rc == 0 && fchmod(fileno(f), mode) != 0)
		rc = err_set(cause, "cannot set the mode of %s: %s", path, strerror(errno));
	if (rc == 0 && fsync(fileno(f)) != 0)
		rc = err_set(cause, "cannot sync %s: %s", path, strerror(errno));
	if (fclose(f) != 0 && rc == 0)
		rc = err_set(cause, "cannot write %s: %s", path, strerror(errno));
	if (rc == 0 && rename(tmp, path) != 0)
		rc = err_set(cause, "cannot put %s in place: %s", path, strerror(errno));
	if (rc != 0)
		unlink(tmp);
	else
		file_sync_dir(path);
	free(tmp);
	return rc;
}
