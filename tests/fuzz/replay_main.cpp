// A main() for the libFuzzer harnesses without libFuzzer: replays every input file once through
// LLVMFuzzerTestOneInput. The ASan + UBSan build (FLUXOLAB_SANITIZE, GCC) links each harness with it
// so that `./fluxolab.sh test --sanitize` replays the seeds and the regression corpus of every
// harness under the sanitizers without a Clang build of its own; fuzzing (mutating) needs the Clang
// build of FLUXOLAB_FUZZ (./fluxolab.sh fuzz, docs/fuzzing.md).
//
// Takes the command line run_fuzzer.sh gives libFuzzer: options (starting with '-') are ignored,
// every other argument is a file or a directory of files (not recursive), replayed in name order.
// A crash, a sanitizer report or a failed invariant of the harness aborts with its report; a file
// that cannot be read fails the run.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

bool replay(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "replay: cannot read %s\n", file.c_str());
        return false;
    }
    const std::vector<char> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    // A copy of exactly `size` bytes on the heap, as libFuzzer hands them: ASan sees a read past the end.
    std::vector<std::uint8_t> input(bytes.begin(), bytes.end());
    LLVMFuzzerTestOneInput(input.empty() ? nullptr : input.data(), input.size());
    return true;
}

} // namespace

int main(int argc, char** argv) {
    std::size_t replayed = 0;
    bool ok = true;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.starts_with('-')) continue;
        std::error_code ec;
        if (std::filesystem::is_directory(arg, ec)) {
            std::vector<std::filesystem::path> files;
            for (const auto& entry : std::filesystem::directory_iterator(arg, ec))
                if (entry.is_regular_file()) files.push_back(entry.path());
            std::sort(files.begin(), files.end());
            for (const auto& f : files) {
                ok = replay(f) && ok;
                ++replayed;
            }
        } else {
            ok = replay(arg) && ok;
            ++replayed;
        }
    }
    std::fprintf(stderr, "replay: %zu input(s) replayed%s\n", replayed, ok ? "" : ", some unreadable");
    return ok ? 0 : 1;
}
