#include "export/report_words.hpp"

#include "assess/number.hpp"

namespace duban::render {
namespace {

// Working days, or 若干 when a provisional due date leaves them uncounted.
std::string days(int workdays) {
  return workdays < 0 ? std::string("若干个工作日") : std::to_string(workdays) + "个工作日";
}

}  // namespace

std::string_view light_words(Light light) noexcept {
  switch (light) {
    case Light::green: return "绿灯";
    case Light::blue: return "蓝灯";
    case Light::yellow: return "黄灯";
    case Light::red: return "红灯";
  }
  return "";
}

std::string_view status_words(Status status) noexcept {
  switch (status) {
    case Status::not_yet_due: return "未到期";
    case Status::due_soon: return "临期";
    case Status::overdue: return "逾期";
    case Status::done_on_time: return "按时完成";
    case Status::done_late: return "逾期完成";
    case Status::ongoing: return "持续推进";
  }
  return "";
}

std::string_view report_status_words(ReportStatus status) noexcept {
  switch (status) {
    case ReportStatus::not_started: return "未开始";
    case ReportStatus::in_progress: return "推进中";
    case ReportStatus::done: return "已完成";
    case ReportStatus::blocked: return "受阻";
  }
  return "";
}

std::string short_number(double value) { return scoring::num(scoring::round_to(value, 1)); }

std::string month_words(int year, unsigned month) {
  return std::to_string(year) + "年" + std::to_string(month) + "月";
}

std::string reason_words(const StatusReport& report, const Reason& r) {
  const std::string date = format_date(r.date);
  switch (r.code) {
    case ReasonCode::not_yet_due: return "距到期还有" + days(r.workdays);
    case ReasonCode::approaching: return "临近到期：还有" + days(r.workdays);
    case ReasonCode::due_soon:
      return (r.workdays == 0 ? std::string("今日到期") : "即将到期：还有" + days(r.workdays)) + "（预警线" +
             short_number(r.limit) + "个工作日）";
    case ReasonCode::overdue: return "逾期" + days(r.workdays);
    case ReasonCode::done_on_time: return date + "按时完成";
    case ReasonCode::done_late: return date + "完成，逾期" + days(r.workdays);
    case ReasonCode::ongoing: return "持续推进，无固定完成时限";
    case ReasonCode::lag:
      return "进度滞后：序时进度" + short_number(r.expected) + "%，实际" + short_number(r.actual) + "%";
    case ReasonCode::extension_approved: return "已批准延期至" + date;
    case ReasonCode::extension_refused: return "申请延期至" + date + "，未获批准";
    case ReasonCode::extension_pending: return "申请延期至" + date + "，待审批";
    case ReasonCode::extension_late: return date + "逾期提出的延期申请不予采纳";
    case ReasonCode::instances: {
      std::string text = "周期事项中" + std::to_string(r.count) + "期为" + std::string(light_words(r.light));
      if (r.item < report.subjects.size() && !report.subjects[r.item].period.empty()) {
        text += "（最早为" + report.subjects[r.item].period + "期）";
      }
      return text;
    }
    case ReasonCode::provisional_due: return "到期日" + date + "所在年度尚无工作日历，暂按原日期计";
  }
  return std::string(to_string(r.code));
}

}  // namespace duban::render
