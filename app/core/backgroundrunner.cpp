#include "app/core/backgroundrunner.h"

namespace fluxolab::app {

BackgroundRunner::~BackgroundRunner() {
    {
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [this] { return !m_running; });
        m_stop = true;
    }
    m_cv.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

void BackgroundRunner::start(std::function<void()> job) {
    std::unique_lock lock(m_mutex);
    m_cv.wait(lock, [this] { return !m_running; });
    if (!m_thread.joinable()) m_thread = std::thread([this] { loop(); });
    m_job = std::move(job);
    m_running = true;
    m_unclaimed = true;
    lock.unlock();
    m_cv.notify_all();
}

bool BackgroundRunner::wait() {
    std::unique_lock lock(m_mutex);
    m_cv.wait(lock, [this] { return !m_running; });
    const bool had = m_unclaimed;
    m_unclaimed = false;
    return had;
}

bool BackgroundRunner::busy() const {
    std::lock_guard lock(m_mutex);
    return m_running;
}

void BackgroundRunner::loop() {
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(m_mutex);
            m_cv.wait(lock, [this] { return m_stop || (m_running && m_job); });
            if (m_stop) return;
            job = std::move(m_job);
            m_job = nullptr;
        }
        job();
        {
            std::lock_guard lock(m_mutex);
            m_running = false;
        }
        m_cv.notify_all();
    }
}

} // namespace fluxolab::app
