// One simulated world: builds the state from a Scenario, drives it with the event engine
// (monthly market steps, policy switches, shipment arrivals, training runs, releases) and
// records a RunResult. A World is single-use and owns everything it touches, so any number
// run in parallel. Same scenario + seed => bit-identical result.
#pragma once

#include "sim/core/rng.hpp"
#include "sim/core/simulation.hpp"
#include "sim/model/policy_book.hpp"
#include "sim/model/results.hpp"
#include "sim/model/world_index.hpp"
#include "sim/model/world_state.hpp"
#include "sim/network/flow_problem.hpp"

#include <map>
#include <string>
#include <vector>

namespace cp::model {

struct WorldOptions {
    bool recordNetwork = false; ///< per-month network snapshots (the GUI's network view)
    bool recordLog = true;
    bool checkInvariants = true; ///< chip conservation etc. each month; throws on violation
};

/// A broken model invariant (chip conservation, negative stock, decreasing capability).
class InvariantError : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

class World {
public:
    World(const scenario::Scenario& scenario, std::uint64_t seed, WorldOptions options = {});
    World(const World&) = delete;
    World& operator=(const World&) = delete;

    /// Runs from run.start to run.end (exclusive) and returns the result. Call once.
    RunResult run();

    [[nodiscard]] const std::vector<LedgerCounts>& ledger() const { return m_ledger; }

private:
    // Event handlers
    void onMonth(SimTime t);
    void onPolicy(int policy, bool on);
    void onArrival(std::size_t shipment);
    void onRunStart(int firm);
    void onRelease(int firm, int run);
    void onKnownRelease(int firm, std::size_t model);

    // Monthly steps (each in its own file)
    /// Adds a cohort to data centre d, keeping its unit sums.
    void install(std::size_t d, Cohort c);
    void retireChips(SimTime t);
    void produce(SimTime t);
    /// Brings every data centre's installed capacity up to date with its chip cohorts.
    void refreshCapacity();
    void hardwareMarket(SimTime t0, SimTime t1);
    void computeMarket(SimTime t0, SimTime t1);
    void addLeaseArcs();
    void addDemandTranches(net::NodeIndex sink);
    void deliverShipments(SimTime t0);
    void allocateFirmCompute(SimTime t0);
    void refreshSiteMix();
    void train(SimTime t0, SimTime t1);
    void record(std::size_t period, SimTime t0);
    void checkInvariants(SimTime t) const;

    // Helpers
    /// H100e data centre `dc` wants at month `t` (see HardwareScratch::horizons).
    [[nodiscard]] double dcDemandH100e(int dc, SimTime t);
    /// Logs routes that closed or opened this month, once per change.
    void narrateRoutes(SimTime t0);
    /// The stream "smuggling/<route id>", looked up once per run.
    core::RngStream& smugglingRng(std::size_t route);
    [[nodiscard]] double algorithmicMultiplier(SimTime runStart) const;
    [[nodiscard]] double indexFor(double effectiveFlop) const;
    [[nodiscard]] double controlledShare(int dc, const scenario::Policy& p) const;
    /// Whether route `pair` meets rule `p` for the first time; `noted` is by pair * policies +
    /// policy. The same route and rule make the same note, so a repeat need not be built.
    bool firstNote(std::vector<std::uint8_t>& noted, std::size_t pair, const scenario::Policy& p)
    {
        auto& seen = noted[pair * m_s.policies.size() + static_cast<std::size_t>(&p - m_s.policies.data())];
        const bool first = seen == 0;
        seen = 1;
        return first;
    }
    /// Where rule dec.policy closes or caps route `pair` (kind, from -> to, for `chip`; `noted`
    /// is the market's, see firstNote()): notes the block once per route and rule, and, when
    /// the network view is recorded, draws the cut edge from `drawnFrom` every month.
    /// Inline: the markets ask for every route every month, and most are open or noted already.
    void reportBlock(std::vector<std::uint8_t>& noted, std::size_t pair, const RouteDecision& dec, net::RouteKind kind,
                     const std::string& from, const std::string& to, const std::string& chip, const std::string& drawnFrom)
    {
        if (!dec.policy || dec.open >= 1.0)
            return;
        const bool first = firstNote(noted, pair, *dec.policy);
        if (first || m_opt.recordNetwork) // else the same route and rule make the same note: build nothing
            recordBlock(first, dec, kind, from, to, chip, drawnFrom);
    }
    /// reportBlock()'s note (if `first`) and cut edge.
    void recordBlock(bool first, const RouteDecision& dec, net::RouteKind kind, const std::string& from,
                     const std::string& to, const std::string& chip, const std::string& drawnFrom);
    /// Records a (route, rule) block once (by route ends and rule id).
    void noteBlock(net::RouteBlock b);
    void log(SimTime t, LogKind kind, std::string text, std::string firm = {}, std::string policy = {});
    Series& series(const std::string& entity, EntityKind kind, const std::string& metric);
    /// The values of series (entity, metric), created on first use and then cached in `cached`
    /// (a series' values stay put when the list of series grows: only the vector header moves).
    double* column(double*& cached, const std::string& entity, EntityKind kind, const char* metric)
    {
        return cached ? cached : (cached = newColumn(entity, kind, metric));
    }
    double* newColumn(const std::string& entity, EntityKind kind, const char* metric);
    void addNetworkEdge(NetworkEdge e);

