// A file that appears under its final name only when complete: written to "<name>.partial"
// and renamed on commit(); destroyed without commit, the partial file is removed. So a failed
// or interrupted run never leaves a half-written result that looks complete.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

namespace cp::runner {

class AtomicFile {
public:
    explicit AtomicFile(std::filesystem::path path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    std::ostream& stream() { return m_out; }
    /// Flushes, checks for write errors and renames into place; throws std::runtime_error.
    void commit();

private:
    std::filesystem::path m_path, m_partial;
    std::ofstream m_out;
    bool m_committed = false;
};

} // namespace cp::runner
