#pragma once
// Kept for the includes of labs/ and app/: the generator lives in the runtime now.
#include "sim/runtime/rng.h"
