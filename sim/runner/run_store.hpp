// Every run's summary numbers, seed and fingerprint, in run order, without holding them all in
// memory: the current block of runs is in memory, earlier blocks are in a temporary file
// (std::tmpfile: no name to clean up, gone when closed or when the process ends). A block is
// stored column by column, so one column over all runs (what an exact percentile needs) reads
// back with one read per block. Batches smaller than a block never touch the disk.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace cp::runner {

class RunStore {
public:
    explicit RunStore(std::size_t columns, std::size_t blockRuns = 512);

    /// Appends one run: `row` holds `columns` numbers. Throws std::runtime_error on a disk error.
    void add(std::span<const double> row, std::uint64_t seed, const std::string& fingerprint);
    [[nodiscard]] std::size_t runs() const { return m_flushedBlocks * m_blockRuns + m_inBlock; }
    [[nodiscard]] std::size_t columns() const { return m_columns; }

    /// Column `c` of every run, in run order.
    [[nodiscard]] std::vector<double> column(std::size_t c) const;
    /// Calls `f(seed, fingerprint)` for every run, in run order.
    void forEachRun(const std::function<void(std::uint64_t, const std::string&)>& f) const;

private:
    void flushBlock();
    void readAt(std::uint64_t offset, void* data, std::size_t bytes) const;
    void read(void* data, std::size_t bytes) const;

    std::size_t m_columns, m_blockRuns;
    // The block being filled, row by row (it grows as runs come, so a small batch holds only
    // its own rows): m_rows[i * m_columns + c] is column c of the block's run i.
    std::vector<double> m_rows;
    std::vector<std::uint64_t> m_seeds;
    std::vector<std::string> m_fingerprints;
    std::size_t m_inBlock = 0;
    // Full blocks on disk, back to back: values (column-major), seeds, then per run the
    // fingerprint's length (32 bits) and bytes. Where each block starts is kept here.
    std::size_t m_flushedBlocks = 0;
    std::vector<std::uint64_t> m_blockOffsets;
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> m_file{nullptr, &std::fclose};
};

} // namespace cp::runner
