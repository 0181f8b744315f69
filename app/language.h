#pragma once
// UI language: Portuguese (pt_PT, the default) or English, switched live and remembered in QSettings.

#include <QString>
#include <QStringList>

namespace fluxolab::app {

/// Language codes with a translation: "pt_PT", "en".
QStringList availableLanguages();
/// Installs the translator for `code` (sends LanguageChange to every widget). False if unknown.
bool setLanguage(const QString& code);
QString currentLanguage();
/// The remembered choice (QSettings "ui/language"), pt_PT if none.
QString savedLanguage();
void saveLanguage(const QString& code);

} // namespace fluxolab::app
