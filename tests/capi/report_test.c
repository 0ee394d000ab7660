/* The progress ledger through the C API, on the example plan
 * (examples/plans/east-west-2025.json) with 区合作交流办 as the coordinating
 * office: reports, batches, CSV, the closure and extension workflow,
 * refusals, history and states as of a date, and the audit chain. */
#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "harness.h"

/* Task ids of the example plan. */
#define TASK_CADRES 4 /* 选派挂职干部: 区委组织部 leads; due 2025-06-30 */
#define TASK_FUNDS 7  /* 落实财政帮扶资金: 区财政局 leads; due 2025-06-30 */
#define TASK_PARKS 9  /* 推进园区共建: 区商务委 leads; due 2025-12-31 */

typedef struct {
  duban_db *db;
  int64_t plan;
  int64_t office;  /* 区合作交流办 */
  int64_t finance; /* 区财政局 */
  int64_t commerce;/* 区商务委 */
  int64_t cadres;  /* 区委组织部 */
} fixture;

static duban_date ymd(int y, int m, int d) {
  duban_date date;
  date.year = y;
  date.month = m;
  date.day = d;
  return date;
}

static int same_date(duban_date a, int y, int m, int d) { return a.year == y && a.month == m && a.day == d; }

static int64_t unit_id(duban_db *db, const char *name) {
  duban_directory *dir = NULL;
  int64_t id = 0;
  CHECK_RC(duban_directory_load(&dir, db), DUBAN_OK);
  CHECK_RC(duban_directory_lookup(&id, dir, name, DUBAN_NTS), DUBAN_OK);
  duban_directory_free(dir);
  return id;
}

/* A fresh ledger at `name` holding the example plan and its office. */
static fixture open_example(const char *name, const duban_open_options *opts) {
  fixture f;
  size_t len = 0;
  char *json = read_file(DUBAN_CAPI_EXAMPLE_PLAN, &len);
  memset(&f, 0, sizeof f);
  CHECK_RC(duban_db_open(&f.db, scratch_path(name), opts), DUBAN_OK);
  CHECK_RC(duban_db_import_plan_json(&f.plan, f.db, json, len, DUBAN_IF_EXISTS_FAIL), DUBAN_OK);
  free(json);
  f.office = unit_id(f.db, "区合作交流办");
  f.finance = unit_id(f.db, "区财政局");
  f.commerce = unit_id(f.db, "区商务委");
  f.cadres = unit_id(f.db, "区委组织部");
  CHECK_RC(duban_db_set_coordinator(NULL, f.db, f.office, 0, NULL), DUBAN_OK);
  return f;
}

static duban_report *make_report(const fixture *f, int64_t task, int64_t unit, duban_date date, double percent) {
  duban_report *r = NULL;
  CHECK_RC(duban_report_new(&r), DUBAN_OK);
  CHECK_RC(duban_report_set_item(r, f->plan, task, NULL), DUBAN_OK);
  CHECK_RC(duban_report_set_actor(r, unit, "测试员"), DUBAN_OK);
  CHECK_RC(duban_report_set_date(r, date), DUBAN_OK);
  CHECK_RC(duban_report_set_percent(r, percent), DUBAN_OK);
  return r;
}

static int64_t event_count(duban_db *db) {
  duban_chain_check *check = NULL;
  int64_t n = -1;
  CHECK_RC(duban_db_verify(&check, db), DUBAN_OK);
  n = duban_chain_check_events(check);
  duban_chain_check_free(check);
  return n;
}

