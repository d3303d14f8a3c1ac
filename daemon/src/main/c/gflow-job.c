/*
 * gflow-job: starts gflow jobs from their spool directories and records how each ended.
 *
 *   gflow-job --serve   the daemon's long-lived launcher: reads one request per job on stdin and
 *                       forks a wrapper for each (below); see serve() for the replies
 *   gflow-job SPOOLDIR  one wrapper, by hand (debugging): what a forked wrapper does, with the
 *                       job's inputs read from the file SPOOLDIR/inputs
 *
 * Runs already as the jobs' user (any privilege drop happens before this program). It is started
 * with a fixed minimal environment, cwd / and no arguments but --serve: each job's argv,
 * environment, cwd and output paths come on stdin (or from a file), so that none of them appears
 * in any /proc/PID/cmdline, and the root daemon never runs anything that reads them.
 *
 * One wrapper per job: forks the job, waits for it and records its end. A job's inputs are
 * NUL-terminated items: cwd, stdout, stderr (absolute paths), the number N of argv items, N argv
 * items, then the env items (NAME=value; of a name given twice, the last). The launcher gets them
 * with the request, not in a file: a file per job would be one more inode allocated and freed per
 * job (see status below).
 * SPOOLDIR outputs:
 *   status        one line per event, each appended with a single write and ended by "\n" (a
 *                 reader takes whole lines only, so it never acts on half a record):
 *                   "wrapper PID TICKS"  the wrapper's pid and start time (field 22 of its
 *                                        /proc stat), written by the launcher once it has
 *                                        reported the wrapper, before the wrapper may go on
 *                   "jobpid PID"         the job's pid = its process group id = its session id,
 *                                        once it has exec'd (or failed to)
 *                   "exit code N" or "exit signal N"  once the job has been reaped
 *                 One file, not one per record: each new file is an inode allocated and later
 *                 freed, which costs more than the record (on ext4 without a journal, every
 *                 allocation skips the inodes freed in the last seconds).
 *   launch_error  one line (tmp + rename), e.g. "chdir /nope: No such file or directory", when
 *                 the job could not be started; the job then exits 127
 * A wrapper outlives the launcher and the daemon: it ignores SIGHUP, SIGINT and SIGTERM (signals
 * go to the job's process group, never here) and writes exit for a daemon that restarts later.
 *
 * C, not a script: the launcher forks a wrapper per job and the wrapper forks the job, and a fork
 * of an interpreter (the Perl program this replaces) copied its page tables and then faulted in
 * the pages it touched, several milliseconds of CPU per job. Every fd this program opens is
 * close-on-exec, but for the job's standard ones.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* Longest reply line, without its "\n". */
#define MAX_REPLY 1000
/* Most bytes read from stdin at once. */
#define READ_CHUNK 65536

/* The message of the last failure, as "what: why", for launch_error or a reply. */
static char failure[4096];

/* Sets the failure message from FORMAT; returns -1, for "return fail(...)". */
__attribute__((format(printf, 1, 2))) static int fail(const char *format, ...) {
  va_list args;
  va_start(args, format);
  vsnprintf(failure, sizeof failure, format, args);
  va_end(args);
  return -1;
}

/* fail() with "WHAT OBJECT: strerror(errno)", or "WHAT: ..." if OBJECT is empty. */
static int fail_errno(const char *what, const char *object) {
  int saved = errno;
  return fail("%s%s%s: %s", what, object[0] != '\0' ? " " : "", object, strerror(saved));
}

/* Writes all of TEXT with one write(2): a status line is appended whole or not at all. */
static int write_once(int fd, const char *text, size_t length) {
  ssize_t written;
  do {
    written = write(fd, text, length);
  } while (written < 0 && errno == EINTR);
  return written == (ssize_t)length ? 0 : -1;
}

/*
 * Closes every fd above 2 but KEEP_A and KEEP_B (-1: none), as listed in /proc/self/fd: whatever
 * this process inherited or the launcher had open, there is nothing else to know.
 */
