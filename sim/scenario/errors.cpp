#include "sim/scenario/errors.hpp"

namespace cp::scenario {

std::string Diagnostic::str() const
{
    std::string out;
    out.reserve(file.size() + keyPath.size() + message.size() + 32);
    out.append(file.empty() ? "<scenario>" : file);
    if (line > 0) {
        out.append(":").append(std::to_string(line));
        out.append(":").append(std::to_string(column));
    }
    out.append(severity == Severity::Error ? ": error: " : severity == Severity::Warning ? ": warning: " : ": note: ");
    if (!keyPath.empty())
        out.append(keyPath).append(": ");
    out.append(message);
    return out;
}

namespace {
std::string joinDiagnostics(const std::vector<Diagnostic>& ds)
{
    std::string out;
    for (const auto& d : ds) {
        if (!out.empty())
            out += '\n';
        out += d.str();
    }
    return out.empty() ? std::string("invalid scenario") : out;
}
} // namespace

ScenarioError::ScenarioError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(joinDiagnostics(diagnostics)), m_diagnostics(std::move(diagnostics))
{
}

} // namespace cp::scenario
