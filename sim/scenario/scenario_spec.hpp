// The scenario as plain data: what a scenario file says, after `extends:` and overrides are
// applied and every value is validated. The model is built from this and nothing else; no
// parser type leaks out of sim/scenario. Units are in the field names or comments; ids are
// lowercase and unique per kind. Dates are SimTime (seconds since 1970-01-01 UTC).
#pragma once

#include "sim/core/sim_time.hpp"
#include "sim/scenario/schedule.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cp::scenario {

using core::SimTime;

/// How much a value can be trusted (issue: calibrated baseline).
enum class Confidence { Unspecified, Disclosed, Estimate, Assumption };

/// A distribution for Monte Carlo runs; None means the value is fixed.
struct Distribution {
    enum class Kind { None, Uniform, Triangular, Normal, LogNormal };
    Kind kind = Kind::None;
    double a = 0; ///< uniform/triangular: low; normal: mean; lognormal: mu (of log)
    double b = 0; ///< uniform/triangular: high (triangular: mode is the value); normal/lognormal: sd
    double lo = -1e300, hi = 1e300; ///< draws are clamped to the parameter's valid range
};

/// Provenance of one numeric parameter, collected while loading. The GUI shows it on hover,
/// `validate` flags stale sources, Monte Carlo samples `dist`.
struct ParamInfo {
    std::string path; ///< key path, e.g. "firms.deepseek.mfu" (list items by id)
    double value = 0;
    std::string unit;
    std::string source;
    std::optional<int> sourceYear; ///< year the source was published, when known
    Confidence confidence = Confidence::Unspecified;
    bool sourceInherited = false;  ///< `source` is the enclosing object's citation
    bool confidenceByRule = false; ///< graded by rule from the source (see provenance.hpp)
    Distribution dist;
    /// A dated schedule (`value` is its first point). Given as dated points, its `dist` draws a
    /// factor on every point (mode 1), and scaled points are kept within [validMin, validMax].
    bool schedule = false;
    bool scheduleFactor = false;
    double validMin = -1e300, validMax = 1e300;
    std::string file; ///< where the value was last set
    int line = 0, column = 0;

    /// A draw's central value: the value as written, or 1 for a factor on dated points (the
    /// mode of a triangular draw; what a single run uses).
    [[nodiscard]] double central() const { return scheduleFactor ? 1.0 : value; }
};

struct Jurisdiction {
    std::string id; ///< "china", "us", "singapore", "malaysia", ...
    std::string name;
    int diffusionTier = 2; ///< AI diffusion rule tier: 1, 2 or 3
    std::string source;
};

/// Dense BF16 throughput of one H100 SXM, the unit of "H100e" everywhere (FLOP per second).
inline constexpr double kH100FlopPerSecond = 989.4e12;

struct Chip {
    std::string id; ///< "h100", "h20", "ascend-910c"
    std::string name;
    std::string vendor;       ///< "Nvidia", "Huawei"
    std::string origin;       ///< jurisdiction id of the designer ("us", "china"): foreign or not
    SimTime available = 0;    ///< first date it can ship
    double bf16Tflops = 0;    ///< dense BF16/FP16 TFLOP/s
    double fp8Tflops = 0;     ///< dense FP8 TFLOP/s (0 = none)
    double fp4Tflops = 0;     ///< dense FP4 TFLOP/s (0 = none)
    double memBwTbps = 0;     ///< DRAM/HBM bandwidth, TB/s
    double interconnectGbps = 0; ///< chip-to-chip I/O, GB/s
    double hbmGb = 0;
    double tdpW = 0;
    double dieMm2 = 0;        ///< 0 = unknown (performance density then undefined)
    Schedule priceUsd;        ///< per unit
    double softwareEfficiency = 1.0; ///< achieved/peak relative to Nvidia+CUDA at equal FLOP/s
    /// Jurisdictions (by data-centre location) the vendor sells it in; empty = everywhere.
    /// China-only SKUs (A800, H800, H20) list [china].
    std::vector<std::string> markets;
    std::string source;

    /// US "total processing performance": max over formats of dense TOPS x bit length.
    [[nodiscard]] double tpp() const;
    /// TPP / die area; 0 when the die area is unknown.
    [[nodiscard]] double performanceDensity() const;
    /// Training-useful H100-equivalents per unit: dense BF16 / 989.4 x software efficiency.
    [[nodiscard]] double h100e() const;
};

/// One chip's production at a producer. Either a plain schedule (`units_per_month`) or a
/// die/yield/HBM-limited line (Huawei at SMIC): units = min(dies x yield / dies_per_chip,
/// hbm_stacks / stacks_per_chip). Yield draws are stochastic when yield_sd > 0.
struct ProductionLine {
    std::string chip;
    std::optional<Schedule> unitsPerMonth;
    std::optional<Schedule> diesPerMonth;
    Schedule yield = Schedule::constant(1.0);
    double yieldSd = 0.0; ///< month-to-month sd of the yield draw (absolute)
    double diesPerChip = 1.0;
    std::optional<Schedule> hbmStacksPerMonth;
    double stacksPerChip = 1.0;
    std::string source;
};

