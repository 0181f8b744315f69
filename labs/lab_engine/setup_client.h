#pragma once
// The client id of the producer a lab's step setup opens to write the step's starting records
// (LabEngine::runSetup): the views name it as the lab's own, not as one the student started.

namespace fluxolab::labs {

inline constexpr char kLabSetupClientId[] = "fluxolab-setup";

} // namespace fluxolab::labs
