/* killat.c: a test program that runs a command and sends it SIGKILL after a
 * given number of microseconds (unless it ended first), for the crash tests.
 * Not part of kith; POSIX only.
 * usage: killat MICROSECONDS COMMAND [ARGS...]
 * Prints "killed" or "exit N" on stderr's last line and exits with the
 * command's status (137 when killed). The command's output goes where killat's does. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int killat_reap(pid_t pid, int *status, int block)
{
	for (;;) {
		pid_t r = waitpid(pid, status, block ? 0 : WNOHANG);
		if (r >= 0 || errno != EINTR)
			return (int)r;
	}
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fputs("usage: killat MICROSECONDS COMMAND [ARGS...]\n", stderr);
		return 2;
	}
	char *end = NULL;
	long us = strtol(argv[1], &end, 10);
	if (*argv[1] == '\0' || *end != '\0' || us < 0) {
		fprintf(stderr, "killat: not a number of microseconds: %s\n", argv[1]);
		return 2;
	}
	pid_t pid = fork();
	if (pid < 0) {
		perror("killat: fork");
		return 1;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		perror("killat: exec");
		_exit(127);
	}
	struct timespec left = {us / 1000000, (us % 1000000) * 1000};
	while (nanosleep(&left, &left) != 0 && errno == EINTR)
		;
	int status = 0;
	int r = killat_reap(pid, &status, 0);
	if (r == 0) {
		kill(pid, SIGKILL);
		r = killat_reap(pid, &status, 1);
	}
	if (r < 0) {
		perror("killat: waitpid");
		return 1;
	}
	if (WIFSIGNALED(status)) {
		fprintf(stderr, "killed\n");
		return 128 + WTERMSIG(status);
	}
	fprintf(stderr, "exit %d\n", WEXITSTATUS(status));
	return WEXITSTATUS(status);
}
