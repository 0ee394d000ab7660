/* A small test harness for the C API tests, in C99: these tests must see the
 * library exactly as a C program does. Each *_test.c file exports a table of
 * cases; main.c runs one table, named on the command line, per CTest test. */
#ifndef DUBAN_CAPI_HARNESS_H
#define DUBAN_CAPI_HARNESS_H

#include <stdio.h>
#include <string.h>

#include "duban.h"

typedef struct {
  const char *name;
  void (*run)(void);
} test_case;

extern int test_failures;

#define CHECK(cond)                                                                                       \
  do {                                                                                                    \
    if (!(cond)) {                                                                                        \
      fprintf(stderr, "%s:%d: CHECK(%s) failed; last error %d: %s\n", __FILE__, __LINE__, #cond,            \
              duban_error_code(), duban_error_message());                                                 \
      ++test_failures;                                                                                    \
    }                                                                                                     \
  } while (0)

/* The call's status must be `expected`; on a mismatch show the message. */
#define CHECK_RC(call, expected)                                                                          \
  do {                                                                                                    \
    int check_rc_ = (call);                                                                               \
    if (check_rc_ != (expected)) {                                                                        \
      fprintf(stderr, "%s:%d: %s returned %d, expected %d (%s); error: %s\n", __FILE__, __LINE__, #call,  \
              check_rc_, (expected), duban_strerror(expected), duban_error_message());                     \
      ++test_failures;                                                                                    \
    }                                                                                                     \
  } while (0)

#define CHECK_STR(actual, expected)                                                                       \
  do {                                                                                                    \
    const char *check_a_ = (actual);                                                                      \
    const char *check_e_ = (expected);                                                                    \
    if (check_a_ == NULL || strcmp(check_a_, check_e_) != 0) {                                            \
      fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #actual,               \
              check_a_ == NULL ? "(null)" : check_a_, check_e_);                                          \
      ++test_failures;                                                                                    \
    }                                                                                                     \
  } while (0)

/* `haystack` (non-NULL) contains `needle`. */
#define CHECK_CONTAINS(haystack, needle)                                                                  \
  do {                                                                                                    \
    const char *check_h_ = (haystack);                                                                    \
    if (check_h_ == NULL || strstr(check_h_, (needle)) == NULL) {                                         \
      fprintf(stderr, "%s:%d: %s does not contain \"%s\": \"%s\"\n", __FILE__, __LINE__, #haystack,        \
              (needle), check_h_ == NULL ? "(null)" : check_h_);                                          \
      ++test_failures;                                                                                    \
    }                                                                                                     \
  } while (0)

/* Reads a whole file into a duban_buf-like malloc'd string; exits the test
 * program when the fixture is missing, since nothing else can run. */
char *read_file(const char *path, size_t *len_out);

/* A path for a scratch file in the test build directory; removes any file
 * left there by an earlier run. */
const char *scratch_path(const char *name);

#endif
