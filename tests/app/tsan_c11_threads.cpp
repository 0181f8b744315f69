// ThreadSanitizer build only (FLUXOLAB_TSAN): glibc's C11 threads (thrd_create, used by Debian's
// librdkafka for its broker threads) start threads without pthread_create's interceptor, so GCC 12's
// TSan runtime never sets up those threads and crashes on their first intercepted call (realloc in
// getaddrinfo: SIGSEGV in SizeClassAllocator64LocalCache::Allocate on an "rdk:broker" thread). These
// definitions in the test executable take the place of glibc's for librdkafka and go through
// pthread_create/pthread_join/pthread_detach, which TSan intercepts. Same ABI as glibc (thrd_t is
// pthread_t; thrd_success 0, thrd_error 2, thrd_nomem 3); a thread's int result travels as its
// pthread exit value, as glibc's own thrd_exit does.
#include <pthread.h>

#include <cerrno>
#include <cstdint>
#include <new>

namespace {

using Start = int (*)(void*);

struct Launch {
    Start start;
    void* arg;
};

void* run(void* p) {
    const Launch launch = *static_cast<Launch*>(p);
    delete static_cast<Launch*>(p);
    return reinterpret_cast<void*>(static_cast<std::intptr_t>(launch.start(launch.arg)));
}

constexpr int kSuccess = 0, kError = 2, kNoMem = 3;

} // namespace

extern "C" {

int thrd_create(pthread_t* thread, Start start, void* arg) {
    auto* launch = new (std::nothrow) Launch{start, arg};
    if (!launch) return kNoMem;
    const int rc = pthread_create(thread, nullptr, run, launch);
    if (rc == 0) return kSuccess;
    delete launch;
    return rc == EAGAIN ? kNoMem : kError;
}

int thrd_join(pthread_t thread, int* result) {
    void* value = nullptr;
    if (pthread_join(thread, &value) != 0) return kError;
    if (result) *result = static_cast<int>(reinterpret_cast<std::intptr_t>(value));
    return kSuccess;
}

int thrd_detach(pthread_t thread) { return pthread_detach(thread) == 0 ? kSuccess : kError; }

} // extern "C"
