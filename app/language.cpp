#include "app/language.h"

#include <QCoreApplication>
#include <QSettings>
#include <QTranslator>

#include <memory>

namespace fluxolab::app {

namespace {
std::unique_ptr<QTranslator>& translator() {
    static std::unique_ptr<QTranslator> t;
    return t;
}
QString& current() {
    static QString c;
    return c;
}
} // namespace

QStringList availableLanguages() { return {QStringLiteral("pt_PT"), QStringLiteral("en")}; }

bool setLanguage(const QString& code) {
    if (!availableLanguages().contains(code)) return false;
    auto next = std::make_unique<QTranslator>();
    if (!next->load(QStringLiteral(":/i18n/fluxolab_%1.qm").arg(code))) return false;
    if (translator()) QCoreApplication::removeTranslator(translator().get());
    translator() = std::move(next);
    QCoreApplication::installTranslator(translator().get());
    current() = code;
    return true;
}

QString currentLanguage() { return current().isEmpty() ? QStringLiteral("pt_PT") : current(); }

QString savedLanguage() {
    const QString code = QSettings().value(QStringLiteral("ui/language"), QStringLiteral("pt_PT")).toString();
    return availableLanguages().contains(code) ? code : QStringLiteral("pt_PT");
}

void saveLanguage(const QString& code) { QSettings().setValue(QStringLiteral("ui/language"), code); }

} // namespace fluxolab::app
