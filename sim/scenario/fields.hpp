// The scalar numeric fields of each scenario object, with their YAML key, unit and valid
// range. The loader reads them from these tables and `setNumericParam` (Monte Carlo draws,
// GUI sliders) writes them through the same tables, so a key path means the same field
// everywhere and ranges are checked in one place.
#pragma once

#include "sim/scenario/reader.hpp"
#include "sim/scenario/scenario_spec.hpp"

#include <optional>
#include <span>

namespace cp::scenario::fields {

template <class T>
struct NumberField {
    const char* key;
    double T::*member;
    NumberSpec spec;
};

inline constexpr double kInf = 1e300;

inline const NumberField<CapabilityParams> kCapability[] = {
    {"anchor_index", &CapabilityParams::anchorIndex, {"index points", 0, 1000}},
    {"anchor_effective_flop", &CapabilityParams::anchorEffectiveFlop, {"FLOP", 1e15, 1e35}},
    {"points_per_oom", &CapabilityParams::pointsPerOom, {"index points per 10x", 0.1, 100}},
    {"algorithmic_progress_per_year", &CapabilityParams::algorithmicProgressPerYear, {"x per year", 1, 100}},
    {"frontier_points_per_year", &CapabilityParams::frontierPointsPerYear, {"index points per year", 0.1, 200}},
};

inline const NumberField<MarketParams> kMarket[] = {
    {"lease_hours_per_month", &MarketParams::leaseHoursPerMonth, {"hours", 1, 744}},
    {"revenue_share_pass_through", &MarketParams::revenueSharePassThrough, {"share", 0, 1}},
};

inline const NumberField<Chip> kChip[] = {
    {"bf16_tflops", &Chip::bf16Tflops, {"TFLOP/s", 0, 1e6}},
    {"fp8_tflops", &Chip::fp8Tflops, {"TFLOP/s", 0, 1e6}},
    {"fp4_tflops", &Chip::fp4Tflops, {"TFLOP/s", 0, 1e6}},
    {"mem_bw_tbps", &Chip::memBwTbps, {"TB/s", 0, 1000}},
    {"interconnect_gbps", &Chip::interconnectGbps, {"GB/s", 0, 1e6}},
    {"hbm_gb", &Chip::hbmGb, {"GB", 0, 1e5}},
    {"tdp_w", &Chip::tdpW, {"W", 0, 1e5}},
    {"die_mm2", &Chip::dieMm2, {"mm^2", 0, 1e5}},
    {"software_efficiency", &Chip::softwareEfficiency, {"share", 0.01, 2}},
};

inline const NumberField<ProductionLine> kProductionLine[] = {
    {"yield_sd", &ProductionLine::yieldSd, {"share", 0, 1}},
    {"dies_per_chip", &ProductionLine::diesPerChip, {"dies", 0.01, 64}},
    {"stacks_per_chip", &ProductionLine::stacksPerChip, {"HBM stacks", 0.01, 64}},
};

inline const NumberField<DataCentre> kDataCentre[] = {
    {"h100e_per_mw", &DataCentre::h100ePerMw, {"H100e per MW", 1, 1e5}},
    {"chip_life_years", &DataCentre::chipLifeYears, {"years", 0.5, 30}},
};

inline const NumberField<Firm> kFirm[] = {
    {"domestic_data_share", &Firm::domesticDataShare, {"share", 0, 1}},
    {"algorithmic_efficiency", &Firm::algorithmicEfficiency, {"x", 0.01, 100}},
    {"mfu", &Firm::mfu, {"share", 0.01, 1}},
    {"frontier_run_share", &Firm::frontierRunShare, {"share", 0, 1}},
    {"multi_site_penalty", &Firm::multiSitePenalty, {"share", 0, 1}},
};

inline const NumberField<Firm> kFirmStrategy[] = {
    {"stockpile_months", &Firm::stockpileMonths, {"months", 0, 60}},
};

inline const NumberField<Policy> kPolicy[] = {
    {"approval_rate", &Policy::approvalRate, {"share", 0, 1}},
    {"revenue_share", &Policy::revenueShare, {"share", 0, 1}},
    {"tier2_cap_h100e", &Policy::tier2CapH100e, {"H100e", 0, 1e9}},
    {"share_blocked", &Policy::shareBlocked, {"share", 0, 1}},
    {"capacity_factor", &Policy::capacityFactor, {"x", 0, 100}},
    {"seizure_probability", &Policy::seizureProbability, {"probability", 0, 1}},
};

inline const NumberField<SmugglingRoute> kSmuggling[] = {
    {"price_premium", &SmugglingRoute::pricePremium, {"share of list price", 0, 100}},
    {"seizure_probability", &SmugglingRoute::seizureProbability, {"probability", 0, 1}},
};

/// A numeric key that may be left out (absent = no limit). Monte Carlo draws and the GUI set
/// it through this table like any other number, so a `dist:` on it works in a batch.
template <class T>
struct OptionalNumberField {
    const char* key;
    std::optional<double> T::*member;
    NumberSpec spec;
};

inline const OptionalNumberField<Policy> kPolicyOptional[] = {
    {"cap_units_per_month", &Policy::capUnitsPerMonth, {"units per month", 0, 1e9}},
};

template <class T>
void readNumbers(ObjReader& r, T& obj, std::span<const NumberField<T>> table)
{
    for (const auto& f : table)
        r.number(f.key, obj.*(f.member), f.spec);
}

template <class T>
void readNumbers(ObjReader& r, T& obj, std::span<const OptionalNumberField<T>> table)
{
    for (const auto& f : table)
        r.optionalNumber(f.key, obj.*(f.member), f.spec);
}

} // namespace cp::scenario::fields
