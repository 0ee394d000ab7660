// The exception boundary (STYLE.md enforcement item 6).
//
// This binary links the very object files libduban is linked from (the
// duban_capi_objects library), so it drives the shipped guard and the
// shipped duban_error_* functions, with lambdas that throw what the core
// could throw. No test-only entry point exists in any build of the library,
// so the exported symbol set is the same in every configuration.
#include <gtest/gtest.h>

#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <thread>

#include "duban.h"
#include "duban/error.hpp"
#include "guard.hpp"
#include "values.hpp"

namespace {

using duban::capi::guard;
using duban::capi::guard_new;
using duban::capi::guard_value;

TEST(CapiGuard, DubanErrorKeepsCodeClassSubcodeAndMessage) {
  const int rc = guard("duban_test", []() -> int {
    throw duban::Error(duban::Errc::busy, duban::ErrClass::storage, "ledger 'a.duban' is locked", 517);
  });
  EXPECT_EQ(rc, DUBAN_EBUSY);
  EXPECT_EQ(duban_error_code(), DUBAN_EBUSY);
  EXPECT_EQ(duban_error_class(), DUBAN_ERRCLASS_STORAGE);
  EXPECT_EQ(duban_error_subcode(), 517);
  EXPECT_STREQ(duban_error_message(), "ledger 'a.duban' is locked");
}

TEST(CapiGuard, BadAllocBecomesEnomem) {
  const int rc = guard("duban_test", []() -> int { throw std::bad_alloc(); });
  EXPECT_EQ(rc, DUBAN_ENOMEM);
  EXPECT_EQ(duban_error_class(), DUBAN_ERRCLASS_MEMORY);
  EXPECT_STREQ(duban_error_message(), "out of memory");
}

TEST(CapiGuard, StdExceptionBecomesErrorWithWhat) {
  const int rc = guard("duban_test", [] { throw std::out_of_range("vector::_M_range_check: __n (which is 7)"); });
  EXPECT_EQ(rc, DUBAN_ERROR);
  EXPECT_EQ(duban_error_class(), DUBAN_ERRCLASS_INTERNAL);
  EXPECT_STREQ(duban_error_message(), "vector::_M_range_check: __n (which is 7)");
}

TEST(CapiGuard, AnythingElseBecomesUnknownException) {
  const int rc = guard("duban_test", [] { throw 42; });
  EXPECT_EQ(rc, DUBAN_ERROR);
  EXPECT_EQ(duban_error_class(), DUBAN_ERRCLASS_INTERNAL);
  EXPECT_STREQ(duban_error_message(), "unknown exception");
  // Not even a std::string thrown by mistake escapes.
  EXPECT_EQ(guard("duban_test", [] { throw std::string("oops"); }), DUBAN_ERROR);
}

TEST(CapiGuard, MisuseNamesTheFunction) {
  const int* missing = nullptr;
  const int rc = guard("duban_thing_do", [&] { duban::capi::require(missing, "thing"); });
  EXPECT_EQ(rc, DUBAN_EMISUSE);
  EXPECT_STREQ(duban_error_message(), "duban_thing_do: 'thing' is NULL");
}

TEST(CapiGuard, SuccessPassesTheBodysStatusThrough) {
  EXPECT_EQ(guard("duban_test", [] {}), DUBAN_OK);
  EXPECT_EQ(guard("duban_test", [] { return DUBAN_DONE; }), DUBAN_DONE);
}

TEST(CapiGuard, FailedConstructorLeavesOutNullAndFreesThePartialObject) {
  struct Probe {
    explicit Probe(bool* alive) : alive_(alive) { *alive_ = true; }
    ~Probe() { *alive_ = false; }
    bool* alive_;
  };
  bool alive = false;
  Probe* out = reinterpret_cast<Probe*>(&alive);  // any non-null value
  const int rc = guard_new("duban_probe_new", &out, [&]() -> std::unique_ptr<Probe> {
    auto made = std::make_unique<Probe>(&alive);
    throw duban::Error(duban::Errc::parse, duban::ErrClass::text, "line 3: unexpected '}'");
    return made;
  });
  EXPECT_EQ(rc, DUBAN_EPARSE);
  EXPECT_EQ(out, nullptr);
  EXPECT_FALSE(alive);
  EXPECT_STREQ(duban_error_message(), "line 3: unexpected '}'");

  EXPECT_EQ(guard_new<Probe>("duban_probe_new", nullptr, [&] { return std::make_unique<Probe>(&alive); }),
            DUBAN_EMISUSE);
  EXPECT_FALSE(alive);
}

TEST(CapiGuard, AccessorFallsBackToItsNeutralValue) {
  const char* got = guard_value("duban_x_name", static_cast<const char*>("unused"),
                                []() -> const char* { throw std::runtime_error("no"); });
  EXPECT_STREQ(got, "unused");
  EXPECT_EQ(guard_value("duban_x_id", std::int64_t{0}, []() -> std::int64_t { throw std::bad_alloc(); }), 0);
  EXPECT_EQ(duban_error_code(), DUBAN_ENOMEM);
}

TEST(CapiGuard, MessageIsMadeValidUtf8) {
  guard("duban_test", [] { throw std::runtime_error("bad byte \xFF in 区\xE5\x8C"); });
  EXPECT_STREQ(duban_error_message(), "bad byte \xEF\xBF\xBD in 区\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(CapiGuard, ErrorStateIsPerThread) {
  guard("duban_test", [] { throw std::runtime_error("main thread"); });
  int other_code = 1;
  std::string other_message = "unset";
  std::thread([&] {
    other_code = duban_error_code();
    other_message = duban_error_message();
    guard("duban_test", [] { throw std::runtime_error("other thread"); });
  }).join();
  EXPECT_EQ(other_code, DUBAN_OK);
  EXPECT_EQ(other_message, "");
  EXPECT_STREQ(duban_error_message(), "main thread");
}

TEST(CapiGuard, OptionsVersionCheck) {
  EXPECT_THROW(duban::capi::check_version(0, 1, "x_options"), duban::Error);
  EXPECT_THROW(duban::capi::check_version(2, 1, "x_options"), duban::Error);
  EXPECT_NO_THROW(duban::capi::check_version(1, 1, "x_options"));
}

TEST(CapiGuard, FillReusesTheCallersBuffer) {
  duban_buf buf = DUBAN_BUF_INIT;
  duban::capi::fill(buf, "甲乙丙");
  EXPECT_EQ(buf.size, 9u);
  EXPECT_EQ(buf.reserved, 10u);
  char* const first = buf.ptr;
  duban::capi::fill(buf, "丁");
  EXPECT_EQ(buf.ptr, first);  // fits: no new allocation
  EXPECT_STREQ(buf.ptr, "丁");
  duban::capi::fill(buf, "");
  EXPECT_EQ(buf.size, 0u);
  EXPECT_STREQ(buf.ptr, "");
  duban_buf_dispose(&buf);
  EXPECT_EQ(buf.ptr, nullptr);
}

}  // namespace
