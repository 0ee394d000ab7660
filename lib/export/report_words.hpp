// The words a Chinese coordinator reads for the progress enums: 红灯, 逾期,
// 推进中, and a reason as a sentence. The English spellings (to_string in
// progress.hpp and report.hpp) stay what JSON and the C API use.
#pragma once

#include <string>
#include <string_view>

#include "duban/progress.hpp"
#include "duban/report.hpp"

namespace duban::render {

std::string_view light_words(Light light) noexcept;           // 绿灯, 蓝灯, 黄灯, 红灯
std::string_view status_words(Status status) noexcept;        // 未到期, 临期, 逾期, 按时完成, 逾期完成, 持续推进
std::string_view report_status_words(ReportStatus status) noexcept;  // 未开始, 推进中, 已完成, 受阻

// One reason as a sentence: "逾期12个工作日", "进度滞后：序时进度60%，实际20%".
// A reason about instances names the first of them through `report`.
std::string reason_words(const StatusReport& report, const Reason& reason);

// 60, 42.5: a percent or a count as people write it (at most one decimal).
std::string short_number(double value);

// 2025年10月.
std::string month_words(int year, unsigned month);

}  // namespace duban::render
