#include "tests/app/tst_translations.h"

#include "app/core/language.h"
#include "app/stream/streamview.h"
#include "app/cluster/tablemodels.h"
#include "app/cluster/tablespage.h"
#include "app/core/mainwindow.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
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

void TranslationsTest::traceLineErrorsAreInTheUiLanguage() {
    // A student opens a trace with a mistake in it (the reader's own messages, through the stream
    // view): in pt_PT the whole sentence is Portuguese, not just "Linha N:" before English.
    const QString before = fluxolab::app::currentLanguage();
    QVERIFY(fluxolab::app::setLanguage(QStringLiteral("pt_PT")));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    struct Case {
        const char* name;
        QByteArray text;
        QString expected;
    };
    const Case cases[] = {
        {"lixo.csv", "ts,key,value\n1000,a,1\n@@@ lixo sem virgulas\n", QStringLiteral("Linha 3: 1 campos onde o cabeçalho tem 3")},
        {"tempo.csv", "ts,key\n1000,a\nontem,b\n", QStringLiteral("Linha 3: não foi possível ler a data de 'ontem' (formato esperado: yyyy-MM-dd HH:mm:ss[.SSS])")},
        // JSON Lines: a line that is not a JSON object, one cut short.
        {"lixo.jsonl", "{\"ts\":1000,\"key\":\"a\"}\nisto nao e json\n",
         QStringLiteral("Linha 2: não é um objeto JSON (um traço JSON Lines tem um {...} por linha)")},
        {"cortado.jsonl", "{\"ts\":1000,\"key\":\"a\"}\n{\"ts\":2000,\"key\":\"b\"\n",
         QStringLiteral("Linha 2: o objeto JSON está cortado (falta o '}' final)")},
    };
    for (const Case& c : cases) {
        const QString path = dir.filePath(QString::fromLatin1(c.name));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(c.text);
        f.close();
        fluxolab::app::StreamView view;
        QString error;
        QVERIFY(!view.loadNow(path, {}, &error));
        QVERIFY2(error.contains(c.expected), qPrintable(error));
        QVERIFY2(!error.contains(QStringLiteral(" where ")) && !error.contains(QStringLiteral(" is not ")), qPrintable(error));
    }
    // The messages matched by pattern, one by one (what fluxolab-cli prints after "FILE:LINE: ").
    const QString value = fluxolab::app::StreamView::describeError(
        QStringLiteral("p.csv:2: value '/inicio' of field 'pagina' is not a finite number"));
    QCOMPARE(value, QStringLiteral("Não foi possível carregar o traço p.csv.\nLinha 2: o valor '/inicio' do campo \"pagina\" não é um número"));
    QCOMPARE(fluxolab::app::StreamView::describeError(QStringLiteral("p.csv:7: missing key field 'sensor'")),
             QStringLiteral("Não foi possível carregar o traço p.csv.\nLinha 7: falta o campo da chave \"sensor\""));
    QCOMPARE(fluxolab::app::StreamView::describeError(QStringLiteral("p.csv:4: time '9e99' is not epoch milliseconds")),
             QStringLiteral("Não foi possível carregar o traço p.csv.\nLinha 4: o tempo '9e99' não está em milissegundos desde a época (epoch)"));
    QCOMPARE(fluxolab::app::StreamView::describeError(QStringLiteral("p.csv:9: time '17x' is not epoch seconds")),
             QStringLiteral("Não foi possível carregar o traço p.csv.\nLinha 9: o tempo '17x' não está em segundos desde a época (epoch)"));
    QCOMPARE(fluxolab::app::StreamView::describeError(QStringLiteral("p.jsonl:3: field 'valor' is an object or array, not a value")),
             QStringLiteral("Não foi possível carregar o traço p.jsonl.\nLinha 3: o campo \"valor\" é um objeto ou uma lista, não um valor"));
    QCOMPARE(fluxolab::app::StreamView::describeError(QStringLiteral("p.jsonl:5: expected ':' after a field name")),
             QStringLiteral("Não foi possível carregar o traço p.jsonl.\nLinha 5: esperava-se ':' depois do nome de um campo"));
    QVERIFY(fluxolab::app::setLanguage(before.isEmpty() ? QStringLiteral("pt_PT") : before));
}

void TranslationsTest::groupsTableSaysWhatTheToolDoesNotPrint() {
    // The groups table is titled after `kafka-consumer-groups --describe --state`; a column that
    // Kafka 4.3.1's tool does not print (the generation) is named in the title as FluxoLab's, in
    // both languages, so the table does not pass it off as the tool's output.
    QFile golden(QStringLiteral(FLUXOLAB_SOURCE_DIR "/tests/labs/golden/real/groups.txt"));
    QVERIFY(golden.open(QIODevice::ReadOnly));
    QStringList kafka; // the --describe --state header of the real tool
    for (const QString& line : QString::fromUtf8(golden.readAll()).split(QLatin1Char('\n')))
        if (line.startsWith(QStringLiteral("GROUP ")) && line.contains(QStringLiteral("ASSIGNMENT-STRATEGY")) &&
            line.contains(QStringLiteral("#MEMBERS")) && !line.contains(QStringLiteral("GROUP-EPOCH"))) {
            kafka = line.split(QRegularExpression(QStringLiteral("\\s{2,}")), Qt::SkipEmptyParts);
            break;
        }
    QCOMPARE(kafka, (QStringList{QStringLiteral("GROUP"), QStringLiteral("COORDINATOR (ID)"), QStringLiteral("ASSIGNMENT-STRATEGY"),
                                 QStringLiteral("STATE"), QStringLiteral("#MEMBERS")}));
    const QString before = fluxolab::app::currentLanguage();
    for (const QString& lang : {QStringLiteral("pt_PT"), QStringLiteral("en")}) {
        QVERIFY(fluxolab::app::setLanguage(lang));
        fluxolab::app::MainWindow w;
        auto* page = w.findChild<fluxolab::app::TablesPage*>();
        QVERIFY(page);
        QString title;
        for (QLabel* l : page->findChildren<QLabel*>())
            if (l->text().contains(QStringLiteral("--describe --state"))) title = l->text();
        QVERIFY2(!title.isEmpty(), qPrintable(lang));
        const QAbstractItemModel* m = page->groupsModel();
        int extra = 0;
        for (int c = 0; c < m->columnCount(); ++c) {
            const QString header = m->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
            const QString english = QStringList{QStringLiteral("GROUP"), QStringLiteral("COORDINATOR (ID)"), QStringLiteral("ASSIGNMENT-STRATEGY"),
                                                QStringLiteral("STATE"), QStringLiteral("#MEMBERS")}.value(c);
            if (kafka.contains(header) || (!english.isEmpty() && kafka.contains(english))) continue;
            ++extra;
            QVERIFY2(title.toLower().contains(header.toLower()),
                     qPrintable(QStringLiteral("%1: the column %2 is not the tool's, and the title \"%3\" does not say so").arg(lang, header, title)));
        }
        QCOMPARE(extra, 1); // GENERATION / GERAÇÃO
    }
    QVERIFY(fluxolab::app::setLanguage(before.isEmpty() ? QStringLiteral("pt_PT") : before));
}