static int close_other_fds(int keep_a, int keep_b) {
  DIR *dir = opendir("/proc/self/fd");
  if (dir == NULL) {
    return fail_errno("opendir", "/proc/self/fd");
  }
  int own = dirfd(dir);
  struct dirent *entry;
  while ((entry = readdir(dir)) != NULL) {
    char *end;
    long fd = strtol(entry->d_name, &end, 10);
    if (*end == '\0' && end != entry->d_name && fd > 2 && fd != own && fd != keep_a &&
        fd != keep_b) {
      close((int)fd);
    }
  }
  closedir(dir);
  return 0;
}

/*
 * Makes the open FD (of the file NAME, for errors) fd TARGET (0, 1 or 2), without close-on-exec;
 * FD itself is closed if it is another.
 */
static int move_to(int fd, int target, const char *name) {
  if (fd == target) {
    return fcntl(fd, F_SETFD, 0) < 0 ? fail_errno("fcntl", name) : 0;
  }
  int moved = dup2(fd, target);
  close(fd);
  return moved < 0 ? fail_errno("dup", name) : 0;
}

/* Puts /dev/null on fd TARGET (0, 1 or 2). */
static int null_on(int target, int flags) {
  int fd = open("/dev/null", flags | O_CLOEXEC);
  return fd < 0 ? fail_errno("open", "/dev/null") : move_to(fd, target, "/dev/null");
}

/* Reads all of PATH (not a symlink) into a new buffer; its length in *LENGTH. NULL on failure. */
static char *read_file(const char *path, size_t *length) {
  int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    fail_errno("open", path);
    return NULL;
  }
  size_t size = 0, capacity = 4096;
  char *data = malloc(capacity + 1);
  while (data != NULL) {
    if (size == capacity) {
      char *bigger = realloc(data, 2 * capacity + 1);
      if (bigger == NULL) {
        break;
      }
      data = bigger;
      capacity *= 2;
    }
    ssize_t got = read(fd, data + size, capacity - size);
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got < 0) {
      fail_errno("read", path);
      free(data);
      close(fd);
      return NULL;
    }
    if (got == 0) {
      close(fd);
      data[size] = '\0';
      *length = size;
      return data;
    }
    size += (size_t)got;
  }
  free(data);
  close(fd);
  fail("read %s: out of memory", path);
  return NULL;
}

/* Writes NAME in the spool dir atomically, so that a reader sees all of it or nothing. */
static int write_record(const char *spool, const char *name, const char *text) {
  char tmp[PATH_MAX], path[PATH_MAX];
  if (snprintf(tmp, sizeof tmp, "%s/.%s.%d.tmp", spool, name, (int)getpid()) >= (int)sizeof tmp ||
      snprintf(path, sizeof path, "%s/%s", spool, name) >= (int)sizeof path) {
    return fail("spool directory path too long");
  }
  unlink(tmp);
  int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) {
    return fail_errno("open", tmp);
  }
  size_t length = strlen(text);
  size_t done = 0;
  while (done < length) {
    ssize_t written = write(fd, text + done, length - done);
    if (written < 0 && errno == EINTR) {
      continue;
    }
    if (written <= 0) {
      fail_errno("write", tmp);
      close(fd);
      return -1;
    }
    done += (size_t)written;
  }
  if (close(fd) < 0) {
    return fail_errno("close", tmp);
  }
  if (rename(tmp, path) < 0) {
    return fail_errno("rename", tmp);
  }
  return 0;
}

/*
 * Opens SPOOLDIR/status for appending, creating it if needed (exclusively if NEW: the launcher's
 * first record in a fresh spool).
 */
static int open_status(const char *spool, int new) {
  char path[PATH_MAX];
  if (snprintf(path, sizeof path, "%s/status", spool) >= (int)sizeof path) {
    return fail("spool directory path too long");
  }
  int flags = O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC | (new ? O_EXCL : 0);
  int fd = open(path, flags, 0644);
  return fd < 0 ? fail_errno("open", path) : fd;
}