static void report_round_trip(void) {
  fixture f = open_example("report-round-trip.duban", NULL);
  duban_report *r = make_report(&f, TASK_FUNDS, f.finance, ymd(2025, 4, 10), 40);
  duban_event_cursor *events = NULL;
  int64_t id = 0, fix = 0, coordinator = 0;
  const char *metric = NULL, *unit = NULL;
  size_t metric_len = 0, unit_len = 0, len = 0;
  double value = 0, percent = 0;
  duban_date date = {0, 0, 0};
  static const char narrative[] = "已拨付资金；（第一批）、ABC混合";

  CHECK_RC(duban_db_coordinator(&coordinator, f.db), DUBAN_OK);
  CHECK(coordinator == f.office);
  CHECK_RC(duban_report_set_status(r, DUBAN_REPORT_IN_PROGRESS), DUBAN_OK);
  CHECK_RC(duban_report_set_narrative(r, narrative, DUBAN_NTS), DUBAN_OK);
  CHECK_RC(duban_report_add_indicator(r, "财政帮扶资金", 1200.5, "万元"), DUBAN_OK);
  CHECK_RC(duban_report_add_indicator(r, "项目数", 3, NULL), DUBAN_OK);
  CHECK_RC(duban_report_add_evidence(r, "临财〔2025〕8号"), DUBAN_OK);
  CHECK_RC(duban_db_add_report(&id, f.db, r), DUBAN_OK);
  CHECK(id > 0);

  /* A correction: same item, same unit, later. */
  CHECK_RC(duban_report_set_date(r, ymd(2025, 4, 20)), DUBAN_OK);
  CHECK_RC(duban_report_set_percent(r, NAN), DUBAN_OK); /* no percent */
  CHECK_RC(duban_report_set_status(r, DUBAN_REPORT_BLOCKED), DUBAN_OK);
  CHECK_RC(duban_report_set_supersedes(r, id), DUBAN_OK);
  CHECK_RC(duban_db_add_report(&fix, f.db, r), DUBAN_OK);
  CHECK(fix == id + 1);
  duban_report_free(r);

  CHECK_RC(duban_event_cursor_new(&events, f.db, f.plan, TASK_FUNDS, NULL), DUBAN_OK);
  duban_db_free(f.db); /* the cursor read its events already */
  CHECK(duban_event_cursor_count(events) == 2);
  CHECK(duban_event_cursor_id(events) == 0); /* no row yet */
  CHECK(duban_error_code() == DUBAN_EMISUSE);
  CHECK_RC(duban_event_cursor_next(events), DUBAN_OK);
  CHECK(duban_event_cursor_id(events) == id);
  CHECK(duban_event_cursor_kind(events) == DUBAN_EVENT_REPORT);
  CHECK(duban_event_cursor_plan(events) == f.plan);
  CHECK(duban_event_cursor_task(events) == TASK_FUNDS);
  CHECK_STR(duban_event_cursor_task_key(events, NULL), "7");
  CHECK_STR(duban_event_cursor_instance(events, &len), "");
  CHECK(len == 0);
  CHECK(duban_event_cursor_unit(events) == f.finance);
  CHECK_STR(duban_event_cursor_user(events, NULL), "测试员");
  CHECK_RC(duban_event_cursor_date(&date, events), DUBAN_OK);
  CHECK(same_date(date, 2025, 4, 10));
  CHECK(duban_event_cursor_recorded(events, &len) != NULL && len == 24);
  CHECK_STR(duban_event_cursor_text(events, &len), narrative);
  CHECK(len == sizeof narrative - 1); /* bytes: each Chinese character and ；（）、 is three */
  CHECK(duban_event_cursor_status(events) == DUBAN_REPORT_IN_PROGRESS);
  CHECK_RC(duban_event_cursor_percent(&percent, events), DUBAN_OK);
  CHECK(percent == 40.0);
  CHECK(duban_event_cursor_indicator_count(events) == 2);
  CHECK_RC(duban_event_cursor_indicator(&metric, &metric_len, &value, &unit, &unit_len, events, 0), DUBAN_OK);
  CHECK_STR(metric, "财政帮扶资金");
  CHECK(metric_len == strlen("财政帮扶资金") && value == 1200.5 && unit_len == strlen("万元"));
  CHECK_STR(unit, "万元");
  CHECK_RC(duban_event_cursor_indicator(NULL, NULL, &value, &unit, NULL, events, 1), DUBAN_OK);
  CHECK(value == 3.0);
  CHECK_STR(unit, "");
  CHECK_RC(duban_event_cursor_indicator(&metric, NULL, NULL, NULL, NULL, events, 2), DUBAN_ERANGE);
  CHECK(metric == NULL);
  CHECK(duban_event_cursor_evidence_count(events) == 1);
  CHECK_STR(duban_event_cursor_evidence(events, 0, NULL), "临财〔2025〕8号");
  CHECK(duban_event_cursor_evidence(events, 1, NULL) == NULL);
  CHECK(duban_error_code() == DUBAN_ERANGE);
  CHECK(duban_event_cursor_ref(events) == 0);
  CHECK(duban_event_cursor_superseded_by(events) == fix);
  CHECK_RC(duban_event_cursor_until(&date, events), DUBAN_OK);
  CHECK(same_date(date, 0, 0, 0));
  CHECK(duban_event_cursor_target(events) == 0);

  CHECK_RC(duban_event_cursor_next(events), DUBAN_OK);
  CHECK(duban_event_cursor_id(events) == fix);
  CHECK(duban_event_cursor_ref(events) == id);
  CHECK(duban_event_cursor_status(events) == DUBAN_REPORT_BLOCKED);
  CHECK_RC(duban_event_cursor_percent(&percent, events), DUBAN_OK);
  CHECK(percent == -1.0);
  CHECK(duban_event_cursor_superseded_by(events) == 0);
  CHECK_RC(duban_event_cursor_next(events), DUBAN_DONE);
  CHECK_RC(duban_event_cursor_next(events), DUBAN_DONE);
  CHECK(duban_event_cursor_id(events) == 0);
  CHECK(duban_error_code() == DUBAN_EMISUSE);
  duban_event_cursor_free(events);
}

static void batch_is_all_or_nothing(void) {
  fixture f = open_example("report-batch.duban", NULL);
  duban_report *batch[3];
  duban_idarray ids = DUBAN_IDARRAY_INIT;
  int64_t before = event_count(f.db);
  size_t i;

  batch[0] = make_report(&f, TASK_FUNDS, f.finance, ymd(2025, 3, 10), 10);
  batch[1] = make_report(&f, TASK_PARKS, f.commerce, ymd(2025, 3, 10), 120); /* percent out of range */
  batch[2] = make_report(&f, TASK_CADRES, f.cadres, ymd(2025, 3, 10), 30);
  CHECK_RC(duban_db_add_reports(&ids, f.db, (const duban_report *const *)batch, 3), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "reports[1]");
  CHECK_CONTAINS(duban_error_message(), "120");
  CHECK(ids.ids == NULL && ids.count == 0); /* left as it was */
  CHECK(event_count(f.db) == before);       /* nothing written */

  /* The third one refused on permissions is refused the same way. */
  CHECK_RC(duban_report_set_percent(batch[1], 50), DUBAN_OK);
  CHECK_RC(duban_report_set_actor(batch[2], f.finance, NULL), DUBAN_OK);
  CHECK_RC(duban_db_add_reports(&ids, f.db, (const duban_report *const *)batch, 3), DUBAN_EPERM);
  CHECK_CONTAINS(duban_error_message(), "reports[2]: refused: 区财政局 may not report on task '4'");
  CHECK(event_count(f.db) == before);

  CHECK_RC(duban_report_set_actor(batch[2], f.cadres, NULL), DUBAN_OK);
  CHECK_RC(duban_db_add_reports(&ids, f.db, (const duban_report *const *)batch, 3), DUBAN_OK);
  CHECK(ids.count == 3);
  for (i = 0; i < ids.count; ++i) CHECK(ids.ids[i] == before + 1 + (int64_t)i);
  CHECK(event_count(f.db) == before + 3);

  /* An empty batch writes nothing; a NULL element is misuse. */
  CHECK_RC(duban_db_add_reports(NULL, f.db, NULL, 0), DUBAN_OK);
  batch[1] = NULL;
  CHECK_RC(duban_db_add_reports(NULL, f.db, (const duban_report *const *)batch, 3), DUBAN_EMISUSE);
  CHECK_STR(duban_error_message(), "duban_db_add_reports: 'reports[1]' is NULL");
  CHECK(event_count(f.db) == before + 3);

  duban_report_free(batch[0]);
  duban_report_free(batch[2]);
  duban_idarray_dispose(&ids);
  duban_db_free(f.db);
}

