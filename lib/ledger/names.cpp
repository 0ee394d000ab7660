// Spellings of the report and event enums, and the METRIC=VALUE[UNIT] form
// of an indicator.
#include <array>
#include <charconv>
#include <cmath>
#include <utility>

#include "duban/error.hpp"
#include "duban/report.hpp"
#include "base/enum_names.hpp"

namespace duban {
namespace {

using detail::name_of;
using detail::value_of;

constexpr std::array<std::pair<ReportStatus, std::string_view>, 4> kStatuses{{
    {ReportStatus::not_started, "not_started"},
    {ReportStatus::in_progress, "in_progress"},
    {ReportStatus::done, "done"},
    {ReportStatus::blocked, "blocked"},
}};

constexpr std::array<std::pair<ReportStatus, std::string_view>, 7> kChineseStatuses{{
    {ReportStatus::not_started, "未开始"},
    {ReportStatus::in_progress, "推进中"},
    {ReportStatus::in_progress, "进行中"},
    {ReportStatus::done, "已完成"},
    {ReportStatus::done, "完成"},
    {ReportStatus::blocked, "受阻"},
    {ReportStatus::blocked, "阻滞"},
}};

constexpr std::array<std::pair<EventKind, std::string_view>, 11> kKinds{{
    {EventKind::report, "report"},
    {EventKind::closure_submitted, "closure_submitted"},
    {EventKind::closure_approved, "closure_approved"},
    {EventKind::closure_returned, "closure_returned"},
    {EventKind::extension_requested, "extension_requested"},
    {EventKind::extension_approved, "extension_approved"},
    {EventKind::extension_refused, "extension_refused"},
    {EventKind::coordinator_set, "coordinator_set"},
    {EventKind::directory_saved, "directory_saved"},
    {EventKind::plan_saved, "plan_saved"},
    {EventKind::calendar_loaded, "calendar_loaded"},
}};

constexpr std::array<std::pair<HashAlgorithm, std::string_view>, 2> kHashes{{
    {HashAlgorithm::sm3, "sm3"},
    {HashAlgorithm::sha256, "sha256"},
}};

constexpr std::array<std::pair<ClosureState, std::string_view>, 4> kClosures{{
    {ClosureState::open, "open"},
    {ClosureState::submitted, "submitted"},
    {ClosureState::closed, "closed"},
    {ClosureState::returned, "returned"},
}};

constexpr std::array<std::pair<ExtensionDecision, std::string_view>, 3> kDecisions{{
    {ExtensionDecision::pending, "pending"},
    {ExtensionDecision::approved, "approved"},
    {ExtensionDecision::refused, "refused"},
}};

constexpr std::array<std::pair<ChainFinding, std::string_view>, 4> kFindings{{
    {ChainFinding::intact, "intact"},
    {ChainFinding::altered, "altered"},
    {ChainFinding::removed, "removed"},
    {ChainFinding::inserted, "inserted"},
}};

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  // The ideographic space (U+3000) too: text typed in a Chinese IME.
  constexpr std::string_view kWide = "\xE3\x80\x80";
  while (s.starts_with(kWide)) s.remove_prefix(kWide.size());
  while (s.ends_with(kWide)) s.remove_suffix(kWide.size());
  return s;
}

}  // namespace

std::string_view to_string(ReportStatus status) noexcept { return name_of(kStatuses, status); }
std::optional<ReportStatus> report_status_from_string(std::string_view text) noexcept {
  if (auto v = value_of(kStatuses, text)) return v;
  return value_of(kChineseStatuses, text);
}
std::string_view to_string(EventKind kind) noexcept { return name_of(kKinds, kind); }
std::optional<EventKind> event_kind_from_string(std::string_view text) noexcept { return value_of(kKinds, text); }
std::string_view to_string(HashAlgorithm algorithm) noexcept { return name_of(kHashes, algorithm); }
std::optional<HashAlgorithm> hash_algorithm_from_string(std::string_view text) noexcept {
  return value_of(kHashes, text);
}
std::string_view to_string(ClosureState state) noexcept { return name_of(kClosures, state); }
std::string_view to_string(ExtensionDecision decision) noexcept { return name_of(kDecisions, decision); }
std::string_view to_string(ChainFinding finding) noexcept { return name_of(kFindings, finding); }

Indicator parse_indicator(std::string_view text) {
  const auto fail = [&](const char* why) {
    throw Error(Errc::parse, ErrClass::argument,
                "indicator " + quote(text) + ": " + why + " (write METRIC=VALUE[UNIT], e.g. 选派教师=2名)");
  };
  std::size_t eq = text.find('=');
  std::size_t eq_size = 1;
  if (const std::size_t wide = text.find("\xEF\xBC\x9D"); wide != std::string_view::npos && wide < eq) {
    eq = wide;  // ＝
    eq_size = 3;
  }
  if (eq == std::string_view::npos) fail("no '='");
  Indicator out;
  out.metric = std::string(trim(text.substr(0, eq)));
  if (out.metric.empty()) fail("no metric before '='");
  std::string_view rest = trim(text.substr(eq + eq_size));
  if (!rest.empty() && rest.front() == '+') rest.remove_prefix(1);
  const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), out.value);
  if (ec != std::errc() || !std::isfinite(out.value)) fail("no number after '='");
  out.unit = std::string(trim(rest.substr(static_cast<std::size_t>(end - rest.data()))));
  return out;
}

std::string to_string(const Indicator& indicator) {
  char number[64];
  const auto [end, ec] = std::to_chars(number, number + sizeof number, indicator.value);
  std::string out = indicator.metric + "=";
  if (ec == std::errc()) out.append(number, end);
  return out + indicator.unit;
}

}  // namespace duban
