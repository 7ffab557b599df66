#include "sim/model/flow_units.hpp"

#include "sim/core/rng.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

using cp::model::kFlowScale;
using cp::model::roundCost;
using cp::model::toFlow;

namespace {
// Halves, near-halves, integers and their neighbours, signs, zeros, extremes.
std::vector<double> edgeCases()
{
    std::vector<double> v{0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994,
                          1e-300, -1e-300, 0x1p52, -0x1p52, 0x1p52 - 0.5, 0x1p53, 1e18, -1e18,
                          std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
                          -std::numeric_limits<double>::infinity()};
    for (double base : {3.0, 299.0, 1234567.0, 0x1p40})
        for (double x : {base - 0.5, base + 0.5})
            for (double y : {std::nextafter(x, -1e300), x, std::nextafter(x, 1e300)})
                v.insert(v.end(), {y, -y});
    return v;
}
} // namespace

TEST(FlowUnits, RoundCostIsLlround)
{
    cp::core::RngStream rng(7);
    auto values = edgeCases();
    for (int i = 0; i < 100000; ++i)
        values.push_back(rng.uniform(-1e6, 1e6) * (i % 3 == 0 ? 1e-3 : 1.0));
    for (double x : values)
        EXPECT_EQ(roundCost(x), std::llround(x)) << x;
}

TEST(FlowUnits, ToFlowIsTheFloorOfScaledNonNegativeAmounts)
{
    cp::core::RngStream rng(8);
    auto values = edgeCases();
    for (int i = 0; i < 100000; ++i)
        values.push_back(rng.uniform(-10.0, 1e7));
    for (double x : values) {
        if (std::isinf(x) && x > 0)
            continue; // out of range for both
        EXPECT_EQ(toFlow(x), static_cast<std::int64_t>(std::floor(std::max(0.0, x) * kFlowScale))) << x;
    }
}
