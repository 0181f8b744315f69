#pragma once
// A password held in memory: the bytes are overwritten (explicit_bzero, which the compiler may not
// drop) before the memory goes back to the allocator, on destruction, assignment and clear(), and a
// move takes the buffer itself (no copy left behind). No implicit conversion to std::string: every
// copy is a SecretString or is wiped by its holder (wipeSecret). Header-only.
//
// What this does not cover: the copies other libraries make (librdkafka's configuration keeps
// sasl.password for the life of each client and frees it without zeroing; Qt's QString of a
// QLineEdit; QtKeychain's job), swap (mlock is not used), and a debugger of the same user attached
// while a password is held (keepSecretsOutOfCoreDumps refuses ptrace and core dumps).

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

#if defined(__linux__)
#include <sys/prctl.h>
#endif

namespace fluxolab::labs {

/// Overwrites `size` bytes at `p` in a way the optimiser keeps.
inline void wipeBytes(void* p, std::size_t size) {
    if (!p || size == 0) return;
#if defined(__GLIBC__)
    ::explicit_bzero(p, size);
#else
    volatile unsigned char* v = static_cast<volatile unsigned char*>(p);
    while (size--) *v++ = 0;
#endif
}

/// Overwrites a std::string's characters and empties it (for the temporaries a secret passes
/// through: a file read, a parsed line).
inline void wipeSecret(std::string& s) {
    wipeBytes(s.data(), s.capacity());
    s.clear();
}

class SecretString {
public:
    SecretString() = default;
    explicit SecretString(std::string_view s) { assign(s); }
    SecretString(const SecretString& other) { assign(other.view()); }
    SecretString(SecretString&& other) noexcept : m_data(other.m_data), m_size(other.m_size) {
        other.m_data = nullptr;
        other.m_size = 0;
    }
    SecretString& operator=(const SecretString& other) {
        if (this != &other) assign(other.view());
        return *this;
    }
    SecretString& operator=(SecretString&& other) noexcept {
        if (this != &other) {
            wipe();
            m_data = other.m_data;
            m_size = other.m_size;
            other.m_data = nullptr;
            other.m_size = 0;
        }
        return *this;
    }
    ~SecretString() { wipe(); }

    /// Copies `s` (the caller wipes its own copy).
    void assign(std::string_view s) {
        wipe();
        if (s.empty()) return;
        m_data = new char[s.size() + 1];
        std::memcpy(m_data, s.data(), s.size());
        m_data[s.size()] = '\0';
        m_size = s.size();
    }
    void clear() { wipe(); }
    bool empty() const { return m_size == 0; }
    std::size_t size() const { return m_size; }
    /// NUL-terminated, for C APIs (rd_kafka_conf_set); "" when empty.
    const char* c_str() const { return m_data ? m_data : ""; }
    std::string_view view() const { return {c_str(), m_size}; }
    friend bool operator==(const SecretString& a, const SecretString& b) { return a.view() == b.view(); }

private:
    void wipe() {
        if (!m_data) return;
        wipeBytes(m_data, m_size + 1);
        delete[] m_data;
        m_data = nullptr;
        m_size = 0;
    }
    char* m_data = nullptr;
    std::size_t m_size = 0;
};

/// Marks the process non-dumpable (Linux: prctl(PR_SET_DUMPABLE, 0)), as ssh-agent and gpg-agent
/// do: no core dump is written, and processes of the same user cannot ptrace it or read its
/// /proc/PID/mem. Side effects: the process's /proc/PID files belong to root from then on, so its
/// own /proc/self/mem (and other 0600 files there) can be opened only by root; /proc/self/maps,
/// status and fd stay readable. Kept for the rest of the run: copies freed by other libraries
/// without zeroing may stay in the heap after the password is gone. Whether it took effect.
inline bool keepSecretsOutOfCoreDumps() {
#if defined(__linux__)
    return ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0;
#else
    return false;
#endif
}

/// Whether the process may be dumped (Linux: PR_GET_DUMPABLE); true elsewhere.
inline bool processDumpable() {
#if defined(__linux__)
    return ::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0;
#else
    return true;
#endif
}

} // namespace fluxolab::labs