struct Producer {
    std::string id; ///< "nvidia", "huawei"
    std::string name;
    std::string jurisdiction; ///< where it is headquartered
    std::string foundry;      ///< "TSMC", "SMIC" (descriptive)
    std::vector<ProductionLine> lines;
    std::string source;
};

struct FleetEntry {
    std::string chip;
    double units = 0;
};

struct DataCentre {
    std::string id;
    std::string name;
    std::string operatorName;
    std::string operatorHq;  ///< jurisdiction id of the operator's headquarters
    std::string location;    ///< jurisdiction id where the chips sit
    std::string owner;       ///< firm id that owns and uses it; empty = leases to others
    bool stateFunded = false;
    Schedule powerMw;        ///< IT power built out over time
    double h100ePerMw = 700; ///< H100-equivalents one MW of IT power holds (all-in)
    Schedule leasePriceUsdPerH100eHour = Schedule::constant(2.5);
    std::vector<FleetEntry> initialFleet; ///< installed at the scenario start
    std::vector<std::string> refusesLesseesFrom; ///< operator's own rule: no tenants HQ'd here (YAML: refuses_lessees_from)
    double chipLifeYears = 6;             ///< chips retire after this age
    std::string source;
};

struct ModelRelease {
    std::string name;
    SimTime date = 0;
    double trainingFlop = 0;     ///< physical FLOP
    std::string source;
};

struct Firm {
    std::string id; ///< "alibaba", "deepseek", "openai"
    std::string name;
    std::string hq;           ///< jurisdiction id
    // Strategies: which sources of compute the firm will use.
    bool ownsCompute = true;     ///< uses its own data centres
    bool leasesOffshore = false; ///< leases capacity abroad
    bool leasesDomestic = true;  ///< leases capacity at home
    bool usesDomesticChips = true; ///< buys chips designed in its home jurisdiction for its own sites
    double stockpileMonths = 0;  ///< buys ahead: own DCs order this many months of build-out early
    Schedule leaseBudgetUsdPerMonth = Schedule::constant(0);
    /// Compute the firm wants (H100e); it leases the gap above what it owns, within budget.
    /// Zero = no target: it spends its whole leasing budget. (YAML: compute_target_h100e)
    Schedule computeTargetH100e = Schedule::constant(0);
    Schedule inferenceShare = Schedule::constant(0.3); ///< share of compute serving inference
    double domesticDataShare = 0.0; ///< share of a run's compute that needs domestic personal data
    double algorithmicEfficiency = 1.0; ///< multiplier on the frontier's algorithmic progress
    double mfu = 0.4;
    double frontierRunShare = 0.5; ///< share of training compute one frontier run can use
    /// Length of a frontier pre-training run started at a date (months; YAML run_months, a
    /// number or dated points: run length grows over time, domain.md §5.6).
    Schedule runMonths = Schedule::constant(4);
    int cadenceMonths = 6;         ///< months between run starts
    SimTime firstRun = 0;          ///< first run start (0 = scenario start)
    double multiSitePenalty = 0.9; ///< efficiency when a run spans home and offshore sites
    /// Known models: those released before the start set the firm's starting capability;
    /// those dated inside the run (trained before it) are released on their date.
    std::vector<ModelRelease> priorModels;
    std::string color;             ///< "#rrggbb" for charts; empty = palette

    /// Whole months of pre-training for a run started at t (at least one).
    [[nodiscard]] int runMonthsAt(SimTime t) const { return std::max(1, static_cast<int>(std::lround(runMonths.at(t)))); }
    std::string source;
};

enum class PolicyType {
    ExportControl,        ///< US export control by chip thresholds and destination
    DiffusionRule,        ///< AI diffusion rule: tiers, tier-2 caps, leasing restriction
    RemoteAccessControl,  ///< closes the cloud loophole for firms from listed jurisdictions
    StateDcDomesticOnly,  ///< no foreign chips in state-funded DCs of listed jurisdictions
    ImportBlock,          ///< an importing jurisdiction blocks (a share of) chips at customs
    DataLocalisation,     ///< domestic-data training of firms from listed jurisdictions stays home
    SmugglingEnforcement, ///< changes smuggling capacity and seizure risk
};

enum class ExportAction { Deny, Licence, Allow };