static void a_refusal_is_eperm_and_writes_nothing(void) {
  fixture f = open_example("report-refused.duban", NULL);
  duban_report *r = make_report(&f, TASK_PARKS, f.finance, ymd(2025, 5, 10), 20);
  duban_step step = DUBAN_STEP_INIT;
  const char *evidence[] = {"名单.pdf"};
  int64_t id = 77, submission = 0, before;

  before = event_count(f.db);
  CHECK_RC(duban_db_add_report(&id, f.db, r), DUBAN_EPERM);
  CHECK(id == 0);
  CHECK(duban_error_code() == DUBAN_EPERM);
  CHECK(duban_error_class() == DUBAN_ERRCLASS_ARGUMENT);
  CHECK_STR(duban_error_message(),
            "report: refused: 区财政局 (user '测试员') may not report on task '9' (推进园区共建): a unit may report only "
            "on tasks where it holds a role, directly or through its groups");
  CHECK_STR(duban_strerror(DUBAN_EPERM), "refused by a permission rule");
  CHECK(event_count(f.db) == before);

  /* Only the lead submits; only the office decides. */
  step.unit_id = f.finance;
  step.date = ymd(2025, 6, 28);
  step.evidence = evidence;
  step.evidence_count = 1;
  CHECK_RC(duban_db_submit_closure(&submission, f.db, f.plan, TASK_CADRES, NULL, &step), DUBAN_EPERM);
  CHECK_CONTAINS(duban_error_message(), "refused: 区财政局 may not submit task '4'");
  step.unit_id = f.cadres;
  CHECK_RC(duban_db_submit_closure(&submission, f.db, f.plan, TASK_CADRES, NULL, &step), DUBAN_OK);
  before = event_count(f.db);
  step.evidence = NULL;
  step.evidence_count = 0;
  step.date = ymd(2025, 6, 29);
  CHECK_RC(duban_db_approve_closure(&id, f.db, submission, &step), DUBAN_EPERM);
  CHECK_CONTAINS(duban_error_message(), "refused: 区委组织部 may not approve the closure of task '4'");
  CHECK_RC(duban_db_set_coordinator(&id, f.db, f.cadres, f.finance, "李四"), DUBAN_EPERM);
  CHECK_CONTAINS(duban_error_message(), "refused: 区财政局 (user '李四') may not set the coordinating office");
  CHECK(event_count(f.db) == before);

  duban_report_free(r);
  duban_db_free(f.db);
}

static void csv_batches_with_line_numbers(void) {
  fixture f = open_example("report-csv.duban", NULL);
  duban_idarray ids = DUBAN_IDARRAY_INIT;
  static const char good[] =
      "task,unit,date,status,percent,text,values,evidence\r\n"
      "7,区财政局,2025-05-10,推进中,40%,\"拨付第一批，\"\"共计\"\"1200万元\",财政帮扶资金=1200万元,临财〔2025〕8号\r\n"
      "9,区商务委,2025-05-12,in_progress,10,,,\r\n";
  static const char bad[] =
      "task,unit,date,status,percent\n"
      "7,区财政局,2025-05-10,in_progress,40\n"
      "9,区财政局,2025-05-10,in_progress,40\n"
      "7,区财政局,2025-05-32,in_progress,40\n";
  int64_t before = event_count(f.db);

  /* Every problem a row shows is listed; the batch as a whole is invalid. */
  CHECK_RC(duban_db_import_reports_csv(&ids, f.db, f.plan, bad, DUBAN_NTS, "may.csv"), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "the batch is rejected; nothing was written: 2 problems");
  CHECK_CONTAINS(duban_error_message(), "may.csv:3: refused: 区财政局 may not report on task '9'");
  CHECK_CONTAINS(duban_error_message(), "may.csv:4: column 'date'");
  CHECK(ids.count == 0);
  CHECK(event_count(f.db) == before);

  CHECK_RC(duban_db_import_reports_csv(&ids, f.db, f.plan, good, sizeof good - 1, NULL), DUBAN_OK);
  CHECK(ids.count == 2 && ids.ids[0] == before + 1 && ids.ids[1] == before + 2);
  CHECK_RC(duban_db_import_reports_csv(NULL, f.db, f.plan, "task,unit\n7,区财政局\n", DUBAN_NTS, NULL), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "reports.csv");
  CHECK_RC(duban_db_import_reports_csv(NULL, f.db, f.plan, "task,unit,date,status\n7,\xff\xfe,2025-05-10,done\n",
                                       DUBAN_NTS, "bytes.csv"),
           DUBAN_EENCODING);
  CHECK_CONTAINS(duban_error_message(), "bytes.csv:2");
  CHECK(event_count(f.db) == before + 2);

  duban_idarray_dispose(&ids);
  duban_db_free(f.db);
}

