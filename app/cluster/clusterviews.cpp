// The cluster's views, registered for the main window (app/core/viewregistry.h).
#include "app/cluster/clustercanvas.h"
#include "app/cluster/grouppanel.h"
#include "app/cluster/plotsview.h"
#include "app/cluster/tablespage.h"
#include "app/core/viewregistry.h"

namespace fluxolab::app {

void registerClusterViews(ViewRegistry& registry) {
    using labs::observe::Capability;
    registry.add(
        {QStringLiteral("cluster"),
         QStringLiteral("viewCluster"),
         QT_TRANSLATE_NOOP("fluxolab::app::MainWindow", "Cluster"),
         QT_TRANSLATE_NOOP("fluxolab::app::MainWindow", "&Cluster"),
         QString(),
         {},
         [](SimulationController* c, QWidget* parent) -> QWidget* { return new ClusterCanvas(c, parent); },
         {}});
    registry.add(
        {QStringLiteral("groups"),
         QStringLiteral("viewGroups"),
         QT_TRANSLATE_NOOP("fluxolab::app::MainWindow", "Consumer groups"),
         QT_TRANSLATE_NOOP("fluxolab::app::MainWindow", "&Groups"),
         QString(),
         {},
         [](SimulationController* c, QWidget* parent) -> QWidget* { return new GroupPanel(c, parent); },
         {}});
    registry.add(
        {QStringLiteral("tables"),
         QStringLiteral("viewTables"),
         QT_TRANSLATE_NOOP("fluxolab::app::MainWindow", "Tables"),
         QT_TRANSLATE_NOOP("fluxolab::app::MainWindow", "&Tables"),
         QString(),
         {},
         [](SimulationController* c, QWidget* parent) -> QWidget* { return new TablesPage(c, parent); },
         [](QWidget* view, bool current) { static_cast<TablesPage*>(view)->setModelsActive(current); }});
    // The plots are sampled from the journal's history: a backend without one cannot draw them.
    registry.add(
        {QStringLiteral("plots"),
         QStringLiteral("viewPlots"),
         QT_TRANSLATE_NOOP("fluxolab::app::MainWindow", "Plots"),
         QT_TRANSLATE_NOOP("fluxolab::app::MainWindow", "P&lots"),
         QString(),
         {Capability::TimeTravel},
         [](SimulationController* c, QWidget* parent) -> QWidget* { return new PlotsView(c, parent); },
         {}});
}

} // namespace fluxolab::app
