// Diagnostics for scenario files. Every problem names the file, line, column (1-based), the
// key path and what was expected against what was found, in the compiler-style form
// `file:line:column: error: key.path: message` that editors and CI logs can jump to.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace cp::scenario {

struct Diagnostic {
    enum class Severity { Error, Warning, Note };
    std::string file;
    int line = 0;   ///< 1-based; 0 = no position (e.g. a missing file)
    int column = 0; ///< 1-based
    std::string keyPath;
    std::string message;
    Severity severity = Severity::Error;

    [[nodiscard]] std::string str() const;
};

/// Thrown by the loader; carries every problem found, not only the first.
class ScenarioError : public std::runtime_error {
public:
    explicit ScenarioError(std::vector<Diagnostic> diagnostics);
    [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return m_diagnostics; }

private:
    std::vector<Diagnostic> m_diagnostics;
};

} // namespace cp::scenario
