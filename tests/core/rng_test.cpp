#include "sim/core/rng.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

using namespace cp::core;

TEST(Rng, StreamsDependOnlyOnSeedAndName)
{
    RngStreams a(42), b(42), c(43);
    // Creation order must not matter.
    (void)a.stream("first");
    RngStream& a2 = a.stream("second");
    RngStream& b2 = b.stream("second");
    (void)b.stream("first");
    for (int i = 0; i < 100; ++i)
        ASSERT_EQ(a2.next(), b2.next());
    EXPECT_NE(RngStreams(42).stream("x").next(), RngStreams(42).stream("y").next());
    EXPECT_NE(RngStreams(42).stream("x").next(), c.stream("x").next());
    // Drawing from one stream does not advance another.
    RngStreams d(7), e(7);
    for (int i = 0; i < 1000; ++i)
        (void)d.stream("noise").next();
    EXPECT_EQ(d.stream("signal").next(), e.stream("signal").next());
}

TEST(Rng, KnownFirstOutputsPinTheGenerator)
{
    // Golden values: a change here changes every scenario's results.
    EXPECT_EQ(RngStream(1).next(), 12966619160104079557ULL);
    EXPECT_EQ(RngStreams(42).stream("x").next(), 16913236713619745095ULL);
    EXPECT_EQ(deriveSeed(42, 0), deriveSeed(42, 0));
    std::set<std::uint64_t> seeds;
    for (std::uint64_t i = 0; i < 10000; ++i)
        seeds.insert(deriveSeed(42, i));
    EXPECT_EQ(seeds.size(), 10000u);
}

namespace {
struct Moments {
    double mean = 0, var = 0;
};
template <class F>
Moments moments(F draw, int n = 200000)
{
    double s = 0, s2 = 0;
    for (int i = 0; i < n; ++i) {
        const double x = draw();
        s += x;
        s2 += x * x;
    }
    const double mean = s / n;
    return {mean, s2 / n - mean * mean};
}
} // namespace

TEST(Rng, DistributionsHaveTheirMoments)
{
    RngStream r(2024);
    auto check = [](Moments m, double mean, double var, const char* what) {
        const double se = std::sqrt(var / 200000.0);
        EXPECT_NEAR(m.mean, mean, 5 * se + 1e-12) << what;
        EXPECT_NEAR(m.var, var, 0.05 * var + 1e-12) << what;
    };
    check(moments([&] { return r.uniform(); }), 0.5, 1.0 / 12, "uniform");
    check(moments([&] { return r.uniform(2, 6); }), 4, 16.0 / 12, "uniform(2,6)");
    check(moments([&] { return r.normal(3, 2); }), 3, 4, "normal");
    check(moments([&] { return r.lognormal(0, 0.5); }), std::exp(0.125), (std::exp(0.25) - 1) * std::exp(0.25), "lognormal");
    check(moments([&] { return r.triangular(0, 1, 4); }), 5.0 / 3, (0 + 1 + 16 - 0 - 0 - 4) / 18.0, "triangular");
    check(moments([&] { return r.exponential(2); }), 0.5, 0.25, "exponential");
    check(moments([&] { return r.bernoulli(0.3) ? 1.0 : 0.0; }), 0.3, 0.21, "bernoulli");
    check(moments([&] { return static_cast<double>(r.binomial(20, 0.1)); }), 2, 1.8, "binomial small");
    check(moments([&] { return static_cast<double>(r.binomial(10000, 0.3)); }), 3000, 2100, "binomial BTRS");
    check(moments([&] { return static_cast<double>(r.binomial(1000, 0.9)); }), 900, 90, "binomial p>0.5");
    check(moments([&] { return static_cast<double>(r.poisson(3.5)); }), 3.5, 3.5, "poisson small");
    check(moments([&] { return static_cast<double>(r.poisson(250)); }), 250, 250, "poisson PTRS");
}

TEST(Rng, BelowIsUniformAndRangesHold)
{
    RngStream r(99);
    std::vector<int> counts(7, 0);
    const int n = 70000;
    for (int i = 0; i < n; ++i)
        ++counts[r.below(7)];
    double chi2 = 0;
    for (int c : counts)
        chi2 += (c - n / 7.0) * (c - n / 7.0) / (n / 7.0);
    EXPECT_LT(chi2, 22.5); // 6 degrees of freedom, p = 0.001
    for (int i = 0; i < 100000; ++i) {
        const double u = r.uniform();
        ASSERT_GE(u, 0.0);
        ASSERT_LT(u, 1.0);
        ASSERT_LE(r.binomial(5, 0.5), 5u);
    }
}

TEST(Rng, InvalidArgumentsThrow)
{
    RngStream r(1);
    EXPECT_THROW((void)r.below(0), std::invalid_argument);
    EXPECT_THROW((void)r.binomial(10, 1.5), std::invalid_argument);
    EXPECT_THROW((void)r.binomial(10, std::nan("")), std::invalid_argument);
    EXPECT_THROW((void)r.poisson(-1), std::invalid_argument);
    EXPECT_THROW((void)r.triangular(2, 1, 3), std::invalid_argument);
    EXPECT_EQ(r.binomial(0, 0.5), 0u);
    EXPECT_EQ(r.binomial(10, 1.0), 10u);
    EXPECT_EQ(r.poisson(0), 0u);
}
