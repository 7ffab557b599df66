// The mutable state of one run: chips at producers, in transit and installed (in cohorts),
// the chip ledger, firms' compute and training runs. Owned by World; plain data.
#pragma once

#include "sim/core/sim_time.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace cp::scenario {
struct Policy;
}

namespace cp::model {

using core::SimTime;

/// Chips of one kind installed together at one data centre.
struct Cohort {
    int chip = 0;
    std::int64_t units = 0;
    SimTime installed = 0;
    bool smuggled = false;
    double h100e = 0; ///< units x the chip's H100e, set by World::install()
};

struct DcState {
    std::vector<Cohort> cohorts;
    /// The cohorts' units by chip, all and smuggled, kept as cohorts come and go (integers: any
    /// order of summing gives the same figure): the monthly split of a site's compute by chip
    /// and the recorded unit counts read these instead of going over every cohort.
    std::vector<std::int64_t> chipUnits, smuggledUnits;
    double inTransitH100e = 0; ///< ordered, not yet arrived
    double capacityH100e = 0;  ///< installed, refreshed each month
    std::size_t summed = 0;    ///< leading cohorts in capacityH100e; 0 after a retirement
};

/// Every chip is in exactly one of these states; `initial + produced` equals the rest.
struct LedgerCounts {
    std::int64_t initial = 0;
    std::int64_t produced = 0;
    std::int64_t atProducer = 0;
    std::int64_t inTransit = 0;
    std::int64_t installed = 0;
    std::int64_t seized = 0;
    std::int64_t retired = 0;
    [[nodiscard]] bool balanced() const
    {
        return initial + produced == atProducer + inTransit + installed + seized + retired &&
               atProducer >= 0 && inTransit >= 0 && installed >= 0;
    }
};

struct Shipment {
    int chip = 0;
    int dc = 0;
    std::int64_t units = 0;
    SimTime arrival = 0;
    bool smuggled = false;
};

struct TrainingRun {
    int firm = 0;
    std::string name;
    SimTime start = 0;
    int months = 1; ///< pre-training length, fixed when the run starts
    int monthsDone = 0;
    int monthsFinishing = 0;
    double physicalFlop = 0;     ///< pre-training, all sites
    double offshoreFlop = 0;     ///< part of physicalFlop computed abroad
    double domesticDone = 0;     ///< domestic-data (fine-tuning) FLOP done
    double domesticOffshore = 0; ///< part of domesticDone computed abroad
    bool released = false;
};

/// One month's figures of one shipment route (see WorldIndex). The `has` flags stand for "the
/// route has an entry", as the keys of the string-keyed maps this replaced did.
struct RouteMonth {
    double shipped = 0, smuggled = 0, seized = 0; ///< units
    bool hasShipped = false, hasSmuggled = false;
    bool blocked = false, anyOpen = false; ///< some pair of the route closed / open this month
    const scenario::Policy* blockedBy = nullptr; ///< the rule of the first closed pair
};

struct FirmState {
    double homeH100e = 0, offshoreH100e = 0, smuggledH100e = 0, leasedH100e = 0, leasedOffshoreH100e = 0;
    double domesticChipH100e = 0; ///< on chips designed in the firm's home jurisdiction
    double inferenceH100e = 0, trainingHomeH100e = 0, trainingOffshoreH100e = 0;
    double leaseSpendUsd = 0; ///< this month
    double trainingFlopCumulative = 0, offshoreTrainingFlopCumulative = 0;
    double domesticDataFlopOffshoreCumulative = 0;
    double capability = -1; ///< < 0: no model yet
    int modelsReleased = 0;
    int activeRun = -1;
    int runsStarted = 0;
    std::vector<double> byChip;      ///< H100e by chip id index, this month
    std::vector<double> leasedFrom;  ///< H100e leased per data centre, this month
};

} // namespace cp::model
