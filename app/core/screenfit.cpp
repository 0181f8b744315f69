#include "app/core/screenfit.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>
#include <algorithm>

namespace fluxolab::app {

QSize fittedSize(QSize preferred, const QRect& available) {
    if (!available.isValid()) return preferred;
    return {std::min(preferred.width(), std::max(320, available.width() - kFrameAllowanceW)),
            std::min(preferred.height(), std::max(240, available.height() - kFrameAllowanceH))};
}

void fitToScreen(QWidget* window, QSize preferred) {
    QScreen* screen = window->screen() ? window->screen() : QGuiApplication::primaryScreen();
    if (!screen) {
        window->resize(preferred);
        return;
    }
    const QRect available = screen->availableGeometry();
    const QSize size = fittedSize(preferred, available);
    window->resize(size);
    QRect frame(QPoint(0, 0), size);
    frame.moveCenter(available.center());
    window->move(std::max(available.left(), frame.left()), std::max(available.top(), frame.top()));
}

} // namespace fluxolab::app