/* Appends one whole LINE to the status file with a single write. */
static int write_status(int fd, const char *line) {
  return write_once(fd, line, strlen(line)) < 0 ? fail_errno("write", "status") : 0;
}

/*
 * The start time of process PID in clock ticks since boot (field 22 of /proc/PID/stat; the
 * command name before it may hold spaces and parentheses), as digits in TICKS.
 */
static int start_ticks(pid_t pid, char *ticks, size_t size) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
  size_t length;
  char *stat = read_file(path, &length);
  if (stat == NULL) {
    return -1;
  }
  char *field = strrchr(stat, ')');
  int ok = 0;
  if (field != NULL && field[1] == ' ') {
    field += 2;
    for (int i = 0; i < 19 && field != NULL; i++) { /* fields 3..21, then 22 */
      field = strchr(field, ' ');
      field = field != NULL ? field + 1 : NULL;
    }
    if (field != NULL) {
      size_t digits = strspn(field, "0123456789");
      if (digits > 0 && digits < size && (field[digits] == ' ' || field[digits] == '\0')) {
        memcpy(ticks, field, digits);
        ticks[digits] = '\0';
        ok = 1;
      }
    }
  }
  free(stat);
  return ok ? 0 : fail("%s: no start time", path);
}

/* TEXT as one line: trailing white space cut, control characters as '?', "\n" appended. */
static void one_line(const char *text, char *line, size_t size) {
  size_t length = strlen(text);
  while (length > 0 && strchr(" \t\n\r\f\v", text[length - 1]) != NULL) {
    length--;
  }
  if (length > size - 2) {
    length = size - 2;
  }
  for (size_t i = 0; i < length; i++) {
    unsigned char c = (unsigned char)text[i];
    line[i] = c < 0x20 || c == 0x7f ? '?' : (char)c;
  }
  line[length] = '\n';
  line[length + 1] = '\0';
}

/* Records the failure in launch_error, prefixed with PREFIX; best effort. */
static void record_launch_error(const char *spool, const char *prefix) {
  char text[sizeof failure + 32], line[sizeof text + 2];
  snprintf(text, sizeof text, "%s%s", prefix, failure);
  one_line(text, line, sizeof line);
  write_record(spool, "launch_error", line);
}

/* Creates the directories above PATH (0755), as mkdir -p would; existing ones may be symlinks. */
static int make_parents(const char *path) {
  char dir[PATH_MAX];
  size_t length = strlen(path);
  if (length >= sizeof dir) {
    return fail("open %s: path too long", path);
  }
  memcpy(dir, path, length + 1);
  char *last = strrchr(dir, '/');
  if (last == NULL || last == dir) {
    return 0;
  }
  *last = '\0';
  for (char *slash = dir; slash != NULL;) {
    slash = strchr(slash + 1, '/');
    if (slash != NULL) {
      *slash = '\0';
    }
    struct stat info;
    if (dir[0] != '\0' && !(stat(dir, &info) == 0 && S_ISDIR(info.st_mode)) &&
        mkdir(dir, 0755) < 0) {
      int saved = errno;
      if (!(stat(dir, &info) == 0 && S_ISDIR(info.st_mode))) { /* else made meanwhile */
        errno = saved;
        return fail_errno("mkdir", dir);
      }
    }
    if (slash != NULL) {
      *slash = '/';
    }
  }
  return 0;
}

/* Opens PATH (not a symlink, truncated) as fd TARGET (1 or 2). */
static int open_output(const char *path, int target) {
  if (make_parents(path) < 0) {
    return -1;
  }
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
  return fd < 0 ? fail_errno("open", path) : move_to(fd, target, path);
}