static void closure_and_extensions_as_of_dates(void) {
  fixture f = open_example("report-workflow.duban", NULL);
  duban_step step;
  const char *evidence[] = {"临财〔2025〕8号", "拨付凭证.pdf"};
  duban_state_cursor *states = NULL;
  duban_event_cursor *events = NULL;
  duban_history_options opts;
  int64_t first = 0, returned = 0, second = 0, approved = 0, request = 0, refused = 0, request2 = 0, ok = 0;
  int64_t latest = 0, latest_unit = 0;
  int status = 0, decision = -1;
  double percent = 0;
  duban_date date = {0, 0, 0};
  duban_report *r = make_report(&f, TASK_FUNDS, f.finance, ymd(2025, 6, 20), 100);
  int found = 0;

  CHECK_RC(duban_report_set_status(r, DUBAN_REPORT_DONE), DUBAN_OK);
  CHECK_RC(duban_db_add_report(NULL, f.db, r), DUBAN_OK);
  duban_report_free(r);

  CHECK_RC(duban_step_init(&step, DUBAN_STEP_VERSION), DUBAN_OK);
  step.unit_id = f.finance;
  step.date = ymd(2025, 6, 25);
  step.reason = "资金已拨付";
  CHECK_RC(duban_db_submit_closure(&first, f.db, f.plan, TASK_FUNDS, "", &step), DUBAN_EINVAL); /* no evidence */
  CHECK_CONTAINS(duban_error_message(), "evidence");
  step.evidence = evidence;
  step.evidence_count = 1;
  CHECK_RC(duban_db_submit_closure(&first, f.db, f.plan, TASK_FUNDS, "", &step), DUBAN_OK);

  step.unit_id = f.office;
  step.date = ymd(2025, 6, 27);
  step.reason = NULL;
  step.evidence = NULL;
  step.evidence_count = 0;
  CHECK_RC(duban_db_return_closure(&returned, f.db, first, &step), DUBAN_EINVAL); /* no reason */
  step.reason = "缺少资金拨付凭证";
  CHECK_RC(duban_db_return_closure(&returned, f.db, first, &step), DUBAN_OK);

  step.unit_id = f.finance;
  step.date = ymd(2025, 7, 8);
  step.reason = "补充拨付凭证";
  step.evidence = evidence;
  step.evidence_count = 2;
  CHECK_RC(duban_db_submit_closure(&second, f.db, f.plan, TASK_FUNDS, NULL, &step), DUBAN_OK);
  step.unit_id = f.office;
  step.date = ymd(2025, 7, 10);
  step.reason = "同意办结";
  step.evidence = NULL;
  step.evidence_count = 0;
  CHECK_RC(duban_db_approve_closure(&approved, f.db, second, &step), DUBAN_OK);
  CHECK(first < returned && returned < second && second < approved);

  /* Extensions of task 4 (due 2025-06-30): refused, asked again, approved. */
  step.unit_id = f.cadres;
  step.date = ymd(2025, 6, 20);
  step.reason = "人选待定";
  CHECK_RC(duban_db_request_extension(&request, f.db, f.plan, TASK_CADRES, NULL, ymd(2025, 8, 31), &step), DUBAN_OK);
  step.unit_id = f.office;
  step.date = ymd(2025, 6, 22);
  step.reason = "理由不充分";
  CHECK_RC(duban_db_refuse_extension(&refused, f.db, request, &step), DUBAN_OK);
  step.unit_id = f.cadres;
  step.date = ymd(2025, 6, 24);
  step.reason = "人选需报批";
  CHECK_RC(duban_db_request_extension(&request2, f.db, f.plan, TASK_CADRES, NULL, ymd(2025, 7, 31), &step), DUBAN_OK);
  step.unit_id = f.office;
  step.date = ymd(2025, 6, 26);
  step.reason = NULL;
  CHECK_RC(duban_db_approve_extension(&ok, f.db, request2, &step), DUBAN_OK);

  /* As of 2025-07-01: task 7 returned, task 4 extended. */
  CHECK_RC(duban_state_cursor_new(&states, f.db, f.plan, ymd(2025, 7, 1)), DUBAN_OK);
  CHECK(duban_state_cursor_count(states) == 2);
  while (duban_state_cursor_next(states) == DUBAN_OK) {
    if (duban_state_cursor_task(states) == TASK_FUNDS) {
      ++found;
      CHECK_STR(duban_state_cursor_task_key(states, NULL), "7");
      CHECK_STR(duban_state_cursor_instance(states, NULL), "");
      CHECK(duban_state_cursor_closure(states) == DUBAN_CLOSURE_RETURNED);
      CHECK(duban_state_cursor_submission(states) == first);
      CHECK(duban_state_cursor_submitted_by(states) == f.finance);
      {
        /* The submission itself, fetched by the id the state names. */
        duban_event_cursor *one = NULL;
        CHECK_RC(duban_event_cursor_one(&one, f.db, duban_state_cursor_submission(states)), DUBAN_OK);
        CHECK(duban_event_cursor_count(one) == 1);
        CHECK_RC(duban_event_cursor_next(one), DUBAN_OK);
        CHECK(duban_event_cursor_id(one) == first);
        CHECK(duban_event_cursor_kind(one) == DUBAN_EVENT_CLOSURE_SUBMITTED);
        CHECK(duban_event_cursor_unit(one) == f.finance);
        CHECK_RC(duban_event_cursor_next(one), DUBAN_DONE);
        duban_event_cursor_free(one);
        CHECK_RC(duban_event_cursor_one(&one, f.db, 999999), DUBAN_ENOTFOUND);
        CHECK(one == NULL);
      }
      CHECK_STR(duban_state_cursor_return_reason(states, NULL), "缺少资金拨付凭证");
      CHECK_RC(duban_state_cursor_date(&date, states, DUBAN_STATE_DECIDED), DUBAN_OK);
      CHECK(same_date(date, 2025, 6, 27));
      CHECK_RC(duban_state_cursor_date(&date, states, DUBAN_STATE_DONE), DUBAN_OK);
      CHECK(same_date(date, 0, 0, 0));
      CHECK_RC(duban_state_cursor_latest_report(&latest, &latest_unit, &date, &status, &percent, states), DUBAN_OK);
      CHECK(latest > 0 && latest_unit == f.finance && status == DUBAN_REPORT_DONE && percent == 100.0);
      CHECK(same_date(date, 2025, 6, 20));
    } else if (duban_state_cursor_task(states) == TASK_CADRES) {
      ++found;
      CHECK(duban_state_cursor_closure(states) == DUBAN_CLOSURE_OPEN);
      CHECK_RC(duban_state_cursor_date(&date, states, DUBAN_STATE_ORIGINAL_DUE), DUBAN_OK);
      CHECK(same_date(date, 2025, 6, 30));
      CHECK_RC(duban_state_cursor_date(&date, states, DUBAN_STATE_CURRENT_DUE), DUBAN_OK);
      CHECK(same_date(date, 2025, 7, 31));
      CHECK_RC(duban_state_cursor_latest_report(&latest, NULL, NULL, NULL, NULL, states), DUBAN_OK);
      CHECK(latest == 0); /* nothing reported */
      CHECK(duban_state_cursor_extension_count(states) == 2);
      CHECK_RC(duban_state_cursor_extension(&request, &date, &decision, states, 0), DUBAN_OK);
      CHECK(decision == DUBAN_EXTENSION_REFUSED && same_date(date, 2025, 8, 31));
      CHECK_RC(duban_state_cursor_extension(NULL, NULL, &decision, states, 1), DUBAN_OK);
      CHECK(decision == DUBAN_EXTENSION_APPROVED);
      CHECK_RC(duban_state_cursor_extension(NULL, NULL, NULL, states, 2), DUBAN_ERANGE);
      CHECK_RC(duban_state_cursor_date(&date, states, (duban_state_date_t)9), DUBAN_EINVAL);
    }
  }
  CHECK(found == 2);
  duban_state_cursor_free(states);

  /* As of 2025-07-10 task 7 is closed, done when it was handed in. */
  CHECK_RC(duban_state_cursor_new(&states, f.db, f.plan, ymd(2025, 7, 10)), DUBAN_OK);
  while (duban_state_cursor_next(states) == DUBAN_OK) {
    if (duban_state_cursor_task(states) != TASK_FUNDS) continue;
    CHECK(duban_state_cursor_closure(states) == DUBAN_CLOSURE_CLOSED);
    CHECK_RC(duban_state_cursor_date(&date, states, DUBAN_STATE_DONE), DUBAN_OK);
    CHECK(same_date(date, 2025, 7, 8));
    CHECK_RC(duban_state_cursor_date(&date, states, DUBAN_STATE_LAST_RETURNED), DUBAN_OK);
    CHECK(same_date(date, 2025, 6, 27));
  }
  duban_state_cursor_free(states);

  /* The history of task 4: the steps with their reasons and dates. */
  CHECK_RC(duban_history_options_init(&opts, DUBAN_HISTORY_OPTIONS_VERSION), DUBAN_OK);
  CHECK_RC(duban_event_cursor_new(&events, f.db, f.plan, TASK_CADRES, &opts), DUBAN_OK);
  CHECK(duban_event_cursor_count(events) == 4);
  CHECK_RC(duban_event_cursor_next(events), DUBAN_OK);
  CHECK(duban_event_cursor_kind(events) == DUBAN_EVENT_EXTENSION_REQUESTED);
  CHECK_RC(duban_event_cursor_until(&date, events), DUBAN_OK);
  CHECK(same_date(date, 2025, 8, 31));
  CHECK_RC(duban_event_cursor_due(&date, events), DUBAN_OK);
  CHECK(same_date(date, 2025, 6, 30));
  CHECK_STR(duban_event_cursor_text(events, NULL), "人选待定");
  CHECK_RC(duban_event_cursor_next(events), DUBAN_OK);
  CHECK(duban_event_cursor_kind(events) == DUBAN_EVENT_EXTENSION_REFUSED);
  CHECK(duban_event_cursor_ref(events) == request);
  CHECK(duban_event_cursor_unit(events) == f.office);
  CHECK_STR(duban_event_kind_name(duban_event_cursor_kind(events)), "extension_refused");
  duban_event_cursor_free(events);

  duban_db_free(f.db);
}

