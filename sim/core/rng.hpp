#pragma once
// Deterministic random numbers. One master seed feeds any number of named streams; a
// stream's sequence depends only on (master seed, name), never on which other streams
// exist or in which order they were first used, so adding randomness to one part of the
// model does not perturb the others. The generator is xoshiro256** and every
// distribution is written out here: std::random_device and the std distributions are
// banned because their output differs between standard libraries.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace cp::core {

[[nodiscard]] std::uint64_t splitmix64(std::uint64_t& state);
[[nodiscard]] std::uint64_t fnv1a64(std::string_view text);
// Seed of the index-th run of a batch with the given master seed.
[[nodiscard]] std::uint64_t deriveSeed(std::uint64_t masterSeed, std::uint64_t index);

class RngStream {
public:
    explicit RngStream(std::uint64_t seed = 0);

    std::uint64_t next();
    // Uniform in [0, 1) with 53 random bits.
    double uniform();
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Uniform integer in [0, n); n > 0. Unbiased (Lemire's method).
    std::uint64_t below(std::uint64_t n);
    double normal(double mean = 0.0, double sd = 1.0);
    // exp(N(mu, sigma)).
    double lognormal(double mu, double sigma);
    double triangular(double lo, double mode, double hi);
    double exponential(double rate);
    bool bernoulli(double p) { return uniform() < p; }
    // Exact samplers: inversion for small means, Hörmann's transformed rejection
    // (BTRS / PTRS) for large ones.
    std::uint64_t binomial(std::uint64_t n, double p);
    std::uint64_t poisson(double mean);

private:
    std::uint64_t m_s[4];
    double m_spareNormal = 0.0;
    bool m_hasSpare = false;
};

class RngStreams {
public:
    explicit RngStreams(std::uint64_t masterSeed) : m_master(masterSeed) {}
    // The stream called name, created on first use. References stay valid.
    RngStream& stream(const std::string& name);
    [[nodiscard]] std::uint64_t masterSeed() const { return m_master; }

private:
    std::uint64_t m_master;
    std::map<std::string, RngStream, std::less<>> m_streams;
};

}  // namespace cp::core
