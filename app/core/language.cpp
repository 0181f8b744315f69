#include "app/core/language.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
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
    for (const auto& t : translators())
        QCoreApplication::removeTranslator(t.get());
    translators() = std::move(next);
    for (const auto& t : translators())
        QCoreApplication::installTranslator(t.get());
    current() = code;
    return true;
}

QString currentLanguage() {
    return current().isEmpty() ? QStringLiteral("pt_PT") : current();
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
