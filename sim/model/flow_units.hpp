// How the markets put numbers on their flow networks: one flow unit is 1/100 H100e, and costs
// are whole numbers. Shared by the hardware and the compute market.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace cp::model {

inline constexpr double kFlowScale = 100.0; ///< flow units per H100e

/// H100e as whole flow units, rounded down; a negative amount is none.
inline std::int64_t toFlow(double h100e)
{
    // For the non-negative values left, truncation is the floor, without a library call.
    return static_cast<std::int64_t>(std::max(0.0, h100e) * kFlowScale);
}

/// std::llround (halves away from zero) without the library call, for the magnitudes costs have.
inline std::int64_t roundCost(double x)
{
    if (!(std::abs(x) < 0x1p52))
        return std::llround(x); // NaN, or large enough to be whole already
    const auto whole = static_cast<std::int64_t>(x); // toward zero
    const double rest = x - static_cast<double>(whole); // exact in this range
    return rest >= 0.5 ? whole + 1 : rest <= -0.5 ? whole - 1 : whole;
}

} // namespace cp::model
