// A small valid scenario used as the starting point of loader tests.
#pragma once

#include <string>

namespace cp::test {

inline const std::string kMinimalScenario = R"(schema: 1
id: mini
run: {start: 2024-01-01, end: 2025-01-01, seed: 7}
jurisdictions:
  - {id: us, diffusion_tier: 1}
  - {id: china, diffusion_tier: 3}
chips:
  - {id: h100, origin: us, bf16_tflops: 989.4, die_mm2: 814, price_usd: 30000}
producers:
  - id: nvidia
    jurisdiction: us
    lines:
      - {chip: h100, units_per_month: 1000}
data_centres:
  - {id: lab-dc, operator_hq: us, location: us, owner: lab, power_mw: 10}
firms:
  - id: lab
    hq: us
    mfu: {value: 0.4, source: "test", dist: {uniform: [0.3, 0.5]}}
policies:
  - id: ctrl
    type: export_control
    from: 2024-06-01
    destinations: [china]
    match: [{tpp_min: 4800}]
    action: deny
)";

} // namespace cp::test
