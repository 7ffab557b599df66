// A value that changes over time: a constant, or dated points joined linearly (or held as
// steps). Scenario files write it as a number or as a mapping `{2024-01: 100, 2025-06: 300}`.
// Before the first point the first value holds; after the last point the last value holds.
#pragma once

#include "sim/core/sim_time.hpp"

#include <utility>
#include <vector>

namespace cp::scenario {

struct Schedule {
    enum class Mode { Linear, Step };

    std::vector<std::pair<core::SimTime, double>> points; ///< sorted by date, never empty once loaded
    Mode mode = Mode::Linear;

    static Schedule constant(double v) { return Schedule{{{0, v}}, Mode::Step}; }

    [[nodiscard]] double at(core::SimTime t) const
    {
        if (points.empty())
            return 0.0;
        if (t <= points.front().first)
            return points.front().second;
        if (t >= points.back().first)
            return points.back().second;
        for (std::size_t i = 1; i < points.size(); ++i) {
            if (t < points[i].first) {
                const auto& [t0, v0] = points[i - 1];
                if (mode == Mode::Step)
                    return v0;
                const auto& [t1, v1] = points[i];
                const double f = static_cast<double>(t - t0) / static_cast<double>(t1 - t0);
                return v0 + f * (v1 - v0);
            }
        }
        return points.back().second;
    }

    [[nodiscard]] bool isConstant() const { return points.size() <= 1; }
};

} // namespace cp::scenario
