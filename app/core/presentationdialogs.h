#pragma once
// Dialogs follow presentation mode: a dialog opened from the main window (the app's own, and Qt's
// message, input and file dialogs) shows the presentation font, as the views do, and fits the
// screen (a 1366×768 projector).

class QDialog;
class QWidget;

namespace fluxolab::app {

/// The views' text size in points: normal and presentation mode.
inline constexpr double kNormalPointSize = 10;
inline constexpr double kPresentationPointSize = 14;

/// While `on`, every dialog opened from `owner` or a widget inside it is polished with the
/// presentation font and shown within its screen's available area (presentDialog).
void setDialogsPresentation(QWidget* owner, bool on);
/// The presentation font on `dialog` (its children inherit it).
void presentDialog(QDialog* dialog);

} // namespace fluxolab::app