static void history_as_of_a_date(void) {
  fixture f = open_example("report-history.duban", NULL);
  duban_report *march = make_report(&f, TASK_FUNDS, f.finance, ymd(2025, 3, 10), 20);
  duban_report *may = make_report(&f, TASK_FUNDS, f.finance, ymd(2025, 5, 10), 50);
  duban_event_cursor *events = NULL;
  duban_history_options opts = DUBAN_HISTORY_OPTIONS_INIT;
  int64_t first = 0, second = 0, fix = 0;

  CHECK_RC(duban_db_add_report(&first, f.db, march), DUBAN_OK);
  CHECK_RC(duban_db_add_report(&second, f.db, may), DUBAN_OK);
  CHECK_RC(duban_report_set_supersedes(march, first), DUBAN_OK);
  CHECK_RC(duban_report_set_date(march, ymd(2025, 6, 1)), DUBAN_OK);
  CHECK_RC(duban_report_set_percent(march, 25), DUBAN_OK);
  CHECK_RC(duban_db_add_report(&fix, f.db, march), DUBAN_OK);

  /* As of April: the March report alone, not yet corrected. */
  opts.as_of = ymd(2025, 4, 30);
  CHECK_RC(duban_event_cursor_new(&events, f.db, f.plan, TASK_FUNDS, &opts), DUBAN_OK);
  CHECK(duban_event_cursor_count(events) == 1);
  CHECK_RC(duban_event_cursor_next(events), DUBAN_OK);
  CHECK(duban_event_cursor_id(events) == first);
  CHECK(duban_event_cursor_superseded_by(events) == 0);
  duban_event_cursor_free(events);

  /* As of July: all three, the March report corrected. */
  opts.as_of = ymd(2025, 7, 1);
  CHECK_RC(duban_event_cursor_new(&events, f.db, f.plan, TASK_FUNDS, &opts), DUBAN_OK);
  CHECK(duban_event_cursor_count(events) == 3);
  CHECK_RC(duban_event_cursor_next(events), DUBAN_OK);
  CHECK(duban_event_cursor_superseded_by(events) == fix);
  duban_event_cursor_free(events);

  /* Only the task itself, and an unknown task. */
  opts.as_of = ymd(0, 0, 0);
  opts.instance = "";
  CHECK_RC(duban_event_cursor_new(&events, f.db, f.plan, TASK_FUNDS, &opts), DUBAN_OK);
  CHECK(duban_event_cursor_count(events) == 3);
  duban_event_cursor_free(events);
  events = (duban_event_cursor *)(void *)&opts;
  CHECK_RC(duban_event_cursor_new(&events, f.db, f.plan, 999, NULL), DUBAN_ENOTFOUND);
  CHECK(events == NULL);
  opts.version = 0;
  CHECK_RC(duban_event_cursor_new(&events, f.db, f.plan, TASK_FUNDS, &opts), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "duban_history_options version 0");

  duban_report_free(march);
  duban_report_free(may);
  duban_db_free(f.db);
}

