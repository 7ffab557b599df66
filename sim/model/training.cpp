// Training runs: a firm starts a frontier run on a cadence; each month the run turns the
// firm's training compute into physical FLOP (H100e x 989.4 TFLOP/s x MFU x seconds, with a
// penalty when it spans home and offshore sites). The share that needs domestic personal data
// is done after pre-training, at home only while data localisation covers the firm; the run
// waits for it. Release: effective FLOP = physical x algorithmic multiplier of the start date.
#include "sim/model/world.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cp::model {

namespace {
constexpr int kMaxFinishingMonths = 12;

std::string sci(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2g", v);
    return buf;
}
} // namespace

void World::onRunStart(int f)
{
    const auto& firm = m_s.firms[static_cast<std::size_t>(f)];
    auto& fs = m_firms[static_cast<std::size_t>(f)];
    const SimTime now = m_sim.now();
    if (fs.activeRun >= 0) {
        // Still busy with the previous run: try again next month.
        const SimTime next = core::addMonths(now, 1);
        if (next < m_s.run.end)
            m_sim.scheduleAt(next, m_kRunStart, static_cast<std::uint32_t>(f), 0, 2);
        return;
    }
    TrainingRun run;
    run.firm = f;
    run.start = now;
    run.name = firm.name + " " + core::formatDate(now).substr(0, 7);
    run.months = firm.runMonthsAt(now);
    m_runs.push_back(run);
    fs.activeRun = static_cast<int>(m_runs.size() - 1);
    ++fs.runsStarted;
    if (m_opt.recordLog)
        log(now, LogKind::RunStarted, firm.name + " starts a frontier training run (" + std::to_string(run.months) + " months)",
            firm.id);
    const SimTime next = core::addMonths(now, std::max(1, firm.cadenceMonths));
    if (next < m_s.run.end)
        m_sim.scheduleAt(next, m_kRunStart, static_cast<std::uint32_t>(f), 0, 2);
}

void World::train(SimTime t0, SimTime t1)
{
    const double seconds = static_cast<double>(t1 - t0);
    for (std::size_t f = 0; f < m_firms.size(); ++f) {
        auto& fs = m_firms[f];
        if (fs.activeRun < 0)
            continue;
        const auto& firm = m_s.firms[f];
        TrainingRun& run = m_runs[static_cast<std::size_t>(fs.activeRun)];
        const double perH100e = scenario::kH100FlopPerSecond * firm.mfu * seconds * firm.frontierRunShare;
        const double home = fs.trainingHomeH100e * perH100e;
        const double off = fs.trainingOffshoreH100e * perH100e;
        const bool localised = m_rules.localisation(firm, t0) != nullptr;
        if (run.monthsDone < run.months) {
            // The larger site carries the run; the other joins at a multi-site efficiency.
            const bool offMain = off > home;
            const double penalty = firm.multiSitePenalty;
            const double homePart = offMain ? home * penalty : home;
            const double offPart = offMain ? off : off * penalty;
            run.physicalFlop += homePart + offPart;
            run.offshoreFlop += offPart;
            fs.trainingFlopCumulative += homePart + offPart;
            fs.offshoreTrainingFlopCumulative += offPart;
            ++run.monthsDone;
        } else {
            // Without localisation the work spreads over all sites like any other; with it,
            // only home compute may touch the data, so a firm short of home compute waits.
            const double need = std::max(0.0, firm.domesticDataShare * run.physicalFlop - run.domesticDone);
            const double offShare = localised || home + off <= 0 ? 0.0 : off / (home + off);
            const double fromOff = std::min(need * offShare, off);
            // Fine-tuning is short and takes priority: at home it may borrow the capacity
            // serving inference, so a firm whose home fleet is busy serving still finishes.
            const double homeFinish = std::max(home, fs.homeH100e * perH100e);
            const double fromHome = std::min(need - fromOff, homeFinish);
            run.domesticDone += fromHome + fromOff;
            run.domesticOffshore += fromOff;
            fs.domesticDataFlopOffshoreCumulative += fromOff;
            fs.trainingFlopCumulative += fromHome + fromOff;
            fs.offshoreTrainingFlopCumulative += fromOff;
            ++run.monthsFinishing;
        }
        const double remaining = firm.domesticDataShare * run.physicalFlop - run.domesticDone;
        const bool pretrained = run.monthsDone >= run.months;
        // A run releases once its domestic-data share is done, or after waiting a year for it.
        if (pretrained && !run.released && (remaining <= run.physicalFlop * 1e-9 || run.monthsFinishing >= kMaxFinishingMonths)) {
            run.released = true;
            m_sim.scheduleAt(t1, m_kRelease, static_cast<std::uint32_t>(f), static_cast<std::uint64_t>(fs.activeRun), 1);
        }
    }
}

void World::onRelease(int f, int r)
{
    const auto& firm = m_s.firms[static_cast<std::size_t>(f)];
    auto& fs = m_firms[static_cast<std::size_t>(f)];
    const TrainingRun& run = m_runs[static_cast<std::size_t>(r)];
    const double physical = run.physicalFlop + run.domesticDone;
    const double eff = physical * algorithmicMultiplier(run.start) * firm.algorithmicEfficiency;
    const double index = indexFor(eff);
    const double offShare = physical > 0 ? (run.offshoreFlop + run.domesticOffshore) / physical : 0.0;
    m_result.releases.push_back({firm.id, run.name, run.start, m_sim.now(), physical, eff, index, offShare});
    fs.activeRun = -1;
    ++fs.modelsReleased;
    if (index > fs.capability)
        fs.capability = index;
    if (!m_opt.recordLog)
        return;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f", index);
    log(m_sim.now(), LogKind::ModelReleased,
        firm.name + " releases " + run.name + ": index " + buf + " (" + sci(physical) + " FLOP, " +
            std::to_string(static_cast<int>(std::lround(offShare * 100))) + "% computed offshore)",
        firm.id);
}

void World::onKnownRelease(int f, std::size_t m)
{
    const auto& firm = m_s.firms[static_cast<std::size_t>(f)];
    auto& fs = m_firms[static_cast<std::size_t>(f)];
    const auto& pm = firm.priorModels[m];
    const SimTime runStart = core::addMonths(pm.date, -firm.runMonthsAt(pm.date));
    const double eff = pm.trainingFlop * algorithmicMultiplier(runStart) * firm.algorithmicEfficiency;
    const double index = indexFor(eff);
    m_result.releases.push_back({firm.id, pm.name, runStart, pm.date, pm.trainingFlop, eff, index, 0.0});
    ++fs.modelsReleased;
    fs.capability = std::max(fs.capability, index);
    if (!m_opt.recordLog)
        return;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f", index);
    log(pm.date, LogKind::ModelReleased, firm.name + " releases " + pm.name + " (known model): index " + buf + " (" + sci(pm.trainingFlop) + " FLOP)", firm.id);
}

} // namespace cp::model
