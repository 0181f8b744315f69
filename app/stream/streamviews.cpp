// The stream engine's view, registered for the main window (app/core/viewregistry.h).
#include "app/core/viewregistry.h"
#include "app/stream/streamview.h"

namespace fluxolab::app {

void registerStreamViews(ViewRegistry& registry) {
    registry.add({QStringLiteral("stream"),
                  QStringLiteral("viewStream"),
                  QT_TRANSLATE_NOOP("fluxolab::app::MainWindow", "Stream"),
                  QT_TRANSLATE_NOOP("fluxolab::app::MainWindow", "&Stream (event time)"),
                  QString(),
                  {},
                  [](SimulationController*, QWidget* parent) -> QWidget* { return new StreamView(parent); },
                  [](QWidget* view, bool current) {
                      if (!current) static_cast<StreamView*>(view)->setPlaying(false);
                  }});
}

} // namespace fluxolab::app