/* A job's inputs, pointing into the buffer they were read from. */
struct job {
  const char *cwd, *stdout_path, *stderr_path;
  char **argv; /* NULL-terminated */
  char **env;  /* NULL-terminated */
};

/*
 * Becomes the job in the forked child, or records why it could not. Never returns. Every fd above
 * 2 here is close-on-exec.
 */
static void become_job(const char *spool, const struct job *job) {
  int ok = setsid() >= 0 ? 0 : fail_errno("setsid", "");
  for (int number = 1; number < NSIG; number++) {
    struct sigaction action = {.sa_handler = SIG_DFL};
    sigaction(number, &action, NULL); /* fails, harmlessly, for KILL, STOP and libc's own */
  }
  sigset_t none;
  sigemptyset(&none);
  if (ok == 0 && sigprocmask(SIG_SETMASK, &none, NULL) < 0) {
    ok = fail_errno("sigprocmask", "");
  }
  if (ok == 0 && chdir(job->cwd) < 0) {
    ok = fail_errno("chdir", job->cwd);
  }
  if (ok == 0) {
    ok = null_on(0, O_RDONLY);
  }
  if (ok == 0) {
    ok = open_output(job->stdout_path, 1);
  }
  if (ok == 0) {
    if (strcmp(job->stderr_path, job->stdout_path) == 0) {
      ok = dup2(1, 2) < 0 ? fail_errno("dup", "stdout") : 0;
    } else {
      ok = open_output(job->stderr_path, 2);
    }
  }
  if (ok == 0) {
    environ = job->env;
    /* Never a shell, even for a single word; the job's PATH is searched. */
    execvp(job->argv[0], job->argv);
    fail_errno("exec", job->argv[0]);
  }
  record_launch_error(spool, "");
  _exit(127);
}

/* Whether TEXT is a count of 1 to 999999999 without a leading zero. */
static int is_count(const char *text) {
  size_t digits = strspn(text, "0123456789");
  return text[0] >= '1' && text[0] <= '9' && digits <= 9 && text[digits] == '\0';
}

/*
 * Splits INPUTS (LENGTH bytes, NUL-terminated items; WHERE names them in errors) into JOB. The
 * argv and env arrays are new; the strings stay in INPUTS.
 */
static int parse_job(char *inputs, size_t length, const char *where, struct job *job) {
  if (length > 0 && inputs[length - 1] != '\0') {
    return fail("%s: not NUL-terminated", where);
  }
  size_t count = 0;
  for (size_t i = 0; i < length; i++) {
    count += inputs[i] == '\0';
  }
  char **items = calloc(count + 1, sizeof *items);
  if (items == NULL) {
    return fail("%s: out of memory", where);
  }
  for (size_t i = 0, at = 0; at < count; at++) {
    items[at] = inputs + i;
    i += strlen(inputs + i) + 1;
  }
  if (count < 4 || !is_count(items[3]) || strtoul(items[3], NULL, 10) > count - 4) {
    free(items);
    return fail("%s: bad argv count", where);
  }
  size_t argc = strtoul(items[3], NULL, 10);
  job->cwd = items[0];
  job->stdout_path = items[1];
  job->stderr_path = items[2];
  job->argv = calloc(argc + 1, sizeof *job->argv);
  job->env = calloc(count - 4 - argc + 1, sizeof *job->env);
  if (job->argv == NULL || job->env == NULL) {
    free(items);
    return fail("%s: out of memory", where);
  }
  memcpy(job->argv, items + 4, argc * sizeof *items);
  size_t envc = 0;
  for (size_t i = 4 + argc; i < count; i++) {
    char *equals = strchr(items[i], '=');
    if (equals == NULL || equals == items[i]) {
      free(items);
      return fail("%s: bad env item", where);
    }
    size_t name = (size_t)(equals - items[i]) + 1; /* with the '=' */
    size_t same = 0;
    while (same < envc && strncmp(job->env[same], items[i], name) != 0) {
      same++;
    }
    job->env[same] = items[i]; /* a name given again replaces its value */
    envc += same == envc;
  }
  free(items);
  return 0;
}

