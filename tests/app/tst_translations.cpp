#include "tests/app/tst_translations.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

namespace {

QString tsPath(const QString& lang) {
    return QDir(QStringLiteral(FLUXOLAB_SOURCE_DIR)).filePath(QStringLiteral("translations/fluxolab_%1.ts").arg(lang));
}

struct Entry {
    QString context;
    QString source;
    QString type;
    QStringList translations; ///< one, or the numerus forms
};

std::vector<Entry> readTs(const QString& path, QString* error) {
    std::vector<Entry> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open ") + path;
        return out;
    }
    QXmlStreamReader xml(&f);
    QString context;
    Entry cur;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto n = xml.name();
            if (n == QStringLiteral("name") && !inMessage) context = xml.readElementText();
            else if (n == QStringLiteral("message")) {
                inMessage = true;
                cur = Entry{context, {}, {}, {}};
            } else if (n == QStringLiteral("source") && inMessage) cur.source = xml.readElementText();
            else if (n == QStringLiteral("translation") && inMessage) {
                cur.type = xml.attributes().value(QStringLiteral("type")).toString();
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                cur.translations << text;
            } else if (n == QStringLiteral("numerusform") && inMessage) {
                cur.translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QStringLiteral("message")) {
            inMessage = false;
            out.push_back(cur);
        }
    }
    if (xml.hasError()) *error = xml.errorString();
    return out;
}

/// Every tr("...") literal in app/*.cpp (adjacent literals concatenated).
QSet<QString> trStrings() {
    QSet<QString> out;
    const QDir app(QDir(QStringLiteral(FLUXOLAB_SOURCE_DIR)).filePath(QStringLiteral("app")));
    static const QRegularExpression call(QStringLiteral(R"re(\btr\(((?:\s*"(?:[^"\\]|\\.)*")+))re"));
    static const QRegularExpression piece(QStringLiteral(R"re("((?:[^"\\]|\\.)*)")re"));
    // Every area folder of app/ (core, cluster, terminal, labs, dialogs).
    for (QDirIterator files(app.path(), {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files, QDirIterator::Subdirectories);
         files.hasNext();) {
        QFile f(files.next());
        if (!f.open(QIODevice::ReadOnly)) continue;
        const QString text = QString::fromUtf8(f.readAll());
        for (auto it = call.globalMatch(text); it.hasNext();) {
            const QString lits = it.next().captured(1);
            QString s;
            for (auto p = piece.globalMatch(lits); p.hasNext();) s += p.next().captured(1);
            s.replace(QStringLiteral("\\\""), QStringLiteral("\"")).replace(QStringLiteral("\\n"), QStringLiteral("\n"));
            s.replace(QStringLiteral("\\\\"), QStringLiteral("\\"));
            out.insert(s);
        }
    }
    return out;
}

} // namespace

void TranslationsTest::noUnfinishedEntries_data() {
    QTest::addColumn<QString>("lang");
    QTest::newRow("pt_PT") << QStringLiteral("pt_PT");
    QTest::newRow("en") << QStringLiteral("en");
}

void TranslationsTest::noUnfinishedEntries() {
    QFETCH(QString, lang);
    QString error;
    const auto entries = readTs(tsPath(lang), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(entries.size() > 100);
    for (const auto& e : entries) {
        const QString where = e.context + QStringLiteral(": \"") + e.source + QLatin1Char('"');
        QVERIFY2(e.type.isEmpty(), qPrintable(QStringLiteral("%1 is %2").arg(where, e.type)));
        QVERIFY2(!e.translations.isEmpty(), qPrintable(where + QStringLiteral(" has no translation")));
        for (const auto& t : e.translations) QVERIFY2(!t.trimmed().isEmpty(), qPrintable(where + QStringLiteral(" has an empty translation")));
    }
}

void TranslationsTest::everyTrStringIsTranslated_data() { noUnfinishedEntries_data(); }

void TranslationsTest::everyTrStringIsTranslated() {
    QFETCH(QString, lang);
    QString error;
    QSet<QString> sources;
    for (const auto& e : readTs(tsPath(lang), &error)) sources.insert(e.source);
    const QSet<QString> used = trStrings();
    QVERIFY(used.size() > 100);
    QStringList missing;
    for (const auto& s : used)
        if (!sources.contains(s)) missing << s;
    missing.sort();
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("missing from %1: ").arg(lang) + missing.join(QStringLiteral(" | "))));
}

void TranslationsTest::bothLanguagesHaveTheSameEntries() {
    QString error;
    QSet<QString> pt, en;
    for (const auto& e : readTs(tsPath(QStringLiteral("pt_PT")), &error)) pt.insert(e.context + QLatin1Char('|') + e.source);
    for (const auto& e : readTs(tsPath(QStringLiteral("en")), &error)) en.insert(e.context + QLatin1Char('|') + e.source);
    QCOMPARE(pt, en);
}