static void sql(const char *path, const char *statement) {
  sqlite3 *raw = NULL;
  char *error = NULL;
  CHECK(sqlite3_open(path, &raw) == SQLITE_OK);
  if (sqlite3_exec(raw, statement, NULL, NULL, &error) != SQLITE_OK) {
    fprintf(stderr, "sqlite: %s\n", error != NULL ? error : "?");
    ++test_failures;
  }
  sqlite3_free(error);
  sqlite3_close(raw);
}

static void verify_finds_an_edit_made_behind_the_ledger(void) {
  fixture f = open_example("report-verify.duban", NULL);
  duban_report *r = make_report(&f, TASK_FUNDS, f.finance, ymd(2025, 4, 10), 40);
  duban_chain_check *check = NULL;
  int64_t id = 0, events = 0;
  size_t len = 0;
  const char *head;
  char path[4096], statement[128];

  snprintf(path, sizeof path, "%s/report-verify.duban", DUBAN_CAPI_SCRATCH_DIR);
  CHECK_RC(duban_db_add_report(&id, f.db, r), DUBAN_OK);
  CHECK_RC(duban_db_add_report(NULL, f.db, r), DUBAN_OK);
  duban_report_free(r);
  CHECK_RC(duban_db_verify(&check, f.db), DUBAN_OK);
  CHECK(duban_chain_check_finding(check) == DUBAN_CHAIN_INTACT);
  CHECK(duban_chain_check_event(check) == 0);
  events = duban_chain_check_events(check);
  CHECK(events == id + 1);
  CHECK(duban_chain_check_algorithm(check) == DUBAN_HASH_SM3);
  head = duban_chain_check_head(check, &len);
  CHECK(head != NULL && len == 64 && strspn(head, "0123456789abcdef") == 64);
  CHECK_CONTAINS(duban_chain_check_message(check, NULL), "intact: ");
  duban_chain_check_free(check);
  duban_db_free(f.db);

  snprintf(statement, sizeof statement, "UPDATE events SET percent = 99 WHERE seq = %lld", (long long)id);
  sql(path, statement);

  CHECK_RC(duban_db_open(&f.db, path, NULL), DUBAN_OK);
  CHECK_RC(duban_db_verify(&check, f.db), DUBAN_OK); /* a finding, not an error */
  CHECK(duban_chain_check_finding(check) == DUBAN_CHAIN_ALTERED);
  CHECK(duban_chain_check_event(check) == id);
  CHECK(duban_chain_check_events(check) == events);
  snprintf(statement, sizeof statement, "event %lld was altered", (long long)id);
  CHECK_CONTAINS(duban_chain_check_message(check, NULL), statement);
  duban_chain_check_free(check);
  duban_db_free(f.db);
}

