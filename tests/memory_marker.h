#pragma once
// A password for tests that look for its copies in the process's own memory: known to the test
// only as its bytes XOR 0x5A (the test's needle is never a copy of it). Header-only (the backend
// and the app tests include it).

#include "labs/common/secret.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <sys/mman.h>
#include <sys/uio.h>
#include <unistd.h>

namespace fluxolab::tests {

/// A random password known to the test only as its bytes XOR 0x5A (so that the test's own needle
/// is never a copy of it), and a scan of the process's own writable memory for it.
class Marker {
public:
    Marker() {
        std::random_device rd;
        const char* alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        for (int i = 0; i < 24; ++i) m_xored.push_back(static_cast<unsigned char>(alphabet[rd() % 57] ^ kKey));
    }
    static constexpr unsigned char kKey = 0x5A;
    std::size_t size() const { return m_xored.size(); }
    /// Writes the password into `out` (the caller wipes it).
    void decode(char* out) const {
        for (std::size_t i = 0; i < m_xored.size(); ++i) out[i] = static_cast<char>(m_xored[i] ^ kKey);
    }
    fluxolab::labs::SecretString secret() const {
        char buf[64];
        decode(buf);
        fluxolab::labs::SecretString s(std::string_view(buf, size()));
        fluxolab::labs::wipeBytes(buf, sizeof buf);
        return s;
    }
    /// How many times the password is in the process's readable anonymous memory (heap, malloc
    /// arenas, thread stacks), as UTF-8/ASCII or UTF-16 (QString) bytes. Read with
    /// process_vm_readv on the process itself: a region unmapped meanwhile is skipped, not a crash,
    /// and it works when the process is not dumpable (/proc/self/mem is root's then).
    std::size_t countInMemory() const {
        constexpr std::size_t kChunk = 1 << 20;
        void* scratch = ::mmap(nullptr, kChunk, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (scratch == MAP_FAILED) std::abort();
        const auto scratchAt = reinterpret_cast<std::uintptr_t>(scratch);
        std::vector<std::pair<std::uintptr_t, std::uintptr_t>> regions;
        {
            std::ifstream maps("/proc/self/maps");
            std::string line;
            while (std::getline(maps, line)) {
                std::uintptr_t from = 0, to = 0;
                char perms[5] = {};
                if (std::sscanf(line.c_str(), "%lx-%lx %4s", &from, &to, perms) != 3) continue;
                const auto slash = line.find('/');
                const auto bracket = line.find('[');
                const bool anonymous = slash == std::string::npos &&
                                       (bracket == std::string::npos || line.compare(bracket, 6, "[heap]") == 0 ||
                                        line.compare(bracket, 6, "[stack") == 0);
                if (perms[0] != 'r' || perms[1] != 'w' || !anonymous || from == scratchAt) continue;
                regions.emplace_back(from, to);
            }
        }
        std::vector<unsigned char> utf16;
        for (unsigned char c : m_xored) {
            utf16.push_back(c);
            utf16.push_back(kKey); // 0 ^ kKey
        }
        std::size_t found = 0;
        auto* buf = static_cast<unsigned char*>(scratch);
        for (const auto& [from, to] : regions) {
            for (std::uintptr_t at = from; at < to;) {
                const std::size_t len = std::min<std::uintptr_t>(kChunk, to - at);
                iovec local{buf, len};
                iovec remote{reinterpret_cast<void*>(at), len};
                const ssize_t got = ::process_vm_readv(::getpid(), &local, 1, &remote, 1, 0);
                if (got > 0) {
                    for (const std::vector<unsigned char>* needle : {&m_xored, static_cast<const std::vector<unsigned char>*>(&utf16)}) {
                        const std::size_t n = needle->size();
                        for (std::size_t i = 0; i + n <= static_cast<std::size_t>(got); ++i) {
                            if ((buf[i] ^ kKey) != (*needle)[0]) continue;
                            std::size_t j = 1;
                            while (j < n && (buf[i + j] ^ kKey) == (*needle)[j]) ++j;
                            if (j == n) {
                                ++found;
                                if (std::getenv("FLUXOLAB_MARKER_DEBUG"))
                                    std::fprintf(stderr, "marker copy at %#lx (region %#lx-%#lx, %s)\n",
                                                 static_cast<unsigned long>(at + i), static_cast<unsigned long>(from),
                                                 static_cast<unsigned long>(to), needle == &m_xored ? "bytes" : "UTF-16");
                            }
                        }
                    }
                }
                // Overlap by the needle's length so that a copy across two chunks is seen.
                at += len > 2 * utf16.size() && at + len < to ? len - 2 * utf16.size() : len;
            }
        }
        fluxolab::labs::wipeBytes(scratch, kChunk);
        ::munmap(scratch, kChunk);
        return found;
    }

private:
    std::vector<unsigned char> m_xored;
};

} // namespace fluxolab::tests
