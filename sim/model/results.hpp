// What one run produces, as plain values that cross threads and front-ends unchanged: dense
// monthly series per (entity, metric), a plain-language event log, per-month network
// snapshots (when asked for) and the run fingerprint. Writers and charts read only this.
#pragma once

#include "sim/core/sim_time.hpp"
#include "sim/network/route_block.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace cp::model {

using core::SimTime;

enum class EntityKind { Firm, Jurisdiction, Route, Chip, DataCentre, Global };

struct Series {
    std::string entity; ///< "alibaba", "china", "china/h20", "h100"
    EntityKind kind = EntityKind::Firm;
    std::string metric; ///< "capability_index", "shipments_units", ...
    std::vector<double> values; ///< one per period
};

enum class LogKind { Policy, Shipment, Blocked, Lease, Seizure, RunStarted, ModelReleased, Note };

struct LogEntry {
    SimTime time = 0;
    LogKind kind = LogKind::Note;
    std::string firm;   ///< firm concerned, empty if none
    std::string policy; ///< policy concerned, empty if none
    std::string text;   ///< one plain-language sentence
};

/// One edge of the supply/lease network in one month, for the network view.
struct NetworkEdge {
    std::string from, to; ///< node ids: producer, jurisdiction, data centre, firm
    std::string chip;     ///< empty for lease edges
    net::RouteKind kind = net::RouteKind::Hardware;
    double flowH100e = 0; ///< hardware: H100e shipped this month; lease: H100e leased
    bool blocked = false; ///< closed by a rule (flow is then 0)
    bool capped = false;  ///< open, but limited by a rule
    std::string policyId;
    std::string reason;
    SimTime since = 0;
};

struct NetworkNode {
    std::string id, label;
    enum class Kind { Producer, Jurisdiction, DataCentre, Firm } kind = Kind::Producer;
    std::string jurisdiction; ///< where it sits (producers: HQ)
};

struct NetworkSnapshot {
    SimTime date = 0;
    std::vector<NetworkEdge> edges;
};

struct ModelReleaseRecord {
    std::string firm, name;
    SimTime start = 0, release = 0;
    double physicalFlop = 0, effectiveFlop = 0, index = 0;
    double offshoreShare = 0; ///< share of its physical FLOP computed abroad
};

struct RunResult {
    std::string scenarioId;
    std::uint64_t seed = 0;
    std::vector<SimTime> periods; ///< month starts
    std::vector<Series> series;
    std::vector<LogEntry> log;
    std::vector<ModelReleaseRecord> releases;
    std::vector<NetworkNode> networkNodes;
    std::vector<NetworkSnapshot> network; ///< empty unless requested
    std::vector<net::RouteBlock> blockedRoutes; ///< every distinct (route, rule) ever blocking
    std::uint64_t eventsProcessed = 0;
    std::string fingerprint; ///< 16 hex digits over events and final results

    [[nodiscard]] const Series* find(std::string_view entity, std::string_view metric) const;
};

} // namespace cp::model