static void open_options_version_2(void) {
  duban_open_options opts = DUBAN_OPEN_OPTIONS_INIT;
  duban_chain_check *check = NULL;
  duban_db *db = NULL;
  const char *path = scratch_path("report-sha256.duban");
  unsigned char raw[sizeof(duban_open_options)];
  struct {
    uint32_t version;
    uint32_t flags;
    int32_t busy_timeout_ms;
  } v1 = {1, 0, 1000};
  size_t i;

  CHECK(DUBAN_OPEN_OPTIONS_VERSION == 2);
  CHECK(opts.hash == DUBAN_HASH_DEFAULT && opts.busy_retries == 3 && opts.max_size == 0);

  /* init for version 1 writes a version 1 struct's bytes and no more. */
  memset(raw, 0xAB, sizeof raw);
  CHECK_RC(duban_open_options_init((duban_open_options *)(void *)raw, 1), DUBAN_OK);
  for (i = 12; i < sizeof raw; ++i) CHECK(raw[i] == 0xAB);
  CHECK(((duban_open_options *)(void *)raw)->busy_timeout_ms == 5000);

  /* A caller built against version 1 passes a 12-byte struct. */
  CHECK_RC(duban_db_open(&db, path, (const duban_open_options *)(const void *)&v1), DUBAN_OK);
  duban_db_free(db);
  scratch_path("report-sha256.duban");

  opts.hash = DUBAN_HASH_SHA256;
  {
    fixture f = open_example("report-sha256.duban", &opts);
    CHECK_RC(duban_db_set_coordinator(NULL, f.db, 0, 0, NULL), DUBAN_EINVAL); /* not in the directory */
    CHECK_CONTAINS(duban_error_message(), "unit 0 is not in the directory");
    CHECK_RC(duban_db_verify(&check, f.db), DUBAN_OK);
    CHECK(duban_chain_check_algorithm(check) == DUBAN_HASH_SHA256);
    CHECK(duban_chain_check_finding(check) == DUBAN_CHAIN_INTACT);
    duban_chain_check_free(check);
    duban_db_free(f.db);
  }
  opts.hash = DUBAN_HASH_SM3; /* once the chain has started, its hash never changes */
  CHECK_RC(duban_db_open(&db, path, &opts), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "sha256");
  CHECK(db == NULL);
  opts.hash = 7;
  CHECK_RC(duban_db_open(&db, path, &opts), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "duban_open_options.hash 7");
  opts.hash = DUBAN_HASH_DEFAULT;
  opts.busy_retries = -1;
  CHECK_RC(duban_db_open(&db, path, &opts), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "busy_retries");
  opts.busy_retries = 3;
  opts.max_size = -5;
  CHECK_RC(duban_db_open(&db, path, &opts), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "max_size");
}

/* Every entry point given a NULL where a pointer is required: a status, a
 * message naming the argument, never a crash. */
static void null_arguments_are_refused_not_crashed(void) {
  duban_report *r = NULL;
  duban_event_cursor *events = NULL;
  duban_state_cursor *states = NULL;
  duban_chain_check *check = NULL;
  duban_step step = DUBAN_STEP_INIT;
  int64_t id = 5;
  double percent = 0;
  duban_date date = {1, 1, 1};
  const char *text = "x";

  CHECK_RC(duban_report_new(NULL), DUBAN_EMISUSE);
  CHECK_RC(duban_report_set_item(NULL, 1, 1, NULL), DUBAN_EMISUSE);
  CHECK_STR(duban_error_message(), "duban_report_set_item: 'report' is NULL");
  CHECK_RC(duban_report_set_actor(NULL, 1, NULL), DUBAN_EMISUSE);
  CHECK_RC(duban_report_set_date(NULL, date), DUBAN_EMISUSE);
  CHECK_RC(duban_report_set_status(NULL, DUBAN_REPORT_DONE), DUBAN_EMISUSE);
  CHECK_RC(duban_report_set_percent(NULL, 5), DUBAN_EMISUSE);
  CHECK_RC(duban_report_set_narrative(NULL, "x", 1), DUBAN_EMISUSE);
  CHECK_RC(duban_report_add_indicator(NULL, "m", 1, NULL), DUBAN_EMISUSE);
  CHECK_RC(duban_report_add_evidence(NULL, "e"), DUBAN_EMISUSE);
  CHECK_RC(duban_report_set_supersedes(NULL, 1), DUBAN_EMISUSE);
  CHECK_RC(duban_report_new(&r), DUBAN_OK);
  CHECK_RC(duban_report_set_narrative(r, NULL, 0), DUBAN_EMISUSE);
  CHECK_STR(duban_error_message(), "duban_report_set_narrative: 'narrative' is NULL");
  CHECK_RC(duban_report_add_indicator(r, NULL, 1, NULL), DUBAN_EMISUSE);
  CHECK_RC(duban_report_add_evidence(r, NULL), DUBAN_EMISUSE);
  /* Values a report cannot hold are refused where they are set. */
  CHECK_RC(duban_report_set_status(r, (duban_report_status_t)9), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "status 9");
  CHECK_RC(duban_report_set_date(r, ymd(2025, 2, 30)), DUBAN_EINVAL);
  CHECK_RC(duban_report_set_date(r, ymd(10000, 1, 1)), DUBAN_ERANGE);
  CHECK_RC(duban_report_add_indicator(r, "", 1, NULL), DUBAN_EINVAL);
  CHECK_RC(duban_report_add_indicator(r, "m", INFINITY, NULL), DUBAN_EINVAL);
  CHECK_RC(duban_report_add_evidence(r, ""), DUBAN_EINVAL);
  CHECK_RC(duban_report_set_supersedes(r, -1), DUBAN_EINVAL);
  CHECK_RC(duban_report_set_narrative(r, "\xe4\xb8", 2), DUBAN_EENCODING);
  CHECK_RC(duban_report_set_actor(r, 1, "\xff"), DUBAN_EENCODING);

  CHECK_RC(duban_db_add_report(&id, NULL, r), DUBAN_EMISUSE);
  CHECK(id == 0);
  CHECK_RC(duban_db_add_reports(NULL, NULL, NULL, 0), DUBAN_EMISUSE);
  CHECK_RC(duban_db_import_reports_csv(NULL, NULL, 1, text, DUBAN_NTS, NULL), DUBAN_EMISUSE);
  CHECK_RC(duban_db_submit_closure(&id, NULL, 1, 1, NULL, &step), DUBAN_EMISUSE);
  CHECK_RC(duban_db_approve_closure(&id, NULL, 1, &step), DUBAN_EMISUSE);
  CHECK_RC(duban_db_return_closure(&id, NULL, 1, &step), DUBAN_EMISUSE);
  CHECK_RC(duban_db_request_extension(&id, NULL, 1, 1, NULL, date, &step), DUBAN_EMISUSE);
  CHECK_RC(duban_db_approve_extension(&id, NULL, 1, &step), DUBAN_EMISUSE);
  CHECK_RC(duban_db_refuse_extension(&id, NULL, 1, &step), DUBAN_EMISUSE);
  CHECK_RC(duban_db_set_coordinator(&id, NULL, 1, 0, NULL), DUBAN_EMISUSE);
  CHECK_RC(duban_db_coordinator(&id, NULL), DUBAN_EMISUSE);
  CHECK_RC(duban_db_coordinator(NULL, NULL), DUBAN_EMISUSE);
  CHECK_RC(duban_step_init(NULL, DUBAN_STEP_VERSION), DUBAN_EMISUSE);
  CHECK_RC(duban_step_init(&step, 0), DUBAN_EINVAL);
  CHECK_RC(duban_step_init(&step, DUBAN_STEP_VERSION + 1), DUBAN_EINVAL);
  CHECK_RC(duban_history_options_init(NULL, DUBAN_HISTORY_OPTIONS_VERSION), DUBAN_EMISUSE);
  CHECK_RC(duban_event_cursor_new(&events, NULL, 1, 1, NULL), DUBAN_EMISUSE);
  CHECK(events == NULL);
  CHECK_RC(duban_event_cursor_new(NULL, NULL, 1, 1, NULL), DUBAN_EMISUSE);
  CHECK_RC(duban_state_cursor_new(&states, NULL, 1, date), DUBAN_EMISUSE);
  CHECK(states == NULL);
  CHECK_RC(duban_db_verify(&check, NULL), DUBAN_EMISUSE);
  CHECK(check == NULL);

  /* Cursor and result accessors on NULL: neutral values, never a crash. */
  CHECK_RC(duban_event_cursor_next(NULL), DUBAN_EMISUSE);
  CHECK(duban_event_cursor_count(NULL) == 0);
  CHECK(duban_event_cursor_id(NULL) == 0);
  CHECK(duban_event_cursor_kind(NULL) == DUBAN_EMISUSE);
  CHECK(duban_event_cursor_task_key(NULL, NULL) == NULL);
  CHECK(duban_event_cursor_text(NULL, NULL) == NULL);
  CHECK_RC(duban_event_cursor_percent(&percent, NULL), DUBAN_EMISUSE);
  CHECK(percent == -1.0);
  CHECK_RC(duban_event_cursor_date(NULL, NULL), DUBAN_EMISUSE);
  CHECK_RC(duban_event_cursor_indicator(NULL, NULL, NULL, NULL, NULL, NULL, 0), DUBAN_EMISUSE);
  CHECK(duban_event_cursor_evidence(NULL, 0, NULL) == NULL);
  CHECK_RC(duban_state_cursor_next(NULL), DUBAN_EMISUSE);
  CHECK(duban_state_cursor_count(NULL) == 0);
  CHECK(duban_state_cursor_closure(NULL) == DUBAN_EMISUSE);
  CHECK_RC(duban_state_cursor_date(&date, NULL, DUBAN_STATE_DONE), DUBAN_EMISUSE);
  CHECK(same_date(date, 0, 0, 0));
  CHECK_RC(duban_state_cursor_latest_report(NULL, NULL, NULL, NULL, NULL, NULL), DUBAN_EMISUSE);
  CHECK_RC(duban_state_cursor_extension(NULL, NULL, NULL, NULL, 0), DUBAN_EMISUSE);
  CHECK(duban_chain_check_finding(NULL) == DUBAN_EMISUSE);
  CHECK(duban_chain_check_message(NULL, NULL) == NULL);
  CHECK(duban_chain_check_events(NULL) == 0);

  /* Destructors accept NULL. */
  duban_report_free(NULL);
  duban_event_cursor_free(NULL);
  duban_state_cursor_free(NULL);
  duban_chain_check_free(NULL);
  duban_report_free(r);
}

