// Listing order is not a model input: scarce chips (and leases) must not go to whichever data
// centre or firm the file names first. Reversing the lists may move results only by the
// granularity of the markets' demand tranches, not by starving a site.
#include "scenario_fixture.hpp"

#include <algorithm>
#include <cmath>

using namespace cp;

namespace {
double valueAt(const model::RunResult& r, const std::string& entity, const std::string& metric)
{
    return test::at(r, entity, metric, "2027-12-01");
}
} // namespace

TEST(FileOrder, ReversedDataCentresAndFirmsShareScarceChipsAlike)
{
    for (const char* name : {"baseline", "huawei-fast-ramp"}) {
        const auto s = test::bundled(name);
        auto reversed = s;
        std::reverse(reversed.dataCentres.begin(), reversed.dataCentres.end());
        std::reverse(reversed.firms.begin(), reversed.firms.end());
        const auto a = runner::runScenario(s, 42, {});
        const auto b = runner::runScenario(reversed, 42, {});
        for (const auto& dc : s.dataCentres) {
            const double x = valueAt(a, dc.id, "capacity_h100e"), y = valueAt(b, dc.id, "capacity_h100e");
            EXPECT_LE(std::fabs(x - y), 0.05 * std::max(x, y) + 1.0) << name << ": " << dc.id << " " << x << " vs " << y;
        }
        for (const auto& firm : s.firms) {
            const double x = valueAt(a, firm.id, "capability_index"), y = valueAt(b, firm.id, "capability_index");
            EXPECT_NEAR(x, y, 0.3) << name << ": " << firm.id;
            // Where a firm trains (a scarce cheap site shared between lessees) must not flip either.
            EXPECT_NEAR(valueAt(a, firm.id, "offshore_training_share"), valueAt(b, firm.id, "offshore_training_share"), 0.05)
                << name << ": " << firm.id;
            const double sa = test::sum(a, firm.id, "lease_spend_usd", "2022-01-01", "2027-12-01");
            const double sb = test::sum(b, firm.id, "lease_spend_usd", "2022-01-01", "2027-12-01");
            EXPECT_LE(std::fabs(sa - sb), 0.05 * std::max(sa, sb) + 1.0) << name << ": " << firm.id << " lease spend";
        }
    }
}
