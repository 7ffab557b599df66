// Why a route is closed or capped: the answer to "why can't ByteDance use Malaysian H100s in
// June 2025?". Produced by the model's policy book for every cut or capped market edge.
#pragma once

#include "sim/core/sim_time.hpp"

#include <string>

namespace cp::net {

enum class RouteKind { Hardware, Lease, Smuggling };

struct RouteBlock {
    RouteKind kind = RouteKind::Hardware;
    std::string from;     ///< chip id (hardware) or data-centre id (lease)
    std::string to;       ///< data-centre id (hardware) or firm id (lease)
    std::string chip;     ///< chip concerned, if one
    std::string policyId; ///< the rule that cuts or caps it
    std::string policyName;
    core::SimTime since = 0;
    double openShare = 0; ///< 0 = closed; (0,1) = capped to this share
    std::string reason;   ///< plain language
};

} // namespace cp::net