    const scenario::Scenario& m_s;
    WorldOptions m_opt;
    core::Simulation m_sim;
    core::RngStreams m_rng;
    PolicyBook m_rules;
    net::FlowProblem m_flow;

    std::vector<std::int64_t> m_inventory; ///< per chip, at producers
    std::vector<LedgerCounts> m_ledger;    ///< per chip
    std::vector<DcState> m_dcs;
    std::vector<FirmState> m_firms;
    std::vector<Shipment> m_shipments;
    std::vector<TrainingRun> m_runs;
    std::vector<std::string> m_chipProducer; ///< producer id per chip (network view)
    struct LineState {
        const scenario::Chip* chip = nullptr; ///< nullptr if the scenario has no such chip
        core::RngStream* yieldRng = nullptr;  ///< "production/<producer>/<chip>", looked up on first use
    };
    std::vector<LineState> m_lines; ///< by production line, producers' lines one after another
    std::vector<double> m_tier2Used; ///< H100e of controlled chips shipped per jurisdiction under the diffusion rule

    // Per-month flow figures for recording, by route index (see WorldIndex)
    std::vector<RouteMonth> m_routeMonth;
    std::vector<std::uint8_t> m_leaseActive; ///< by firm * dcs + dc: leased last month
    std::vector<std::uint8_t> m_routeShipped; ///< by route: had shipments last month
    std::map<std::string, bool> m_blockSeen; ///< keys noteBlock() recorded, unless WorldIndex::blockKeysDistinct

    RunResult m_result;
    std::map<std::pair<std::string, std::string>, std::size_t> m_seriesIndex;
    std::vector<double*> m_recordColumns; ///< cached columns of record()'s fixed metrics
    std::vector<double> m_jurUnits, m_jurH100e; ///< record() scratch, by jurisdiction
    // Lookups resolved once per run instead of once per month (same values, no string work).
    std::vector<std::size_t> m_dcJurisdiction; ///< jurisdiction index of each data centre's location
    std::vector<double> m_chipH100e;           ///< Chip::h100e() by chip
    std::vector<std::uint8_t> m_hwNoted; ///< see firstNote(), by pair(chip, dc)
    WorldIndex m_index;
    std::vector<double*> m_routeColumns; ///< cached columns of record()'s route metrics
    std::vector<core::RngStream*> m_smugglingRng; ///< by smuggling route, see smugglingRng()
    struct ShipEdge {
        net::EdgeIndex edge;
        int chip;
        int dc;
        int route;       ///< smuggling route index, -1 for a legal shipment
        bool controlled; ///< counts against a diffusion-rule tier-2 cap
    };
    /// hardwareMarket() scratch, kept across months so that a month allocates nothing.
    struct HardwareScratch {
        std::vector<net::NodeIndex> supply, dcNode, gates;
        std::vector<double> demand;
        std::vector<double> placeSupply, placeDemand; ///< H100e that could reach a place, and its demand
        std::vector<std::uint8_t> supplyCounted;      ///< by chip * nPlaces: counted in placeSupply
        std::vector<std::uint8_t> controlledChip;
        std::vector<ShipEdge> shipEdges;
        std::vector<std::pair<int, SimTime>> horizons; ///< (months ahead, date) this month's demand looked at
    } m_hw;
    struct LeaseEdge {
        net::EdgeIndex edge; ///< a plain or, at a short site, a convex arc (see addLeaseArcs())
        std::size_t firm, dc;
        double price;
        double open; ///< share of the site's capacity the rules leave open to the firm
    };
    /// computeMarket() scratch, kept across months so that a month allocates nothing.
    struct LeaseScratch {
        std::vector<net::NodeIndex> dcNode, firmNode;
        std::vector<double> budget;   ///< each firm's lease budget this month, USD
        std::vector<double> cheapest; ///< lowest lease price open to each firm
        std::vector<double> demand;   ///< H100e each firm wants to lease this month
        std::vector<LeaseEdge> edges;
        void reset(std::size_t nFirms, std::size_t nDcs)
        {
            dcNode.assign(nDcs, -1);
            firmNode.assign(nFirms, -1);
            budget.assign(nFirms, 0.0);
            cheapest.assign(nFirms, 1e300);
            demand.assign(nFirms, 0.0);
            edges.clear();
        }
    } m_lease;
    std::vector<std::uint8_t> m_leaseNoted; ///< see firstNote(), by firm * dcs + dc
    std::vector<double> m_leaseWanted; ///< addLeaseArcs() scratch
    struct SiteMix {
        std::vector<std::pair<std::size_t, double>> chips; ///< (chip, share of the site's H100e), chips present
        double smuggled = 0, native = 0; ///< shares on smuggled chips and on chips designed where the site is
    };
    std::vector<SiteMix> m_siteMix; ///< by data centre, this month (see refreshSiteMix())
    bool m_negativeCohort = false; ///< some cohort holds negative units (see install())
    std::size_t m_period = 0;
    std::uint32_t m_kMonth = 0, m_kPolicy = 0, m_kArrival = 0, m_kRunStart = 0, m_kRelease = 0, m_kKnownRelease = 0;
};

} // namespace cp::model
