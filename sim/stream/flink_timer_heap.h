#pragma once
// The order in which Flink 2.x pops event-time timers that share a timestamp.
//
// With the default (heap, HashMapStateBackend) state backend, InternalTimerServiceImpl's event-time
// queue is what HeapPriorityQueueSetFactory#create returns in Flink 2.3.0 (checked with javap on the
// 2.3.0 jar): ONE HeapPriorityQueueSet over the subtask's whole key-group range - a 1-based binary heap
// plus a dedup set per key group - not the heap-of-heaps KeyGroupPartitionedPriorityQueue (that one
// serves the RocksDB backend). Timers compare by timestamp only, with a strict "less than" in sift-up
// and sift-down, so timers with equal timestamps come out in an order fixed by the sequence of
// adds/removes/polls alone (key groups play no part). This class replays that sequence with the same
// heap moves (our own code, from the behaviour of HeapPriorityQueue: add = append + siftUp; remove at
// i = move the last element to i, then siftDown and, if it did not move, siftUp; poll = remove at 1).
// Checked against the real queue by tests/stream/test_stream_timer_heap.cpp. The stream engine keeps the
// window operator's, the keyed process functions' and Flink SQL's window timers in it (docs/stream.md,
// "Firing order").
#include <cstddef>
#include <cstdint>
#include <map>
#include <vector>

namespace fluxolab::stream {

/// T must have an integral `ts` member and operator< (a total order used only by the dedup set: a timer
/// set twice is one timer, as TimerHeapInternalTimer#equals on timestamp, key and namespace).
/// `Indexed` = false drops the dedup set and the positions: no remove(), and add() must never be given a
/// timer already queued (the caller knows). The heap moves are the same, so the order is the same; it is
/// for the stream engine's dense tumbling windows, which add each timer once and never remove one.
template <class T, bool Indexed = true>
class FlinkTimerHeap {
    template <class, bool> friend class FlinkTimerHeap;

public:
    FlinkTimerHeap() { heap_.push_back(T{}); } // index 0 unused (QUEUE_HEAD_INDEX is 1)
    /// The same queue (the same positions, so the same order from here on) from a queue of another timer
    /// type or indexing, each timer converted.
    template <class U, bool OtherIndexed, class Convert>
    FlinkTimerHeap(const FlinkTimerHeap<U, OtherIndexed>& o, Convert convert) {
        heap_.reserve(o.heap_.size());
        heap_.push_back(T{});
        for (std::size_t i = 1; i < o.heap_.size(); ++i)
            heap_.push_back(convert(o.heap_[i]));
        if constexpr (Indexed)
            for (std::size_t i = 1; i < heap_.size(); ++i)
                index_.emplace(heap_[i], i);
    }

    bool empty() const { return heap_.size() == 1; }
    std::size_t size() const { return heap_.size() - 1; }

    /// The head timer (the queue must not be empty).
    const T& peek() const { return heap_[1]; }

    /// Adds a timer (ignored if present); true if it was added.
    bool add(const T& t) {
        if constexpr (Indexed)
            if (!index_.emplace(t, 0).second) return false;
        heap_.push_back(t);
        siftUp(heap_.size() - 1);
        return true;
    }

    /// Removes a timer if present; true if it was there.
    bool remove(const T& t)
        requires Indexed
    {
        const auto it = index_.find(t);
        if (it == index_.end()) return false;
        const std::size_t i = it->second;
        index_.erase(it);
        removeAt(i);
        return true;
    }

    /// Removes and returns the head timer (the queue must not be empty).
    T poll() {
        T head = heap_[1];
        if constexpr (Indexed) index_.erase(head);
        removeAt(1);
        return head;
    }

private:
    void place(const T& t, std::size_t i) {
        heap_[i] = t;
        if constexpr (Indexed) index_[t] = i;
    }
    void siftUp(std::size_t i) {
        const T cur = heap_[i];
        std::size_t p = i >> 1;
        while (p > 0 && cur.ts < heap_[p].ts) {
            place(heap_[p], i);
            i = p;
            p >>= 1;
        }
        place(cur, i);
    }
    /// Returns the final position of the element that was at i.
    std::size_t siftDown(std::size_t i) {
        const std::size_t n = heap_.size() - 1;
        const T cur = heap_[i];
        std::size_t c = i << 1;
        if (c + 1 <= n && heap_[c + 1].ts < heap_[c].ts) ++c;
        while (c <= n && heap_[c].ts < cur.ts) {
            place(heap_[c], i);
            i = c;
            c = i << 1;
            if (c + 1 <= n && heap_[c + 1].ts < heap_[c].ts) ++c;
        }
        place(cur, i);
        return i;
    }
    /// The removed timer is already out of the dedup index.
    void removeAt(std::size_t i) {
        const std::size_t last = heap_.size() - 1;
        if (i == last) {
            heap_.pop_back();
            return;
        }
        const T moved = heap_[last];
        heap_.pop_back();
        place(moved, i);
        if (siftDown(i) == i) siftUp(i);
    }

    std::vector<T> heap_;            ///< heap_[1..]
    std::map<T, std::size_t> index_; ///< timer -> its position in heap_ (Indexed only)
};

} // namespace fluxolab::stream
