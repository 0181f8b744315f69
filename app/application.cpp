#include "app/application.h"

#include "sim/scenario.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>

namespace fluxolab::app {

int runApplication(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("FluxoLab"));
    QMainWindow window;
    window.setWindowTitle(QStringLiteral("FluxoLab"));
    auto* label = new QLabel(QObject::tr("FluxoLab: simulação de Kafka"), &window);
    window.setCentralWidget(label);
    window.resize(1280, 800);
    window.show();
    return QApplication::exec();
}

} // namespace fluxolab::app