/* One wrapper: starts the job of SPOOL, waits for it and records its end. */
static int run_job(const char *spool, char *inputs, size_t length, const char *where) {
  struct job job = {0};
  if (parse_job(inputs, length, where, &job) < 0) {
    return -1;
  }
  signal(SIGHUP, SIG_IGN);
  signal(SIGINT, SIG_IGN);
  signal(SIGTERM, SIG_IGN);
  int records = open_status(spool, 0);
  if (records < 0) {
    return -1;
  }
  int sync[2]; /* close-on-exec: EOF once the job has exec'd, or failed and exited */
  if (pipe2(sync, O_CLOEXEC) < 0) {
    return fail_errno("pipe", "");
  }
  pid_t pid = fork();
  if (pid < 0) {
    return fail_errno("fork", "");
  }
  if (pid == 0) {
    close(sync[0]);
    become_job(spool, &job);
  }
  close(sync[1]);
  char ignored;
  while (read(sync[0], &ignored, 1) < 0 && errno == EINTR) {
  }
  close(sync[0]);
  char line[64];
  snprintf(line, sizeof line, "jobpid %d\n", (int)pid);
  if (write_status(records, line) < 0) {
    return -1;
  }
  int status;
  pid_t waited;
  do {
    waited = waitpid(pid, &status, 0);
  } while (waited < 0 && errno == EINTR);
  if (waited != pid) {
    snprintf(line, sizeof line, "%d", (int)pid);
    return fail_errno("waitpid", line);
  }
  if (WIFSIGNALED(status)) {
    snprintf(line, sizeof line, "exit signal %d\n", WTERMSIG(status));
  } else {
    snprintf(line, sizeof line, "exit code %d\n", WEXITSTATUS(status));
  }
  if (write_status(records, line) < 0) {
    return -1;
  }
  return close(records) < 0 ? fail_errno("close", "status") : 0;
}

/* A wrapper's whole life; returns its exit status: 0, or 127 when it failed before the fork. */
static int wrap(const char *spool, char *inputs, size_t length, const char *where) {
  if (run_job(spool, inputs, length, where) == 0) {
    return 0;
  }
  /* Before the fork, a failure is the wrapper's own: record it where the daemon looks. */
  record_launch_error(spool, "gflow-job: ");
  return 127;
}

/* Writes one reply line to the daemon; -1 if the daemon is gone (SIGPIPE is ignored). */
static int reply(const char *format, ...) {
  char line[MAX_REPLY + 2];
  va_list args;
  va_start(args, format);
  int length = vsnprintf(line, MAX_REPLY + 1, format, args);
  va_end(args);
  if (length < 0) {
    return -1;
  }
  if (length > MAX_REPLY) {
    length = MAX_REPLY;
  }
  line[length] = '\n';
  return write_once(1, line, (size_t)length + 1);
}

/*
 * In a forked child of the launcher: becomes the wrapper of SPOOL once the launcher says go (a
 * byte on GO). LIFE stays open until this process ends: the launcher's exit notice. Never returns.
 */
static void wrapper_child(const char *spool, char *inputs, size_t length, int go, int life) {
  /*
   * Nothing of the launcher's reaches the wrapper or the job: not its pipes to the daemon (the
   * launcher's end of input must not wait for a job) nor other wrappers' pipes.
   */
  if (null_on(0, O_RDONLY) < 0 || null_on(1, O_WRONLY) < 0 || null_on(2, O_WRONLY) < 0 ||
      close_other_fds(go, life) < 0) {
    _exit(127);
  }
  char byte;
  ssize_t got;
  do {
    got = read(go, &byte, 1);
  } while (got < 0 && errno == EINTR);
  /*
   * EOF without the byte: the launcher died before the daemon learned this wrapper's pid, and a
   * job the daemon cannot follow must not start.
   */
  if (got != 1) {
    _exit(127);
  }
  close(go);
  _exit(wrap(spool, inputs, length, "inputs"));
}

