#pragma once
// Windows open within the screen's available area (a 1366×768 projector has no room for a
// 1440×860 window): the preferred size, shrunk to fit, centred on the screen.

#include <QRect>
#include <QSize>

class QWidget;

namespace fluxolab::app {

/// Room left around a window for its frame and title bar (the window manager draws them outside
/// the widget's geometry).
inline constexpr int kFrameAllowanceW = 16;
inline constexpr int kFrameAllowanceH = 48;

/// `preferred` shrunk so that the window with its frame fits in `available`.
QSize fittedSize(QSize preferred, const QRect& available);
/// Resizes a top-level window to fittedSize() on its screen and centres it there.
void fitToScreen(QWidget* window, QSize preferred);

} // namespace fluxolab::app
