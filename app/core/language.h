#pragma once
// UI language: Portuguese (pt_PT, the default) or English, switched live and remembered in QSettings.

#include <QLocale>
#include <QString>
#include <QStringList>

namespace fluxolab::app {

/// Language codes with a translation: "pt_PT", "en".
QStringList availableLanguages();
/// Installs FluxoLab's translator for `code` and Qt's own for its dialogs and standard buttons (sends
/// LanguageChange to every widget). False if unknown.
bool setLanguage(const QString& code);
QString currentLanguage();
/// The locale numbers are shown in: Portuguese (Portugal) or English (United States) as the UI
/// language, without digit-group separators. setLanguage makes it QLocale's default (so spin boxes,
/// "%L1" and QLocale() follow it) and sends QEvent::LocaleChange to the open widgets.
QLocale uiLocale();
/// `value` with at most `maxDecimals` decimals (trailing zeros dropped) and the UI language's decimal
/// separator: decimalText(0.25, 2) is "0,25" in Portuguese and "0.25" in English, decimalText(2, 2) "2".
QString decimalText(double value, int maxDecimals);
/// Qt's own catalogues installed with the current language (file dialog, standard buttons), as file
/// paths (Debian's qt_pt_PT.qm and our :/i18n/qt_supplement_pt_PT.qm); empty for English.
QStringList qtTranslationFiles();
/// The remembered choice (QSettings "ui/language"), pt_PT if none.
QString savedLanguage();
void saveLanguage(const QString& code);

} // namespace fluxolab::app
