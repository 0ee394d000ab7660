#include "ledger/chain.hpp"

#include <openssl/err.h>
#include <openssl/evp.h>

#include <bit>
#include <cstring>

#include "duban/error.hpp"

namespace duban::ledger {
namespace {

// The encoding is part of the file format: every ledger's hashes depend on
// it, so it never changes. Each field is a tag byte, then for numbers a
// presence byte and 8 bytes big-endian, for text a 4-byte big-endian length
// and the bytes. Tags keep fields from sliding into each other.
constexpr char kDomain[] = "duban-event-1";

void put_u64(std::string& out, std::uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>((v >> shift) & 0xFF));
}

void put_int(std::string& out, char tag, const std::optional<std::int64_t>& v) {
  out.push_back(tag);
  out.push_back(v ? '\1' : '\0');
  put_u64(out, v ? static_cast<std::uint64_t>(*v) : 0);
}

void put_real(std::string& out, char tag, const std::optional<double>& v) {
  out.push_back(tag);
  out.push_back(v ? '\1' : '\0');
  put_u64(out, v ? std::bit_cast<std::uint64_t>(*v) : 0);
}

void put_text(std::string& out, char tag, std::string_view text) {
  out.push_back(tag);
  const auto n = static_cast<std::uint32_t>(text.size());
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((n >> shift) & 0xFF));
  out.append(text);
}

void encode(std::string& out, const storage::EventRecord& e) {
  out.clear();
  out.append(kDomain, sizeof kDomain - 1);
  put_int(out, 'k', e.kind);
  put_int(out, 'p', e.plan);
  put_int(out, 't', e.task);
  put_text(out, 'K', e.task_key);
  put_text(out, 'I', e.instance);
  put_int(out, 'u', e.unit);
  put_text(out, 'U', e.user);
  put_text(out, 'D', e.date);
  put_text(out, 'R', e.recorded);
  put_int(out, 's', e.status);
  put_real(out, '%', e.percent);
  put_text(out, 'T', e.text);
  put_int(out, 'r', e.ref);
  put_text(out, 'N', e.until);
  put_text(out, 'O', e.due);
  put_int(out, 'g', e.target);
  put_int(out, 'v', static_cast<std::int64_t>(e.indicators.size()));
  for (const Indicator& v : e.indicators) {
    put_text(out, 'M', v.metric);
    put_real(out, 'V', v.value);
    put_text(out, 'X', v.unit);
  }
  put_int(out, 'e', static_cast<std::int64_t>(e.evidence.size()));
  for (const std::string& ref : e.evidence) put_text(out, 'E', ref);
}

[[noreturn]] void openssl_failed(const std::string& what) {
  const unsigned long code = ERR_get_error();
  char detail[256] = "no detail";
  if (code != 0) ERR_error_string_n(code, detail, sizeof detail);
  ERR_clear_error();
  throw Error(Errc::error, ErrClass::storage, "the audit chain cannot " + what + ": OpenSSL: " + detail);
}

}  // namespace

struct Hasher::Context {
  EVP_MD* md = nullptr;
  EVP_MD_CTX* ctx = nullptr;
  ~Context() {
    EVP_MD_CTX_free(ctx);
    EVP_MD_free(md);
  }
};

Hasher::Hasher(HashAlgorithm algorithm) : algorithm_(algorithm), context_(std::make_unique<Context>()) {
  // Fetched once: EVP_sm3()/EVP_sha256() would look the implementation up
  // again on every digest.
  const char* name = algorithm == HashAlgorithm::sha256 ? "SHA256" : "SM3";
  context_->md = EVP_MD_fetch(nullptr, name, nullptr);
  if (context_->md == nullptr) openssl_failed(std::string("use ") + std::string(to_string(algorithm)));
  if (EVP_MD_get_size(context_->md) != static_cast<int>(storage::Digest{}.size())) {
    throw Error(Errc::error, ErrClass::storage, "the audit chain's hash has an unexpected size");
  }
  context_->ctx = EVP_MD_CTX_new();
  if (context_->ctx == nullptr) throw Error(Errc::nomem, ErrClass::memory, "the audit chain cannot allocate a hash");
}

Hasher::~Hasher() = default;

storage::Digest Hasher::link(const storage::Digest& prev, const storage::EventRecord& event) {
  encode(buffer_, event);
  storage::Digest out{};
  unsigned int size = 0;
  EVP_MD_CTX* ctx = context_->ctx;
  if (EVP_DigestInit_ex2(ctx, context_->md, nullptr) != 1 || EVP_DigestUpdate(ctx, prev.data(), prev.size()) != 1 ||
      EVP_DigestUpdate(ctx, buffer_.data(), buffer_.size()) != 1 || EVP_DigestFinal_ex(ctx, out.data(), &size) != 1) {
    openssl_failed("hash an event");
  }
  return out;
}

std::string to_hex(const storage::Digest& digest) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(digest.size() * 2);
  for (const std::uint8_t b : digest) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 0xF]);
  }
  return out;
}

HashAlgorithm stored_algorithm(const std::optional<std::string>& name, const std::string& ledger_name) {
  if (name) {
    if (const auto algorithm = hash_algorithm_from_string(*name)) return *algorithm;
  }
  throw Error(Errc::corrupt, ErrClass::storage,
              ledger_name + " is damaged: its audit chain names the hash " +
                  (name ? quote(*name) : std::string("(none)")) + ", which this build does not know");
}

}  // namespace duban::ledger
