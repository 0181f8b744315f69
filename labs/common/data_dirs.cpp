#include "labs/common/data_dirs.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#ifndef FLUXOLAB_SOURCE_DIR
#define FLUXOLAB_SOURCE_DIR "."
#endif

namespace fluxolab::labs {

namespace fs = std::filesystem;

namespace {
std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v && *v ? std::string(v) : std::string();
}

bool isDir(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p, ec);
}

std::string sourceTreeDirectory(DataKind kind) {
    const fs::path src(FLUXOLAB_SOURCE_DIR);
    switch (kind) {
    case DataKind::Scenarios:
        return (src / "assets" / "scenarios").string();
    case DataKind::Labs:
        return (src / "labs" / "content").string();
    case DataKind::Traces:
        return (src / "assets" / "traces").string();
    }
    return src.string();
}
} // namespace

const char* dataKindName(DataKind kind) {
    switch (kind) {
    case DataKind::Scenarios:
        return "scenarios";
    case DataKind::Labs:
        return "labs";
    case DataKind::Traces:
        return "traces";
    }
    return "";
}

std::string executableDirectory() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec || exe.empty()) return {};
    return exe.parent_path().string();
}

std::string dataDirectory(DataKind kind) {
    const std::string name = dataKindName(kind);
    if (const std::string root = env("FLUXOLAB_DATA_DIR"); !root.empty())
        return (fs::path(root) / name).string();
    if (kind == DataKind::Labs) {
        if (const std::string dir = env("FLUXOLAB_LABS_DIR"); !dir.empty()) return dir;
    } else if (const std::string assets = env("FLUXOLAB_ASSETS"); !assets.empty()) {
        return (fs::path(assets) / name).string();
    }
    if (const std::string exeDir = executableDirectory(); !exeDir.empty()) {
        const fs::path installed = fs::path(exeDir) / ".." / "share" / "fluxolab" / name;
        if (isDir(installed)) return installed.lexically_normal().string();
    }
    return sourceTreeDirectory(kind);
}

std::string resolveScenarioFile(const std::string& nameOrPath) {
    std::error_code ec;
    if (nameOrPath.empty()) return {};
    if (fs::is_regular_file(nameOrPath, ec)) return nameOrPath;
    // A gallery name ("rebalance-basico") never contains a directory separator.
    if (nameOrPath.find('/') != std::string::npos) return {};
    std::string file = nameOrPath;
    if (file.size() < 5 || file.compare(file.size() - 5, 5, ".json") != 0) file += ".json";
    const fs::path inGallery = fs::path(dataDirectory(DataKind::Scenarios)) / file;
    if (fs::is_regular_file(inGallery, ec)) return inGallery.string();
    return {};
}

} // namespace fluxolab::labs
