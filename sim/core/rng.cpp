#include "sim/core/rng.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace cp::core {
namespace {
__extension__ typedef unsigned __int128 Uint128;
std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
}  // namespace

std::uint64_t splitmix64(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t fnv1a64(std::string_view text)
{
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : text) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::uint64_t deriveSeed(std::uint64_t masterSeed, std::uint64_t index)
{
    std::uint64_t s = masterSeed ^ (0xd1b54a32d192ed03ULL * (index + 1));
    (void)splitmix64(s);
    return splitmix64(s);
}

RngStream::RngStream(std::uint64_t seed)
{
    std::uint64_t s = seed;
    for (auto& w : m_s)
        w = splitmix64(s);
}

std::uint64_t RngStream::next()
{
    const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const std::uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

double RngStream::uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

std::uint64_t RngStream::below(std::uint64_t n)
{
    if (n == 0)
        throw std::invalid_argument("RngStream::below: n must be positive");
    Uint128 m = static_cast<Uint128>(next()) * n;
    auto low = static_cast<std::uint64_t>(m);
    if (low < n) {
        const std::uint64_t threshold = (0 - n) % n;
        while (low < threshold) {
            m = static_cast<Uint128>(next()) * n;
            low = static_cast<std::uint64_t>(m);
        }
    }
    return static_cast<std::uint64_t>(m >> 64);
}

double RngStream::normal(double mean, double sd)
{
    // Marsaglia's polar method; the second variate is kept for the next call.
    if (m_hasSpare) {
        m_hasSpare = false;
        return mean + sd * m_spareNormal;
    }
    double u, v, s;
    do {
        u = 2.0 * uniform() - 1.0;
        v = 2.0 * uniform() - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double f = std::sqrt(-2.0 * std::log(s) / s);
    m_spareNormal = v * f;
    m_hasSpare = true;
    return mean + sd * u * f;
}

double RngStream::lognormal(double mu, double sigma) { return std::exp(normal(mu, sigma)); }

double RngStream::triangular(double lo, double mode, double hi)
{
    if (!(lo <= mode && mode <= hi))
        throw std::invalid_argument("RngStream::triangular: need lo <= mode <= hi");
    if (hi == lo)
        return lo;
    const double u = uniform();
    const double cut = (mode - lo) / (hi - lo);
    if (u < cut)
        return lo + std::sqrt(u * (hi - lo) * (mode - lo));
    return hi - std::sqrt((1.0 - u) * (hi - lo) * (hi - mode));
}

double RngStream::exponential(double rate) { return -std::log1p(-uniform()) / rate; }

std::uint64_t RngStream::binomial(std::uint64_t n, double p)
{
    if (!(p >= 0.0 && p <= 1.0))
        throw std::invalid_argument("RngStream::binomial: p outside [0, 1]");
    if (n == 0 || p == 0.0)
        return 0;
    if (p == 1.0)
        return n;
    if (p > 0.5)
        return n - binomial(n, 1.0 - p);
    const double q = 1.0 - p;
    const double nd = static_cast<double>(n);
    if (nd * p < 10.0) {
        // Inversion by sequential search from k = 0.
        const double s = p / q;
        double f = std::pow(q, nd);
        double u = uniform();
        std::uint64_t k = 0;
        while (u > f && k < n) {
            u -= f;
            f *= s * (nd - static_cast<double>(k)) / static_cast<double>(k + 1);
            ++k;
        }
        return k;
    }
    // BTRS (Hörmann 1993).
    const double spq = std::sqrt(nd * p * q);
    const double b = 1.15 + 2.53 * spq;
    const double a = -0.0873 + 0.0248 * b + 0.01 * p;
    const double c = nd * p + 0.5;
    const double vr = 0.92 - 4.2 / b;
    const double alpha = (2.83 + 5.1 / b) * spq;
    const double lpq = std::log(p / q);
    const double m = std::floor((nd + 1.0) * p);
    const double h = std::lgamma(m + 1.0) + std::lgamma(nd - m + 1.0);
    for (;;) {
        const double u = uniform() - 0.5;
        double v = uniform();
        const double us = 0.5 - std::fabs(u);
        const double k = std::floor((2.0 * a / us + b) * u + c);
        if (k < 0.0 || k > nd)
            continue;
        if (us >= 0.07 && v <= vr)
            return static_cast<std::uint64_t>(k);
        v = std::log(v * alpha / (a / (us * us) + b));
        if (v <= h - std::lgamma(k + 1.0) - std::lgamma(nd - k + 1.0) + (k - m) * lpq)
            return static_cast<std::uint64_t>(k);
    }
}

std::uint64_t RngStream::poisson(double mean)
{
    if (!(mean >= 0.0) || !std::isfinite(mean))
        throw std::invalid_argument("RngStream::poisson: mean must be finite and >= 0");
    if (mean == 0.0)
        return 0;
    if (mean < 10.0) {
        const double limit = std::exp(-mean);
        double prod = uniform();
        std::uint64_t k = 0;
        while (prod > limit) {
            prod *= uniform();
            ++k;
        }
        return k;
    }
    // PTRS (Hörmann 1993).
    const double slam = std::sqrt(mean);
    const double loglam = std::log(mean);
    const double b = 0.931 + 2.53 * slam;
    const double a = -0.059 + 0.02483 * b;
    const double invalpha = 1.1239 + 1.1328 / (b - 3.4);
    const double vr = 0.9277 - 3.6224 / (b - 2.0);
    for (;;) {
        const double u = uniform() - 0.5;
        const double v = uniform();
        const double us = 0.5 - std::fabs(u);
        const double k = std::floor((2.0 * a / us + b) * u + mean + 0.43);
        if (us >= 0.07 && v <= vr)
            return static_cast<std::uint64_t>(k);
        if (k < 0.0 || (us < 0.013 && v > us))
            continue;
        if (std::log(v) + std::log(invalpha) - std::log(a / (us * us) + b) <= -mean + k * loglam - std::lgamma(k + 1.0))
            return static_cast<std::uint64_t>(k);
    }
}

RngStream& RngStreams::stream(const std::string& name)
{
    auto it = m_streams.find(name);
    if (it == m_streams.end()) {
        std::uint64_t s = m_master ^ fnv1a64(name);
        it = m_streams.emplace(name, RngStream(splitmix64(s))).first;
    }
    return it->second;
}

}  // namespace cp::core
