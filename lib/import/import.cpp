// The importer's entry points.
#include "duban/import.hpp"

#include "import/decode.hpp"
#include "import/document.hpp"
#include "import/draft.hpp"
#include "import/table.hpp"

namespace duban {
namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

ImportResult import_text(std::string_view bytes, const ImportOptions& options) {
  importer::Decoded decoded = importer::decode_text(bytes, options.source);
  const std::string_view text = decoded.text(bytes);
  if (importer::looks_like_flattened_table(text)) {
    // A 台账 pasted or exported as tab-separated text.
    importer::Draft draft = importer::draft_from_table(importer::read_csv(bytes, options.source), options);
    draft.diagnostics.push_back({Severity::info, 0, {}, "read as a table: the text is tab-separated with a header row"});
    return importer::finish(std::move(draft), options);
  }
  importer::Draft draft = importer::read_document(text, options);
  if (decoded.cut > 0) {
    draft.diagnostics.push_back({Severity::warning, 0, {},
                                 "the text ends in the middle of a character (a truncated file?): its last " +
                                     std::to_string(decoded.cut) + " byte(s) were dropped"});
  }
  if (decoded.encoding != importer::SourceEncoding::utf8 && decoded.encoding != importer::SourceEncoding::utf8_bom) {
    draft.diagnostics.push_back({Severity::info, 0, {},
                                 "read as " + std::string(importer::to_string(decoded.encoding)) +
                                     " and converted to UTF-8"});
  }
  return importer::finish(std::move(draft), options);
}

ImportResult import_table(std::string_view bytes, TableFormat format, const ImportOptions& options) {
  return importer::finish(importer::read_table(bytes, format, options), options);
}

ImportResult import_document(std::string_view bytes, std::string_view file_name, const ImportOptions& options) {
  const std::string name = lower_ascii(file_name);
  if (bytes.starts_with("PK\x03\x04") && !name.ends_with(".docx")) return import_table(bytes, TableFormat::xlsx, options);
  if (name.ends_with(".csv") || name.ends_with(".tsv")) return import_table(bytes, TableFormat::csv, options);
  return import_text(bytes, options);
}

}  // namespace duban
