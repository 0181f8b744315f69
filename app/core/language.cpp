#include "app/core/language.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QEvent>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>
#include <memory>
#include <vector>

namespace fluxolab::app {

namespace {
/// Installed translators, in install order: Qt's own catalogues, our supplement for them, then FluxoLab's.
std::vector<std::unique_ptr<QTranslator>>& translators() {
    static std::vector<std::unique_ptr<QTranslator>> t;
    return t;
}
QString& current() {
    static QString c;
    return c;
}

/// Qt's own strings (file dialog, standard buttons "Cancel", context menus) for `code`. Debian's
/// qt6-translations-l10n ships them in QLibraryInfo's translations folder: "qt_pt_PT.qm" for European
/// Portuguese (there is no qtbase_pt_PT.qm, and the Brazilian qtbase_pt_BR.qm would say "arquivo").
/// Our own :/i18n/qt_supplement_<code>.qm adds what that older catalogue lacks (Qt 6's
/// QPlatformTheme standard buttons, newer QFileDialog strings). English needs none of this.
std::vector<std::unique_ptr<QTranslator>> qtTranslators(const QString& code) {
    std::vector<std::unique_ptr<QTranslator>> out;
    if (code == QStringLiteral("en")) return out;
    const QString dir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    for (const QString& catalogue :
         {QStringLiteral("qtbase_%1").arg(code), QStringLiteral("qt_%1").arg(code)}) {
        auto t = std::make_unique<QTranslator>();
        // Exact file names only: QTranslator's fallback would strip "_PT" and could load another variant.
        if (t->load(catalogue, dir) && QFileInfo(t->filePath()).completeBaseName() == catalogue)
            out.push_back(std::move(t));
    }
    auto supplement = std::make_unique<QTranslator>();
    if (supplement->load(QStringLiteral(":/i18n/qt_supplement_%1.qm").arg(code)))
        out.push_back(std::move(supplement));
    return out;
}
} // namespace

QStringList availableLanguages() {
    return {QStringLiteral("pt_PT"), QStringLiteral("en")};
}

bool setLanguage(const QString& code) {
    if (!availableLanguages().contains(code)) return false;
    auto own = std::make_unique<QTranslator>();
    if (!own->load(QStringLiteral(":/i18n/fluxolab_%1.qm").arg(code))) return false;
    std::vector<std::unique_ptr<QTranslator>> next = qtTranslators(code);
    next.push_back(std::move(own));
    // Numbers follow the language too: "10,00 registos/s" in Portuguese, "10.00 records/s" in English.
    // The default changes first, so what the LanguageChange handlers below rebuild reads the new one.
    current() = code;
    QLocale::setDefault(uiLocale());
    for (const auto& t : translators())
        QCoreApplication::removeTranslator(t.get());
    translators() = std::move(next);
    for (const auto& t : translators())
        QCoreApplication::installTranslator(t.get());
    // Widgets created from now on take the new default; LocaleChange makes QApplication hand it to the
    // open ones without a locale of their own (spin boxes then redraw their text).
    if (QCoreApplication* app = QCoreApplication::instance()) {
        QEvent changed(QEvent::LocaleChange);
        QCoreApplication::sendEvent(app, &changed);
    }
    return true;
}

QString currentLanguage() {
    return current().isEmpty() ? QStringLiteral("pt_PT") : current();
}

QLocale uiLocale() {
    const bool pt = currentLanguage().startsWith(QLatin1String("pt"));
    QLocale locale(pt ? QLocale::Portuguese : QLocale::English, pt ? QLocale::Portugal : QLocale::UnitedStates);
    // Offsets, counts and keys are read as they are written in the terminal: "1240", not "1 240".
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    return locale;
}

QString decimalText(double value, int maxDecimals) {
    const QLocale locale = uiLocale();
    QString text = locale.toString(value, 'f', maxDecimals);
    const QString point = locale.decimalPoint();
    if (maxDecimals > 0 && text.contains(point)) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(point)) text.chop(point.size());
    }
    return text;
}

QStringList qtTranslationFiles() {
    QStringList out;
    for (const auto& t : translators())
        if (!t->filePath().startsWith(QStringLiteral(":/i18n/fluxolab_"))) out << t->filePath();
    return out;
}

QString savedLanguage() {
    const QString code = QSettings().value(QStringLiteral("ui/language"), QStringLiteral("pt_PT")).toString();
    return availableLanguages().contains(code) ? code : QStringLiteral("pt_PT");
}

void saveLanguage(const QString& code) {
    QSettings().setValue(QStringLiteral("ui/language"), code);
}

} // namespace fluxolab::app