/* The running wrappers: the read end of each one's life pipe, and its pid. */
struct wrapper {
  int life;
  pid_t pid;
};
static struct wrapper *wrappers;
static size_t wrapper_count, wrapper_capacity;

/*
 * Serves one request: forks the wrapper of SPOOL with INPUTS and replies "started PID" or "failed
 * WHY".
 */
static void spawn(const char *spool, char *inputs, size_t length) {
  if (spool[0] != '/') {
    reply("failed spool directory is not an absolute path");
    return;
  }
  if (wrapper_count == wrapper_capacity) {
    size_t capacity = wrapper_capacity == 0 ? 16 : 2 * wrapper_capacity;
    struct wrapper *bigger = realloc(wrappers, capacity * sizeof *bigger);
    if (bigger == NULL) {
      reply("failed out of memory");
      return;
    }
    wrappers = bigger;
    wrapper_capacity = capacity;
  }
  int go[2], life[2];
  if (pipe2(go, O_CLOEXEC) < 0) {
    reply("failed pipe: %s", strerror(errno));
    return;
  }
  if (pipe2(life, O_CLOEXEC) < 0) {
    reply("failed pipe: %s", strerror(errno));
    close(go[0]);
    close(go[1]);
    return;
  }
  pid_t pid = fork();
  if (pid < 0) {
    reply("failed fork: %s", strerror(errno));
    close(go[0]);
    close(go[1]);
    close(life[0]);
    close(life[1]);
    return;
  }
  if (pid == 0) {
    wrapper_child(spool, inputs, length, go[0], life[1]);
  }
  close(go[0]);
  close(life[1]);
  wrappers[wrapper_count++] = (struct wrapper){life[0], pid};
  /*
   * The job starts only once the daemon has been told the wrapper's pid, and the wrapper is
   * recorded in the spool for a daemon that dies before it has stored the launch. The record is
   * written after the reply, while the daemon goes on (it is the status file's first line, as the
   * wrapper appends only after "go"); without it the wrapper exits 127 without starting the job,
   * and the daemon hears so from its "exited" report.
   */
  if (reply("started %d", (int)pid) == 0) {
    char ticks[32], line[80];
    int status = open_status(spool, 1);
    if (status >= 0) {
      int recorded = start_ticks(pid, ticks, sizeof ticks) == 0;
      if (recorded) {
        snprintf(line, sizeof line, "wrapper %d %s\n", (int)pid, ticks);
        recorded = write_status(status, line) == 0;
      }
      if (close(status) == 0 && recorded) {
        write_once(go[1], "g", 1);
      }
    }
  }
  close(go[1]);
}

/*
 * Serves the whole requests at the start of INPUT (LENGTH bytes) and returns how many bytes they
 * took. A request is a line "SPOOLDIR LENGTH" followed by LENGTH bytes: the job's inputs.
 */
static size_t take_requests(char *input, size_t length) {
  size_t taken = 0;
  while (taken < length) {
    char *header = input + taken;
    char *newline = memchr(header, '\n', length - taken);
    if (newline == NULL) {
      break;
    }
    size_t header_length = (size_t)(newline - header);
    char *space = memrchr(header, ' ', header_length);
    size_t digits = space == NULL ? 0 : (size_t)(newline - space - 1);
    int good = space != NULL && space > header && digits >= 1 && digits <= 9 &&
               memchr(header, '\0', header_length) == NULL;
    for (size_t i = 0; good && i < digits; i++) {
      good = space[1 + i] >= '0' && space[1 + i] <= '9';
    }
    if (!good) { /* cannot be resynchronised: the daemon sent nonsense */
      taken += header_length + 1;
      reply("failed bad request");
      continue;
    }
    size_t inputs_length = (size_t)strtoul(space + 1, NULL, 10);
    size_t end = header_length + 1 + inputs_length;
    if (length - taken < end) {
      break;
    }
    *space = '\0';
    spawn(header, newline + 1, inputs_length);
    taken += end;
  }
  return taken;
}

