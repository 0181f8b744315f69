#include "labs/backend/cluster_backend.h"

namespace fluxolab::labs {

const char* clientErrorName(ClientError e) {
    switch (e) {
    case ClientError::None: return "None";
    case ClientError::Unreachable: return "Unreachable";
    case ClientError::TimedOut: return "TimedOut";
    case ClientError::AuthenticationFailed: return "AuthenticationFailed";
    case ClientError::TlsFailed: return "TlsFailed";
    case ClientError::BadConfiguration: return "BadConfiguration";
    case ClientError::Other: return "Other";
    }
    return "Other";
}

} // namespace fluxolab::labs
