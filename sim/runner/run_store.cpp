#include "sim/runner/run_store.hpp"

#include <algorithm>
#include <stdexcept>

namespace cp::runner {

namespace {
[[noreturn]] void fail(const char* what)
{
    throw std::runtime_error(std::string("summary spill file: ") + what);
}
} // namespace

RunStore::RunStore(std::size_t columns, std::size_t blockRuns)
    : m_columns(columns), m_blockRuns(std::max<std::size_t>(1, blockRuns))
{
}

void RunStore::add(std::span<const double> row, std::uint64_t seed, const std::string& fingerprint)
{
    if (row.size() != m_columns)
        throw std::logic_error("RunStore::add: wrong number of columns");
    if (m_inBlock == m_blockRuns)
        flushBlock();
    m_rows.insert(m_rows.end(), row.begin(), row.end());
    m_seeds.push_back(seed);
    m_fingerprints.push_back(fingerprint);
    ++m_inBlock;
}

void RunStore::flushBlock()
{
    if (!m_file) {
        m_file.reset(std::tmpfile());
        if (!m_file)
            fail("cannot create a temporary file");
    }
    std::FILE* f = m_file.get();
    // Reads may have moved the position; blocks are only ever appended.
    if (std::fseek(f, 0, SEEK_END) != 0)
        fail("seek failed");
    m_blockOffsets.push_back(static_cast<std::uint64_t>(std::ftell(f)));
    // On disk column by column, so reading one column is one read per block.
    std::vector<double> columns(m_rows.size());
    for (std::size_t i = 0; i < m_blockRuns; ++i)
        for (std::size_t c = 0; c < m_columns; ++c)
            columns[c * m_blockRuns + i] = m_rows[i * m_columns + c];
    bool ok = std::fwrite(columns.data(), sizeof(double), columns.size(), f) == columns.size() &&
              std::fwrite(m_seeds.data(), sizeof(std::uint64_t), m_seeds.size(), f) == m_seeds.size();
    for (const auto& fp : m_fingerprints) {
        const auto n = static_cast<std::uint32_t>(fp.size());
        ok = ok && std::fwrite(&n, sizeof n, 1, f) == 1 && std::fwrite(fp.data(), 1, fp.size(), f) == fp.size();
    }
    if (!ok)
        fail("write failed (disk full?)");
    ++m_flushedBlocks;
    m_inBlock = 0;
    m_rows.clear();
    m_seeds.clear();
    m_fingerprints.clear();
}

void RunStore::readAt(std::uint64_t offset, void* data, std::size_t bytes) const
{
    if (std::fseek(m_file.get(), static_cast<long>(offset), SEEK_SET) != 0)
        fail("seek failed");
    read(data, bytes);
}

void RunStore::read(void* data, std::size_t bytes) const
{
    if (bytes > 0 && std::fread(data, 1, bytes, m_file.get()) != bytes)
        fail("read failed");
}

std::vector<double> RunStore::column(std::size_t c) const
{
    std::vector<double> out(runs());
    const std::size_t blockBytes = m_blockRuns * sizeof(double);
    for (std::size_t b = 0; b < m_flushedBlocks; ++b)
        readAt(m_blockOffsets[b] + c * blockBytes, out.data() + b * m_blockRuns, blockBytes);
    for (std::size_t i = 0; i < m_inBlock; ++i)
        out[m_flushedBlocks * m_blockRuns + i] = m_rows[i * m_columns + c];
    return out;
}

void RunStore::forEachRun(const std::function<void(std::uint64_t, const std::string&)>& f) const
{
    std::vector<std::uint64_t> seeds(m_blockRuns);
    std::string fp;
    for (std::size_t b = 0; b < m_flushedBlocks; ++b) {
        readAt(m_blockOffsets[b] + m_columns * m_blockRuns * sizeof(double), seeds.data(),
               seeds.size() * sizeof(std::uint64_t));
        for (std::size_t i = 0; i < m_blockRuns; ++i) {
            std::uint32_t n = 0;
            read(&n, sizeof n);
            fp.resize(n);
            read(fp.data(), n);
            f(seeds[i], fp);
        }
    }
    for (std::size_t i = 0; i < m_inBlock; ++i)
        f(m_seeds[i], m_fingerprints[i]);
}

} // namespace cp::runner
