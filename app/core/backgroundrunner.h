#pragma once
// One worker thread that runs one job at a time. The simulation library has no threads; the app
// uses this to simulate the next slice of playback while the UI thread paints the current one
// (two cores: the simulation at 64x and the painting each fit in a frame, not both together).

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace fluxolab::app {

class BackgroundRunner {
public:
    BackgroundRunner() = default;
    BackgroundRunner(const BackgroundRunner&) = delete;
    BackgroundRunner& operator=(const BackgroundRunner&) = delete;
    ~BackgroundRunner();

    /// Starts `job` on the worker thread. Waits for a previous job first.
    void start(std::function<void()> job);
    /// Blocks until no job is running. Returns true if a job had been started since the last wait().
    bool wait();
    bool busy() const;

private:
    void loop();

    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::function<void()> m_job;
    bool m_running = false;   ///< a job was handed over and has not finished
    bool m_unclaimed = false; ///< a job finished (or runs) that wait() has not reported yet
    bool m_stop = false;
};

} // namespace fluxolab::app
