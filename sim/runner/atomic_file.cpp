#include "sim/runner/atomic_file.hpp"

#include <stdexcept>
#include <system_error>

namespace cp::runner {

AtomicFile::AtomicFile(std::filesystem::path path) : m_path(std::move(path)), m_partial(m_path)
{
    m_partial += ".partial";
    m_out.open(m_partial, std::ios::binary | std::ios::trunc);
    if (!m_out)
        throw std::runtime_error("cannot write " + m_partial.string());
}

AtomicFile::~AtomicFile()
{
    if (!m_committed) {
        m_out.close();
        std::error_code ec;
        std::filesystem::remove(m_partial, ec);
    }
}

void AtomicFile::commit()
{
    m_out.flush();
    if (!m_out)
        throw std::runtime_error("write error on " + m_partial.string());
    m_out.close();
    std::error_code ec;
    std::filesystem::rename(m_partial, m_path, ec);
    if (ec)
        throw std::runtime_error("cannot rename " + m_partial.string() + " to " + m_path.string() + ": " + ec.message());
    m_committed = true;
}

} // namespace cp::runner