/// Chip criterion: every bound that is set must hold (AND). A policy matches a chip when any
/// of its criteria match (OR), or the chip is listed by id.
struct ChipCriterion {
    std::optional<double> tppMin, tppMax, pdMin, pdMax, memBwTbpsMin, memBwTbpsMax,
        interconnectGbpsMin, interconnectGbpsMax;
    std::vector<std::string> chips;   ///< explicit chip ids
    std::vector<std::string> origins; ///< chip origin jurisdictions
};

struct Policy {
    std::string id;
    std::string name;
    PolicyType type = PolicyType::ExportControl;
    SimTime from = 0;
    std::optional<SimTime> until; ///< exclusive
    bool enabled = true;          ///< a toggle for counterfactuals and the GUI
    std::string actor;            ///< "us", "china", "malaysia" (who imposes it)
    std::string description;
    std::string source;

    std::vector<ChipCriterion> match;      ///< which chips (export control, import block, RAC)
    std::vector<std::string> destinations; ///< jurisdictions the rule covers
    std::vector<std::string> operatorHq;   ///< export control: also DCs whose operator is HQ'd here
    std::vector<std::string> overrides;    ///< policy ids this one supersedes while active

    // export_control
    ExportAction action = ExportAction::Deny;
    double approvalRate = 1.0;  ///< licence: share of requested volume that gets licensed
    double revenueShare = 0.0;  ///< share of the sale price remitted to the exporting government
    std::optional<double> capUnitsPerMonth;
    // diffusion_rule
    double tier2CapH100e = 49901; ///< per tier-2 country over the rule's life
    bool restrictLeasing = true;  ///< no leasing to firms HQ'd in tier-3 jurisdictions
    // remote_access_control, data_localisation: firms headquartered in these jurisdictions
    std::vector<std::string> firmHq;
    // import_block
    double shareBlocked = 1.0;
    // smuggling_enforcement
    double capacityFactor = 1.0;
    double seizureProbability = 0.0;

    [[nodiscard]] bool activeAt(SimTime t) const { return enabled && t >= from && (!until || t < *until); }
};

/// A smuggling channel: chips diverted via a transit jurisdiction into a destination.
struct SmugglingRoute {
    std::string id;
    std::vector<std::string> chips;
    std::string via;
    std::string destination;
    Schedule capacityUnitsPerMonth = Schedule::constant(0);
    double pricePremium = 0.5;       ///< +50% over list price
    double seizureProbability = 0.1; ///< base chance a unit is seized
    std::string source;
};

struct CapabilityParams {
    double anchorIndex = 126;          ///< ECI-like index of the anchor model (GPT-4)
    double anchorEffectiveFlop = 2.1e25;
    SimTime algorithmicReference = 0;  ///< date at which algorithmic efficiency = 1 (anchor)
    double pointsPerOom = 11.0;        ///< index points per 10x effective compute
    double algorithmicProgressPerYear = 3.0;
    double frontierPointsPerYear = 15.5; ///< converts an index gap into months
};

struct MarketParams {
    int stepMonths = 1;
    int shipmentLeadDays = 45;
    double leaseHoursPerMonth = 730;
    double revenueSharePassThrough = 1.0; ///< share of a revenue share passed on to buyers
};

struct RunSettings {
    SimTime start = 0;
    SimTime end = 0; ///< exclusive
    std::uint64_t seed = 1;
    int runs = 1;
};

struct Scenario {
    int schema = 1;
    std::string id;   ///< lowercase, from the file name unless given
    std::string name;
    std::string description;
    std::string file;    ///< absolute path of the top file
    std::string extends; ///< base file as written, empty if none
    RunSettings run;
    MarketParams market;
    CapabilityParams capability;
    std::vector<Jurisdiction> jurisdictions;
    std::vector<Chip> chips;
    std::vector<Producer> producers;
    std::vector<DataCentre> dataCentres;
    std::vector<Firm> firms;
    std::vector<Policy> policies;
    std::vector<SmugglingRoute> smuggling;
    std::vector<ParamInfo> params; ///< provenance of every numeric value, in file order

    [[nodiscard]] const Chip* findChip(std::string_view wanted) const;
    [[nodiscard]] const Firm* findFirm(std::string_view wanted) const;
    [[nodiscard]] const Jurisdiction* findJurisdiction(std::string_view wanted) const;
    [[nodiscard]] const Policy* findPolicy(std::string_view wanted) const;
    [[nodiscard]] const DataCentre* findDataCentre(std::string_view wanted) const;
};

/// "firms.deepseek.mfu" -> {"firms", "deepseek", "mfu"}: the parts of a dotted key path
/// (ParamInfo::path, --set keys); empty parts are kept, so callers can reject them.
[[nodiscard]] std::vector<std::string> splitKeyPath(const std::string& path);

[[nodiscard]] const char* toString(PolicyType);
[[nodiscard]] const char* toString(ExportAction);
[[nodiscard]] const char* toString(Confidence);

} // namespace cp::scenario
