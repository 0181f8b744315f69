#pragma once
// Where FluxoLab's bundled data lives at run time: the scenarios, the guided labs and the traces.
// One lookup for every front end (the desktop app and fluxolab-cli), in this order:
//   1. an explicit override: $FLUXOLAB_DATA_DIR/<kind> (an installed-style tree), or the older
//      per-kind variables $FLUXOLAB_ASSETS/<scenarios|traces> and $FLUXOLAB_LABS_DIR;
//   2. next to the executable: <dir of the executable>/../share/fluxolab/<kind> (the installed
//      layout: /usr/bin/fluxolab -> /usr/share/fluxolab/scenarios);
//   3. the source tree the program was built from (assets/scenarios, labs/content, assets/traces).

#include <string>

namespace fluxolab::labs {

enum class DataKind { Scenarios, Labs, Traces };

/// The directory for `kind`, following the order above. An override is returned even if it does not
/// exist (the caller reports what it cannot read); otherwise the first candidate that is a directory,
/// or the source-tree path if none is.
std::string dataDirectory(DataKind kind);

/// "scenarios", "labs" or "traces": the folder name under share/fluxolab.
const char* dataKindName(DataKind kind);

/// The directory holding the running executable ("" if unknown).
std::string executableDirectory();

/// A scenario file: `nameOrPath` itself if it is a file, else <scenarios dir>/<name>[.json]; "" if neither.
std::string resolveScenarioFile(const std::string& nameOrPath);

} // namespace fluxolab::labs
