// Known historical facts the baseline must reproduce, read from a YAML data file
// (resources/calibration/facts.yaml), so facts can be added without touching code. Each fact
// names an observable of a run (a simulated model release, a sum or ratio of monthly series,
// a growth rate, installed power, or an input parameter), a target and a tolerance.
#pragma once

#include "sim/core/sim_time.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cp::calibration {

using core::SimTime;

/// Monthly series aggregated over a date range: every (entity, metric) pair is summed per
/// month, then `agg` runs over the months. Change = value at `to` minus the month before `from`
/// (for cumulative metrics).
struct SeriesQuery {
    std::vector<std::string> entities;
    std::vector<std::string> metrics;
    SimTime from = 0, to = 0; ///< inclusive month starts
    enum class Agg { Sum, Mean, Last, Max, Change } agg = Agg::Sum;
};

enum class FactKind {
    ReleaseFlop,      ///< physical FLOP of the firm's simulated release nearest `date`
    ReleaseChips,     ///< average H100e that release trained on
    ReleaseIndex,     ///< capability index of that release
    FirstReach,       ///< months between `date` and the firm's first release reaching `target` FLOP x `reach_share`
    ReleaseOrder,     ///< the FirstReach dates of the listed facts come in their disclosed order
    FrontierGrowth,   ///< yearly growth of the largest simulated run's FLOP (log-linear fit)
    AlgorithmicGrowth,///< yearly growth of effective / physical FLOP across the firm's releases
    Series,           ///< a SeriesQuery value
    SeriesRatio,      ///< numerator / denominator, two SeriesQuery values
    InstalledPowerMw, ///< AI power in use in a jurisdiction: sum of its data centres' H100e / h100e_per_mw
    Parameter,        ///< an input value of the scenario (an input check, not an output)
};

struct Fact {
    std::string id;
    std::string claim;  ///< what is known, in words
    std::string source; ///< where it is documented (../shared/domain)
    std::string why;    ///< why the tolerance is what it is
    std::string knownMiss; ///< non-empty: the baseline is known to miss this fact, and why
    FactKind kind = FactKind::Series;
    std::string file;   ///< where the fact was written
    int line = 0, column = 0;

    std::string firm;        ///< release kinds, growth
    std::string jurisdiction;///< InstalledPowerMw
    std::string path;        ///< Parameter: key path, e.g. "data_centres.sg-colo.lease_price_usd_per_h100e_hour"
    SimTime date = 0;
    int windowMonths = 4;    ///< release kinds: a release must exist this close to `date`
    double reachShare = 0.5; ///< FirstReach: a release counts once it has flop x reach_share
    double reachFlop = 0;    ///< FirstReach: the disclosed model's FLOP
    int fromYear = 0, toYear = 0; ///< growth kinds
    std::vector<std::string> order; ///< ReleaseOrder: FirstReach fact ids in disclosed order
    SeriesQuery series, denominator;
    double scale = 1;      ///< SeriesRatio: value = numerator / denominator x scale
    std::string unit;      ///< Series kinds: unit of the value, for the table

    // Tolerance: either a target with a factor (target/f .. target*f) or absolute band
    // (target - plus_minus .. target + plus_minus), or an explicit [min, max].
    std::optional<double> target;
    std::optional<double> factor, plusMinus;
    std::optional<double> min, max;

    [[nodiscard]] double low() const;
    [[nodiscard]] double high() const;
    [[nodiscard]] bool isInputCheck() const { return kind == FactKind::Parameter; }
};

struct FactSet {
    std::string file;
    std::string scenario; ///< the scenario these facts are checked against, relative to the file
    std::vector<Fact> facts;
};

/// Reads a facts file; throws scenario::ScenarioError naming file, line, column and key.
[[nodiscard]] FactSet loadFacts(const std::string& path);
[[nodiscard]] FactSet loadFactsFromString(const std::string& text, const std::string& name);

[[nodiscard]] const char* toString(FactKind kind);

} // namespace cp::calibration
