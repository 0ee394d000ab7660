// The digest of a run's inputs: SHA-256 over a length-prefixed binary
// stream of everything a score can depend on (the plan as bound, the
// scheme, the input, the date), so stored runs can tell whether a later
// run saw the same things. Binary, not JSON: ten million report facts
// hash in a fraction of the time it would take to print them.
#include <bit>
#include <cstring>
#include <memory>

#include <openssl/evp.h>

#include "assess/engine.hpp"
#include "duban/error.hpp"

namespace duban::scoring {
namespace {

class Hasher {
 public:
  Hasher() : ctx_(EVP_MD_CTX_new(), EVP_MD_CTX_free) {
    if (!ctx_ || EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr) != 1) {
      throw Error(Errc::error, ErrClass::internal, "SHA-256 is not available from OpenSSL");
    }
  }

  void bytes(const void* p, std::size_t n) {
    // Buffered: one EVP call per 64 KiB rather than per field, and a field
    // is one memcpy (ten million facts are fifty million fields).
    if (used_ + n > kBuffer) flush();
    if (n > kBuffer) {
      EVP_DigestUpdate(ctx_.get(), p, n);
      return;
    }
    std::memcpy(buf_.get() + used_, p, n);
    used_ += n;
  }
  void i64(std::int64_t v) { bytes(&v, sizeof v); }
  void f64(double v) {
    const std::uint64_t bits = std::bit_cast<std::uint64_t>(v);
    bytes(&bits, sizeof bits);
  }
  void text(std::string_view s) {
    i64(static_cast<std::int64_t>(s.size()));
    bytes(s.data(), s.size());
  }
  void date(Date d) { i64(std::chrono::sys_days{d}.time_since_epoch().count()); }
  void date(const std::optional<Date>& d) {
    if (d) {
      date(*d);
    } else {
      i64(std::numeric_limits<std::int64_t>::min());
    }
  }
  void number(const std::optional<double>& v) {
    i64(v ? 1 : 0);
    if (v) f64(*v);
  }

  std::string hex() {
    flush();
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_DigestFinal_ex(ctx_.get(), md, &len);
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < len; ++i) {
      out += digits[md[i] >> 4];
      out += digits[md[i] & 15];
    }
    return out;
  }

 private:
  static constexpr std::size_t kBuffer = 1 << 16;
  void flush() {
    if (used_ > 0) EVP_DigestUpdate(ctx_.get(), buf_.get(), used_);
    used_ = 0;
  }
  std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx_;
  std::unique_ptr<unsigned char[]> buf_ = std::make_unique<unsigned char[]>(kBuffer);
  std::size_t used_ = 0;
};

}  // namespace

std::string run_digest(const Assessor::Impl& impl, const AssessmentInput& in, Date as_of) {
  Hasher h;
  h.text("duban-assess/1");
  h.text(impl.plan_title);
  h.text(impl.plan_doc_number);
  h.i64(impl.plan_year);
  for (std::size_t t = 0; t < impl.task_key.size(); ++t) {
    h.text(impl.task_key[t]);
    h.text(impl.task_title[t]);
    h.i64(impl.task_category[t]);
    h.date(impl.plan_due[t]);
    for (std::uint32_t k = impl.task_begin[t]; k < impl.task_begin[t + 1]; ++k) {
      h.i64(impl.units[impl.holders[k].unit].id);
      h.i64(static_cast<int>(impl.holders[k].role));
    }
    h.i64(-1);
  }
  for (const UnitInfo& u : impl.units) {
    h.i64(u.id);
    h.text(u.name);
    h.i64(u.slot == kNone ? -1 : static_cast<std::int64_t>(u.slot));
  }
  h.text(to_json(impl.scheme, 0));
  h.date(as_of);
  h.i64(static_cast<std::int64_t>(in.tasks.size()));
  for (const TaskFact& f : in.tasks) {
    h.i64(f.task);
    h.i64(f.unit);
    h.date(f.done);
    h.date(f.due);
    h.date(f.extended_due);
    h.i64(f.ref);
  }
  h.i64(static_cast<std::int64_t>(in.reports.size()));
  for (const ReportFact& f : in.reports) {
    h.i64(f.task);
    h.i64(f.unit);
    h.date(f.due);
    h.date(f.reported);
    h.i64(f.ref);
  }
  h.i64(static_cast<std::int64_t>(in.indicators.size()));
  for (const IndicatorValue& v : in.indicators) {
    h.text(v.metric);
    h.i64(v.unit);
    h.i64(v.task);
    h.text(v.area);
    h.f64(v.value);
    h.date(v.date);
    h.text(v.ref);
  }
  h.i64(static_cast<std::int64_t>(in.baselines.size()));
  for (const BaselineValue& b : in.baselines) {
    h.text(b.metric);
    h.i64(b.unit);
    h.f64(b.value);
    h.text(b.ref);
  }
  h.i64(static_cast<std::int64_t>(in.events.size()));
  for (const ScoreEvent& e : in.events) {
    h.text(e.kind);
    h.i64(e.unit);
    h.i64(e.task);
    h.date(e.date);
    h.number(e.points);
    h.text(e.reason);
    h.text(e.ref);
  }
  h.i64(static_cast<std::int64_t>(in.values.size()));
  for (const NamedValue& v : in.values) {
    h.text(v.name);
    h.i64(v.unit);
    h.f64(v.value);
    h.text(v.ref);
  }
  h.i64(static_cast<std::int64_t>(in.areas.size()));
  for (const std::string& a : in.areas) h.text(a);
  return h.hex();
}

}  // namespace duban::scoring