/* Reaps the wrapper at INDEX, whose life pipe has reached EOF, and reports its end. */
static void reap(size_t index) {
  struct wrapper ended = wrappers[index];
  wrappers[index] = wrappers[--wrapper_count];
  close(ended.life);
  int status;
  pid_t waited;
  do {
    waited = waitpid(ended.pid, &status, 0);
  } while (waited < 0 && errno == EINTR);
  if (waited == ended.pid) {
    reply("exited %d %d", (int)ended.pid, status);
  }
}

/*
 * The launcher. Replies on stdout, one line each: "started PID" or "failed WHY" for each request,
 * in order; "exited PID WAITSTATUS" when a wrapper has ended (its life pipe reached EOF, so it can
 * be reaped at once: no signal handler, no race with poll). At the end of stdin it takes no more
 * requests and exits once its wrappers have ended; wrappers outlive a launcher that is killed.
 */
static int serve(void) {
  signal(SIGHUP, SIG_IGN);
  signal(SIGINT, SIG_IGN);
  signal(SIGTERM, SIG_IGN);
  signal(SIGPIPE, SIG_IGN);
  int reading = 1;
  char *input = NULL;
  size_t length = 0, capacity = 0;
  struct pollfd *polled = NULL;
  size_t polled_capacity = 0;
  while (reading || wrapper_count > 0) {
    if (polled_capacity < wrapper_count + 1) {
      polled_capacity = 2 * (wrapper_count + 1);
      free(polled);
      polled = malloc(polled_capacity * sizeof *polled);
      if (polled == NULL) {
        return 1;
      }
    }
    size_t watched = 0;
    if (reading) {
      polled[watched++] = (struct pollfd){.fd = 0, .events = POLLIN};
    }
    size_t first_wrapper = watched;
    for (size_t i = 0; i < wrapper_count; i++) {
      polled[watched++] = (struct pollfd){.fd = wrappers[i].life, .events = POLLIN};
    }
    if (poll(polled, watched, -1) < 0) {
      if (errno == EINTR) {
        continue;
      }
      return 1;
    }
    /* Wrappers first, from the last: reap() moves the last one into the freed place. */
    for (size_t i = watched; i > first_wrapper; i--) {
      if (polled[i - 1].revents != 0) {
        reap(i - 1 - first_wrapper);
      }
    }
    if (reading && polled[0].revents != 0) {
      if (capacity - length < READ_CHUNK) {
        capacity = length + 2 * READ_CHUNK;
        char *bigger = realloc(input, capacity);
        if (bigger == NULL) {
          return 1;
        }
        input = bigger;
      }
      ssize_t got = read(0, input + length, READ_CHUNK);
      if (got < 0 && errno == EINTR) {
        continue;
      }
      if (got <= 0) {
        reading = 0;
        length = 0;
      } else {
        length += (size_t)got;
        size_t taken = take_requests(input, length);
        memmove(input, input + taken, length - taken);
        length -= taken;
      }
    }
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc == 2 && strcmp(argv[1], "--serve") == 0) {
    return serve();
  }
  if (argc != 2 || argv[1][0] != '/') {
    return 127;
  }
  const char *spool = argv[1];
  if (close_other_fds(-1, -1) < 0) {
    record_launch_error(spool, "gflow-job: ");
    return 127;
  }
  char path[PATH_MAX];
  if (snprintf(path, sizeof path, "%s/inputs", spool) >= (int)sizeof path) {
    return 127;
  }
  size_t length;
  char *inputs = read_file(path, &length);
  if (inputs == NULL) {
    record_launch_error(spool, "gflow-job: ");
    return 127;
  }
  return wrap(spool, inputs, length, path);
}
