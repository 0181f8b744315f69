#include "app/core/viewregistry.h"

namespace fluxolab::app {

const ViewSpec* ViewRegistry::find(const QString& id) const {
    const int i = indexOf(id);
    return i < 0 ? nullptr : &m_views[static_cast<std::size_t>(i)];
}

int ViewRegistry::indexOf(const QString& id) const {
    for (std::size_t i = 0; i < m_views.size(); ++i)
        if (m_views[i].id == id) return static_cast<int>(i);
    return -1;
}

const ViewRegistry& ViewRegistry::builtin() {
    static const ViewRegistry registry = [] {
        ViewRegistry r;
        registerClusterViews(r);
        registerStreamViews(r);
        return r;
    }();
    return registry;
}

} // namespace fluxolab::app
