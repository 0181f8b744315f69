// libFuzzer harness: lab JSON (labs/lab_engine/lab_engine.h parseLab / validate). A lab that loads is started
// on a fresh simulated cluster (its setup actions run), every step's check is evaluated, hints are
// revealed, and its saved progress must restore.
#include "fuzz_common.h"
#include "labs/lab_engine/lab_engine.h"

using namespace fluxolab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(fuzz::asText(data, size));
    const labs::LabLoadResult r = labs::parseLab(text, "fuzz.json");
    if (!r.lab) {
        if (r.errors.empty()) fuzz::fail("a rejected lab has no error", text);
        for (const auto& e : r.errors)
            (void)labs::formatLabError(e);
        return 0;
    }
    const labs::Lab& lab = *r.lab;
    labs::SimBackend backend(lab.seed, lab.brokers);
    labs::LabEngine engine(lab, backend);
    engine.start();
    const std::vector<labs::HistoryEntry> history;
    for (std::size_t i = 0; i < lab.steps.size(); ++i) {
        (void)engine.evaluate(i, history);
        (void)engine.revealHint(i, labs::Language::Portuguese);
        (void)engine.revealHint(i, labs::Language::English);
    }
    (void)engine.update(history);
    const std::string progress = engine.saveProgress();
    labs::LabEngine other(lab, backend);
    std::string error;
    if (!other.restoreProgress(progress, &error))
        fuzz::fail("saved lab progress does not restore", error + "\n" + progress);

    labs::LabRunReport report;
    report.steps.resize(lab.steps.size());
    (void)labs::formatLabReport(lab, report, labs::Language::Portuguese);
    return 0;
}
