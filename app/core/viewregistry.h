#pragma once
// The views of the main window, registered rather than hard-coded: MainWindow builds its tabs,
// the View menu and the Ctrl+1.. shortcuts from this list. A view says which capabilities of the
// observation it needs (labs/observe/observation.h); MainWindow hides a view whose needs the
// backend does not cover. The stream engine's view registers here the same way.

#ifndef Q_MOC_RUN
#include "labs/observe/observation.h"
#endif

#include <QCoreApplication>
#include <QString>
#include <functional>
#include <vector>

class QWidget;

namespace fluxolab::app {

class SimulationController;

struct ViewSpec {
    QString id;                        ///< --view name ("cluster"); also the page's object name
    QString actionName;                ///< object name of its View-menu action ("viewCluster")
    const char* title;                 ///< tab title, source text in the "fluxolab::app::MainWindow" context
    const char* menuText;              ///< View-menu text (with its &-shortcut), same context
    QString icon;                      ///< theme/resource icon name; empty: none
    labs::observe::Capabilities needs; ///< hidden when the observation lacks any of these
    std::function<QWidget*(SimulationController* controller, QWidget* parent)> create;
    /// Called with whether the view's tab is the current one (a view may stop recomputing while hidden).
    std::function<void(QWidget* view, bool current)> setCurrent;

    QString translatedTitle() const {
        return QCoreApplication::translate("fluxolab::app::MainWindow", title);
    }
    QString translatedMenuText() const {
        return QCoreApplication::translate("fluxolab::app::MainWindow", menuText);
    }
};

class ViewRegistry {
public:
    /// Adds a view after those registered so far (tab order).
    void add(ViewSpec spec) { m_views.push_back(std::move(spec)); }
    const std::vector<ViewSpec>& views() const { return m_views; }
    const ViewSpec* find(const QString& id) const;
    int indexOf(const QString& id) const;

    /// The views that ship, in tab order: the cluster's (app/cluster/clusterviews.cpp), then the stream view.
    static const ViewRegistry& builtin();

private:
    std::vector<ViewSpec> m_views;
};

/// Registers the cluster canvas, the consumer-groups panel, the tables and the plots.
void registerClusterViews(ViewRegistry& registry);
/// Registers the stream view (app/stream/streamviews.cpp).
void registerStreamViews(ViewRegistry& registry);

} // namespace fluxolab::app
