// libFuzzer harness: a lab's saved progress (LabEngine::restoreProgress), which the app reads back
// from its settings at start-up, restored into the course's first lab.
#include "fuzz_common.h"
#include "labs/lab_engine/lab_engine.h"

#include <optional>

using namespace fluxolab;

namespace {
const labs::Lab& firstLab() {
    static const labs::Lab lab = [] {
        labs::LabLoadResult r =
            labs::loadLabFile(FLUXOLAB_SOURCE_DIR "/labs/content/01-topicos-particoes-offsets.json");
        if (!r.lab) fuzz::fail("cannot load the first lab");
        return *r.lab;
    }();
    return lab;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(fuzz::asText(data, size));
    const labs::Lab& lab = firstLab();
    labs::SimBackend backend(lab.seed, lab.brokers);
    for (const bool hintsOnly : {false, true}) {
        labs::LabEngine engine(lab, backend);
        std::string error;
        if (!engine.restoreProgress(text, &error, hintsOnly)) {
            if (error.empty()) fuzz::fail("a rejected progress has no error message", text);
            continue;
        }
        if (engine.currentStep() > lab.steps.size()) fuzz::fail("current step out of range", text);
        for (std::size_t i = 0; i < lab.steps.size(); ++i) {
            (void)engine.revealHint(i, labs::Language::Portuguese);
            if (engine.hintsRevealed(i) < 0 ||
                static_cast<std::size_t>(engine.hintsRevealed(i)) > lab.steps[i].hints.size())
                fuzz::fail("hints revealed out of range", text);
        }
        engine.start();
        (void)engine.update({});
        (void)engine.saveProgress();
    }
    return 0;
}
