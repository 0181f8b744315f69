#pragma once
// Kept for existing includes: the invariant checks live in the runtime now.
#include "sim/runtime/invariant.h"
