#pragma once
// A run fingerprint: a 64-bit hash folded over processed events and final
// results. Golden tests compare it, so it must depend only on values, never on addresses.
#include <bit>
#include <cstdint>
#include <string>
#include <string_view>

namespace cp::core {

class Fingerprint {
public:
    // Word-wise multiply-xorshift fold: one multiply per value keeps hashing every processed
    // event cheap next to the event itself.
    void add(std::uint64_t v)
    {
        m_h = (m_h ^ v) * kWordMultiplier;
        m_h ^= m_h >> 31;
    }
    void addSigned(std::int64_t v) { add(static_cast<std::uint64_t>(v)); }
    // Hashes the bit pattern; +0.0 and -0.0 are folded together so that harmless sign
    // differences of zero do not break golden tests.
    void addDouble(double v) { add(v == 0.0 ? 0U : std::bit_cast<std::uint64_t>(v)); }
    void addString(std::string_view s)
    {
        add(s.size());
        for (unsigned char c : s) {
            m_h ^= c;
            m_h *= kPrime;
        }
    }
    [[nodiscard]] std::uint64_t value() const { return m_h; }
    [[nodiscard]] std::string hex() const
    {
        static constexpr char kDigits[] = "0123456789abcdef";
        std::string out(16, '0');
        for (int i = 0; i < 16; ++i)
            out[static_cast<std::size_t>(15 - i)] = kDigits[(m_h >> (4 * i)) & 0xfU];
        return out;
    }

private:
    static constexpr std::uint64_t kPrime = 0x100000001b3ULL;
    static constexpr std::uint64_t kWordMultiplier = 0x9e3779b97f4a7c15ULL;
    std::uint64_t m_h = 0xcbf29ce484222325ULL;
};

}  // namespace cp::core