static void names(void) {
  CHECK_STR(duban_report_status_name(DUBAN_REPORT_NOT_STARTED), "not_started");
  CHECK_STR(duban_report_status_name(DUBAN_REPORT_BLOCKED), "blocked");
  CHECK(duban_report_status_name(0) == NULL);
  CHECK(duban_error_code() == DUBAN_EINVAL);
  CHECK_STR(duban_event_kind_name(DUBAN_EVENT_CLOSURE_RETURNED), "closure_returned");
  CHECK_STR(duban_event_kind_name(DUBAN_EVENT_PLAN_SAVED), "plan_saved");
  CHECK_STR(duban_event_kind_name(DUBAN_EVENT_CALENDAR_LOADED), "calendar_loaded");
  CHECK(duban_event_kind_name(12) == NULL);
  CHECK_STR(duban_closure_state_name(DUBAN_CLOSURE_OPEN), "open");
  CHECK_STR(duban_closure_state_name(DUBAN_CLOSURE_RETURNED), "returned");
  CHECK(duban_closure_state_name(-1) == NULL);
}

const test_case report_tests[] = {
    {"report_round_trip", report_round_trip},
    {"batch_is_all_or_nothing", batch_is_all_or_nothing},
    {"a_refusal_is_eperm_and_writes_nothing", a_refusal_is_eperm_and_writes_nothing},
    {"csv_batches_with_line_numbers", csv_batches_with_line_numbers},
    {"closure_and_extensions_as_of_dates", closure_and_extensions_as_of_dates},
    {"history_as_of_a_date", history_as_of_a_date},
    {"verify_finds_an_edit_made_behind_the_ledger", verify_finds_an_edit_made_behind_the_ledger},
    {"open_options_version_2", open_options_version_2},
    {"null_arguments_are_refused_not_crashed", null_arguments_are_refused_not_crashed},
    {"names", names},
    {NULL, NULL},
};
