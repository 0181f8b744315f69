// Runtime lookup of the bundled data (labs/common/data_dirs.h): override, installed layout, source tree.
#include "labs/cli/cli_commands.h"
#include "labs/common/data_dirs.h"
#include "labs/lab_engine/lab_engine.h"

#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>

namespace fs = std::filesystem;
using namespace fluxolab::labs;

namespace {
/// Sets (or unsets, with nullptr) an environment variable for the scope, restoring it afterwards.
class EnvVar {
public:
    EnvVar(const char* name, const char* value) : m_name(name) {
        if (const char* old = std::getenv(name)) m_old = old;
        if (value)
            ::setenv(name, value, 1);
        else
            ::unsetenv(name);
    }
    ~EnvVar() {
        if (m_old)
            ::setenv(m_name, m_old->c_str(), 1);
        else
            ::unsetenv(m_name);
    }
    EnvVar(const EnvVar&) = delete;
    EnvVar& operator=(const EnvVar&) = delete;

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

struct NoOverrides {
    EnvVar data{"FLUXOLAB_DATA_DIR", nullptr};
    EnvVar assets{"FLUXOLAB_ASSETS", nullptr};
    EnvVar labs{"FLUXOLAB_LABS_DIR", nullptr};
};
} // namespace

TEST_SUITE("labs/data-dirs") {
    TEST_CASE("without overrides the build tree finds the source tree's data") {
        NoOverrides none;
        CHECK(dataDirectory(DataKind::Scenarios) == std::string(FLUXOLAB_SOURCE_DIR) + "/assets/scenarios");
        CHECK(dataDirectory(DataKind::Labs) == std::string(FLUXOLAB_SOURCE_DIR) + "/labs/content");
        CHECK(defaultLabDirectory() == dataDirectory(DataKind::Labs));
        CHECK(resolveScenarioFile("rebalance-basico") ==
              std::string(FLUXOLAB_SOURCE_DIR) + "/assets/scenarios/rebalance-basico.json");
        CHECK(resolveScenarioFile("rebalance-basico.json") == resolveScenarioFile("rebalance-basico"));
        CHECK(resolveScenarioFile("nao-existe").empty());
        CHECK(resolveScenarioFile("../scenarios/rebalance-basico").empty());
        CHECK(!executableDirectory().empty());
    }

    TEST_CASE("FLUXOLAB_DATA_DIR overrides every kind - with the installed folder names") {
        NoOverrides none;
        const fs::path root = fs::temp_directory_path() / "fluxolab-data-dirs-test";
        fs::remove_all(root);
        fs::create_directories(root / "scenarios");
        fs::copy_file(fs::path(FLUXOLAB_SOURCE_DIR) / "assets/scenarios/retencao.json",
                      root / "scenarios/so-este.json");
        EnvVar data("FLUXOLAB_DATA_DIR", root.c_str());
        CHECK(dataDirectory(DataKind::Scenarios) == (root / "scenarios").string());
        CHECK(dataDirectory(DataKind::Labs) == (root / "labs").string());
        CHECK(dataDirectory(DataKind::Traces) == (root / "traces").string());
        CHECK(resolveScenarioFile("so-este") == (root / "scenarios/so-este.json").string());
        CHECK(resolveScenarioFile("rebalance-basico").empty());

        std::istringstream in;
        std::ostringstream out, err;
        CHECK(runCli({"paths"}, {in, out, err}) == 0);
        CHECK(out.str() == "scenarios\t" + (root / "scenarios").string() + "\nlabs\t" +
                               (root / "labs").string() + "\ntraces\t" + (root / "traces").string() + "\n");
        std::ostringstream out2, err2;
        CHECK(runCli({"simulate", "so-este", "--until", "2s"}, {in, out2, err2}) == 0);
        CHECK(out2.str().find("scenario: ") != std::string::npos);
        // A lab folder that does not exist is reported, not a crash.
        std::ostringstream out3, err3;
        CHECK(runCli({"lab", "list"}, {in, out3, err3}) == 2);
        CHECK(err3.str().find((root / "labs").string()) != std::string::npos);
        fs::remove_all(root);
    }

    TEST_CASE("the older per-kind variables still work") {
        NoOverrides none;
        EnvVar labs("FLUXOLAB_LABS_DIR", "/tmp/fluxolab-labs-x");
        EnvVar assets("FLUXOLAB_ASSETS", "/tmp/fluxolab-assets-x");
        CHECK(dataDirectory(DataKind::Labs) == "/tmp/fluxolab-labs-x");
        CHECK(dataDirectory(DataKind::Scenarios) == "/tmp/fluxolab-assets-x/scenarios");
        CHECK(dataDirectory(DataKind::Traces) == "/tmp/fluxolab-assets-x/traces");
    }

    TEST_CASE("paths takes no arguments") {
        std::istringstream in;
        std::ostringstream out, err;
        CHECK(runCli({"paths", "x"}, {in, out, err}) == 2);
        CHECK(err.str() == "paths: takes no arguments\n");
    }
}
