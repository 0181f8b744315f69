#include "tests/app/tst_translations.h"

#include "app/core/errortexts.h"
#include "app/core/language.h"
#include "app/stream/streamview.h"
#include "labs/traces/trace_reader.h"
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

void TranslationsTest::oneWordForAssignorInPortuguese() {
    // Issue #10 (playthrough): pt-PT mixed "assignor" and "atribuidor" ("geração 2 · assignor range").
    // One word, "atribuidor", everywhere; the English name only where the word is introduced
    // ("Atribuidor (assignor):", the group dialog's field) and in identifiers (cooperative-sticky...).
    QString error;
    QStringList mixed;
    for (const auto& e : readTs(tsPath(QStringLiteral("pt_PT")), &error))
        for (const auto& t : e.translations)
            if (t.contains(QStringLiteral("assignor"), Qt::CaseInsensitive) && !t.contains(QStringLiteral("Atribuidor (assignor)")))
                mixed << t;
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(mixed.isEmpty(), qPrintable(mixed.join(QStringLiteral(" | "))));
    // The lab and scenario files' Portuguese texts too.
    for (const char* dir : {"labs/content", "assets/scenarios"}) {
        QDirIterator it(QDir(QStringLiteral(FLUXOLAB_SOURCE_DIR)).filePath(QString::fromLatin1(dir)), {QStringLiteral("*.json")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            static const QRegularExpression pt(QStringLiteral("\"pt\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\""));
            for (auto m = pt.globalMatch(QString::fromUtf8(f.readAll())); m.hasNext();) {
                const QString text = m.next().captured(1);
                QVERIFY2(!text.contains(QStringLiteral("assignor"), Qt::CaseInsensitive), qPrintable(f.fileName() + QStringLiteral(": ") + text));
            }
        }
    }
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
        {"tempo.csv", "ts,key\n1000,a\nontem,b\n", QStringLiteral("Linha 3: o tempo 'ontem' não é milissegundos desde a época (um inteiro, p. ex. 1773478800000) nem "
                        "uma data e hora (yyyy-MM-dd HH:mm:ss[.SSS], ou ISO-8601 p. ex. 2026-03-14T09:00:00Z); "
                        "--time-format epoch-s lê segundos desde a época")},
        // JSON Lines: a line that is not a JSON object, one cut short.
        {"lixo.jsonl", "{\"ts\":1000,\"key\":\"a\"}\nisto nao e json\n",
         QStringLiteral("Linha 2: não é um objeto JSON (um traço JSON Lines tem um {...} por linha)")},
        {"cortado.jsonl", "{\"ts\":1000,\"key\":\"a\"}\n{\"ts\":2000,\"key\":\"b\"\n",
         QStringLiteral("Linha 2: o objeto JSON está cortado (falta o '}' final)")},
    };
    // A good header, then 2 MiB of zeros (a half-written file): a binary file at line 2, not a long line.
    const QByteArray zeros = QByteArray("ts,key\n") + QByteArray(2 << 20, '\0');
    // A ';' file read with ',' (the trace options' delimiter), and a tab-separated one.
    fluxolab::stream_observe::RunOptions comma;
    comma.trace.delimiter = ',';
    struct FileCase {
        const char* name;
        QByteArray text;
        fluxolab::stream_observe::RunOptions options;
        QString expected;
    };
    const FileCase fileCases[] = {
        {"zeros.csv", zeros, {},
         QStringLiteral("Linha 2: contém bytes NUL: parece um ficheiro binário, não um traço CSV ou JSON Lines")},
        {"pontovirgula.csv", "ts;key\n1000;a\n", comma,
         QStringLiteral("o cabeçalho parece estar separado por ';': escolha esse delimitador nas opções do traço "
                        "(fluxolab-cli replay: --delimiter ';')")},
        {"tabs.tsv", "ts\tkey\n1000\ta\n", {},
         QStringLiteral("o cabeçalho parece estar separado por tabulações, o que um traço não pode ter: grave o "
                        "ficheiro com ',' ou ';' entre os campos")},
    };
    for (const FileCase& c : fileCases) {
        const QString path = dir.filePath(QString::fromLatin1(c.name));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(c.text);
        f.close();
        fluxolab::app::StreamView view;
        QString error;
        QVERIFY(!view.loadNow(path, c.options, &error));
        QVERIFY2(error.contains(c.expected), qPrintable(error));
        QVERIFY2(!error.contains(QStringLiteral("longer than")) && !error.contains(QStringLiteral("seems")), qPrintable(error));
    }
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
    // Every code of the reader (and of the view's bounds on a trace): the pt_PT sentence differs from
    // the English one, has no English words of FluxoLab's own, and names the parameters it carries.
    using C = fluxolab::traces::TraceErrorCode;
    static const QRegularExpression english(
        QStringLiteral("\\b(the|is not|expected|missing|cannot|could not|bad|after|line|field|file|before|too)\\b"));
    int checked = 0;
    for (int i = static_cast<int>(C::None) + 1; i <= static_cast<int>(C::TooManyEvents); ++i) {
        fluxolab::traces::TraceError e;
        e.code = static_cast<C>(i);
        e.file = "/tmp/dados.csv";
        e.line = 41;
        e.value = "V7q";
        e.field = "campoF";
        e.columns = "ts, chave";
        e.number = 617;
        e.number2 = 829;
        e.cause = C::UnterminatedQuote;
        QVERIFY(fluxolab::app::setLanguage(QStringLiteral("en")));
        const QString en = fluxolab::app::StreamView::describeError(e);
        QVERIFY(fluxolab::app::setLanguage(QStringLiteral("pt_PT")));
        const QString pt = fluxolab::app::StreamView::describeError(e);
        const QString what = QStringLiteral("code %1: %2").arg(i).arg(pt);
        QVERIFY2(pt != en, qPrintable(what));
        QVERIFY2(pt.startsWith(QStringLiteral("Não foi possível carregar o traço dados.csv.\nLinha 41: ")), qPrintable(what));
        QString own = pt;
        own.remove(QStringLiteral("dados.csv"));
        QVERIFY2(!own.contains(english), qPrintable(what));
        const QString reason = pt.mid(pt.indexOf(QStringLiteral("Linha 41: ")) + 10);
        QVERIFY2(!reason.isEmpty(), qPrintable(what));
        switch (e.code) {
        case C::MissingColumn: QVERIFY2(pt.contains(QStringLiteral("campoF")) && pt.contains(QStringLiteral("ts, chave")), qPrintable(what)); break;
        case C::FieldCount:
        case C::ArrivalBackwards:
        case C::PartitionTooLarge:
        case C::PartitionNotBelow: QVERIFY2(pt.contains(QStringLiteral("617")) && pt.contains(QStringLiteral("829")), qPrintable(what)); break;
        case C::HeaderTooLong:
        case C::RecordTooLong:
        case C::TooManyEvents: QVERIFY2(pt.contains(QStringLiteral("617")), qPrintable(what)); break;
        case C::JsonNestedValue:
        case C::JsonMissingValue:
        case C::MissingField: QVERIFY2(pt.contains(QStringLiteral("campoF")), qPrintable(what)); break;
        case C::ValueNotNumber: QVERIFY2(pt.contains(QStringLiteral("'V7q'")) && pt.contains(QStringLiteral("campoF")), qPrintable(what)); break;
        case C::TextAfterQuote:
        case C::BadDate:
        case C::BadTimeOfDay:
        case C::BadSeconds:
        case C::BadFraction:
        case C::ZoneNotAllowed:
        case C::BadZone:
        case C::ZoneOutOfRange:
        case C::TextAfterTime:
        case C::NoSuchDateTime:
        case C::TimeOutOfRange:
        case C::NotEpochMillis:
        case C::NotEpochSeconds: QVERIFY2(pt.contains(QStringLiteral("'V7q'")), qPrintable(what)); break;
        default: break;
        }
        ++checked;
    }
    QCOMPARE(checked, static_cast<int>(C::TooManyEvents));
    // A value the file lacks is said so, not shown as a value.
    fluxolab::traces::TraceError missing;
    missing.code = C::BadPartition;
    missing.file = "p.csv";
    missing.line = 2;
    missing.number = 1;
    QCOMPARE(fluxolab::app::StreamView::describeError(missing),
             QStringLiteral("Não foi possível carregar o traço p.csv.\nLinha 2: falta o campo da partição (é preciso um inteiro entre 0 e 1023)"));
    QVERIFY(fluxolab::app::setLanguage(before.isEmpty() ? QStringLiteral("pt_PT") : before));
}

void TranslationsTest::everyScenarioErrorIsInTheUiLanguage() {
    // sim/ reports a scenario file's error as a code with its parameters; the app's text is made with
    // tr() (ErrorTexts). For every code: the pt_PT text differs from the English one, has no English
    // words of FluxoLab's own, and names the parameters the code carries.
    using Code = fluxolab::labs::ScenarioErrorCode;
    const QString before = fluxolab::app::currentLanguage();
    const QSet<Code> withValue = {Code::MissingField, Code::UnknownField, Code::ExpectedString, Code::ExpectedInteger,
                                  Code::ExpectedNumber, Code::ExpectedBool, Code::ExpectedDuration, Code::ExpectedObject,
                                  Code::ExpectedArray, Code::ExpectedNonEmptyArray, Code::ExpectedStringList,
                                  Code::ExpectedTopicList, Code::ExpectedConfigObject, Code::ExpectedConfigValue,
                                  Code::OutOfRange, Code::DurationNotPositive, Code::UnknownKeyDistribution, Code::BadAcks,
                                  Code::BadPartitioner, Code::UnknownAssignor, Code::BadOffsetReset,
                                  Code::UnsupportedBrokerConfig, Code::UnknownTopic, Code::UnknownAction,
                                  Code::UnknownConsumer, Code::UnknownProducer,
                                  Code::TerminalNotObject, Code::BadTimeFormat, Code::BadPacing, Code::DuplicateStreamJob,
                                  Code::BadEventTime, Code::TopicTooManyRecords};
    const QSet<Code> withDetail = {Code::KafkaRefused, Code::TopicTooManyRecords, Code::BadTerminalJournal,
                                   Code::ProducerConfigRefused, Code::Internal};
    static const QRegularExpression english(
        QStringLiteral("\\b(the|must|expected|unknown|found|cannot|would|refuse|is not|out of range|between)\\b"));
    int checked = 0;
    for (int i = static_cast<int>(Code::None) + 1; i <= static_cast<int>(Code::Internal); ++i) {
        fluxolab::labs::ScenarioError e;
        e.code = static_cast<Code>(i);
        e.file = "f.json";
        e.line = 12;
        e.column = 34;
        e.path = "/p/0/q";
        // The count of configs is a number in its plural form (%n): 7 of them here.
        e.value = e.code == Code::TopicTooManyRecords ? "7" : "V7q";
        e.low = "17";
        e.high = "23";
        e.kafka = fluxolab::labs::ErrorCode::INVALID_CONFIG;
        e.detail = "Kafka-D5z";
        QVERIFY(fluxolab::app::setLanguage(QStringLiteral("en")));
        const QString en = fluxolab::app::ErrorTexts::scenarioError(e);
        QVERIFY(fluxolab::app::setLanguage(QStringLiteral("pt_PT")));
        const QString pt = fluxolab::app::ErrorTexts::scenarioError(e);
        const QString what = QStringLiteral("code %1: %2").arg(i).arg(pt);
        QVERIFY2(pt != en, qPrintable(what));
        QVERIFY2(pt.startsWith(QStringLiteral("Linha 12, em /p/0/q: ")), qPrintable(what));
        QString own = pt; // FluxoLab's words: without the parameters and Kafka's own message
        own.remove(QStringLiteral("Kafka-D5z"));
        QVERIFY2(!own.contains(english), qPrintable(what));
        if (withValue.contains(e.code) && e.code != Code::TopicTooManyRecords)
            QVERIFY2(pt.contains(QStringLiteral("V7q")), qPrintable(what));
        if (e.code == Code::TopicTooManyRecords) QVERIFY2(pt.contains(QStringLiteral("7 configurações")), qPrintable(what));
        if (withDetail.contains(e.code)) QVERIFY2(pt.contains(QStringLiteral("Kafka-D5z")), qPrintable(what));
        if (e.code == Code::OutOfRange)
            QVERIFY2(pt.contains(QStringLiteral("17")) && pt.contains(QStringLiteral("23")), qPrintable(what));
        if (e.code == Code::TopicTooManyRecords)
            QVERIFY2(pt.contains(QStringLiteral("23")) && pt.contains(QStringLiteral("10000")), qPrintable(what));
        if (e.code == Code::KafkaRefused)
            QVERIFY2(pt.contains(QStringLiteral("INVALID_CONFIG")), qPrintable(what));
        if (e.code == Code::InvalidJson) QVERIFY2(pt.contains(QStringLiteral("coluna 34")), qPrintable(what));
        ++checked;
    }
    QCOMPARE(checked, static_cast<int>(Code::Internal)); // every code but None
    QVERIFY(fluxolab::app::setLanguage(before.isEmpty() ? QStringLiteral("pt_PT") : before));
}

void TranslationsTest::everyLabFileErrorIsInTheUiLanguage() {
    // labs/ reports a lab file's error as a code with its parameters (labs::LabError); the app's text is
    // made with tr() (ErrorTexts::labError). For every code: the pt_PT text differs from the English one,
    // has no English words of FluxoLab's own, and names the parameters the code carries.
    using Code = fluxolab::labs::LabErrorCode;
    const QString before = fluxolab::app::currentLanguage();
    const QSet<Code> withValue = {Code::DuplicateLabId,   Code::MissingProperty,   Code::UnknownLanguage,
                                  Code::UnknownProperty,  Code::UnknownCheckType,  Code::CheckNeedsField,
                                  Code::UnknownSetupAction, Code::BadLabId,        Code::BadLevel,
                                  Code::DuplicateStepId,  Code::InvalidTopicName,  Code::UnknownGroupState,
                                  Code::UnknownCommandKind, Code::CommandRunState, Code::BadFiring,
                                  Code::MissingTranslation};
    const QSet<Code> withDetail = {Code::NotValidJson, Code::CannotListDirectory, Code::InvalidTopicName,
                                   Code::ReplicationFactorUnreachable};
    static const QRegularExpression english(
        QStringLiteral("\\b(the|must|expected|unknown|found|cannot|would|refuse|is not|out of range|between|"
                       "missing|property|check|step|needs|already|list|object|used)\\b"));
    int checked = 0;
    for (int i = static_cast<int>(Code::None) + 1; i <= static_cast<int>(Code::Last); ++i) {
        const auto code = static_cast<Code>(i);
        const auto e = fluxolab::labs::makeLabError("f.json", "/p/0/q", code, "V7q", "Lib-D5z", 17, 23, "F3w");
        QVERIFY2(!e.message.empty(), qPrintable(QStringLiteral("code %1 has no English for the CLI").arg(i)));
        QVERIFY(fluxolab::app::setLanguage(QStringLiteral("en")));
        const QString en = fluxolab::app::ErrorTexts::labError(e);
        QVERIFY(fluxolab::app::setLanguage(QStringLiteral("pt_PT")));
        const QString pt = fluxolab::app::ErrorTexts::labError(e);
        const QString what = QStringLiteral("code %1: %2").arg(i).arg(pt);
        QVERIFY2(pt != en, qPrintable(what));
        QVERIFY2(pt.startsWith(QStringLiteral("f.json: /p/0/q: ")) && pt.size() > 16, qPrintable(what));
        QString own = pt; // FluxoLab's words: without the parameters and the library's / Kafka's message
        own.remove(QStringLiteral("Lib-D5z"));
        QVERIFY2(!own.contains(english), qPrintable(what));
        if (withValue.contains(code)) QVERIFY2(pt.contains(QStringLiteral("V7q")), qPrintable(what));
        if (withDetail.contains(code)) QVERIFY2(pt.contains(QStringLiteral("Lib-D5z")), qPrintable(what));
        if (code == Code::CheckNeedsField) QVERIFY2(pt.contains(QStringLiteral("F3w")), qPrintable(what));
        if (code == Code::OutOfRange || code == Code::ReplicationFactorUnreachable)
            QVERIFY2(pt.contains(QStringLiteral("17")) && pt.contains(QStringLiteral("23")), qPrintable(what));
        if (code == Code::ChecksTooDeep) QVERIFY2(pt.contains(QStringLiteral("23")), qPrintable(what));
        ++checked;
    }
    QCOMPARE(checked, static_cast<int>(Code::Last)); // every code but None
    QVERIFY(fluxolab::app::setLanguage(before.isEmpty() ? QStringLiteral("pt_PT") : before));
}

void TranslationsTest::everyStreamJobErrorIsInTheUiLanguage() {
    // sim/stream's validate reports a job it refuses as a code with its numbers; the app's text is made
    // with tr() (ErrorTexts::jobError), fluxolab-cli's English in labs (jobErrorText). For every code:
    // the pt_PT text differs from the English one, has no English words of FluxoLab's own (Flink's class
    // names and formulas aside) and names the numbers the code carries.
    using C = fluxolab::labs::JobErrorCode;
    const QString before = fluxolab::app::currentLanguage();
    static const QRegularExpression english(
        QStringLiteral("\\b(the|must|is not|needs|between|positive|negative|window|windows|size|slide|step|gap|"
                       "offset|allowed|lateness|bound|interval|timeout|puts|every|element|builds|most|have|here)\\b"));
    int checked = 0;
    for (int i = static_cast<int>(C::None) + 1; i <= static_cast<int>(C::CumulateOffset); ++i) {
        fluxolab::labs::JobError e;
        e.code = static_cast<C>(i);
        e.a = 617;
        e.b = 829;
        e.c = 4513;
        QVERIFY2(!fluxolab::labs::jobErrorText(e).empty(), qPrintable(QStringLiteral("code %1 has no CLI English").arg(i)));
        QVERIFY(fluxolab::app::setLanguage(QStringLiteral("en")));
        const QString en = fluxolab::app::ErrorTexts::jobError(e);
        QVERIFY(fluxolab::app::setLanguage(QStringLiteral("pt_PT")));
        const QString pt = fluxolab::app::ErrorTexts::jobError(e);
        const QString what = QStringLiteral("code %1: %2").arg(i).arg(pt);
        QVERIFY2(!pt.isEmpty() && pt != en, qPrintable(what));
        QString own = pt; // Flink's own names and formulas stay as Flink writes them
        for (const char* flink : {"TumblingEventTimeWindows", "SlidingEventTimeWindows", "abs(offset) < size",
                                  "abs(offset) < slide", "HOP", "Flink SQL", "FluxoLab"})
            own.remove(QLatin1String(flink));
        QVERIFY2(!own.contains(english), qPrintable(what));
        QVERIFY2(pt.contains(QStringLiteral("617")), qPrintable(what));
        const bool two = e.code == C::TumbleOffset || e.code == C::HopSizeSlide || e.code == C::HopOffset ||
                         e.code == C::SqlHopNotMultiple || e.code == C::TooManyHopWindows || e.code == C::CumulateSizeStep ||
                         e.code == C::CumulateNotMultiple || e.code == C::TooManyCumulateWindows ||
                         e.code == C::CumulateOffset;
        if (two) QVERIFY2(pt.contains(QStringLiteral("829")), qPrintable(what));
        if (e.code == C::TooManyHopWindows || e.code == C::TooManyCumulateWindows)
            QVERIFY2(pt.contains(QStringLiteral("4513")) && pt.contains(QStringLiteral("1000")), qPrintable(what));
        ++checked;
    }
    QCOMPARE(checked, static_cast<int>(C::CumulateOffset));
    // Through the scenario check: a stream job whose settings do not go together.
    fluxolab::stream_observe::ScenarioStreamProblem p;
    p.kind = fluxolab::stream_observe::ScenarioStreamProblem::Kind::Job;
    p.path = "/stream_jobs/0";
    p.job.code = C::Parallelism;
    p.job.a = 12;
    QCOMPARE(fluxolab::app::ErrorTexts::scenarioStreamProblem(p),
             QStringLiteral("Em /stream_jobs/0: as definições do job de stream não são compatíveis entre si: o paralelismo é 12; tem de estar "
                            "entre 1 e 8"));
    QVERIFY(fluxolab::app::setLanguage(before.isEmpty() ? QStringLiteral("pt_PT") : before));
}

void TranslationsTest::everyReplayErrorIsInTheUiLanguage() {
    // fluxolab-cli replay's argument errors (labs::ReplayError) as the stream view shows them for the
    // terminal's replay, and a topic run's / a scenario's stream problems met when attaching or while
    // feeding: every code in both languages, the pt_PT text with none of FluxoLab's English words and
    // with the option and the values the code carries.
    using C = fluxolab::labs::ReplayErrorCode;
    const QString before = fluxolab::app::currentLanguage();
    const QSet<C> withValue = {C::TwoTraces, C::GivenTwice, C::MonotonousNoBound, C::NeedsBound, C::UnknownWatermark,
                               C::NotADuration, C::BadParallelism, C::BadPartitions, C::NeedsTwoDurations,
                               C::UnknownWindow, C::BadWindowTime, C::BadLate, C::CountTakesNoField, C::UnknownAgg,
                               C::AggNeedsField, C::UnknownProcess, C::InactivityNotPositive, C::BadLang, C::BadCrashAt,
                               C::BadTimeFormat, C::BadFormat, C::BadDelimiter, C::BadOnError};
    const QSet<C> withOption = {C::UnknownOption, C::NeedsValue, C::GivenTwice, C::NotADuration};
    static const QRegularExpression english(QStringLiteral(
        "\\b(the|must|is not|needs|given|twice|unknown|required|exclude|each other|only one|does not|there is|"
        "missing|positive|integer|number|elements|before|file|value|field|example|e\\.g\\.)\\b"));
    int checked = 0;
    for (int i = static_cast<int>(C::None) + 1; i <= static_cast<int>(C::Job); ++i) {
        fluxolab::labs::ReplayError e;
        e.code = static_cast<C>(i);
        e.option = "--opt7";
        e.value = "V7q";
        e.value2 = "W8r";
        e.trace.code = fluxolab::traces::TraceErrorCode::NoSuchFile;
        e.trace.file = "/tmp/dados.csv";
        e.job.code = fluxolab::labs::JobErrorCode::Parallelism;
        e.job.a = 617;
        QVERIFY2(!fluxolab::labs::replayErrorText(e).empty(), qPrintable(QStringLiteral("code %1 has no CLI English").arg(i)));
        QVERIFY(fluxolab::app::setLanguage(QStringLiteral("en")));
        const QString en = fluxolab::app::ErrorTexts::replayError(e);
        QVERIFY(fluxolab::app::setLanguage(QStringLiteral("pt_PT")));
        const QString pt = fluxolab::app::ErrorTexts::replayError(e);
        const QString what = QStringLiteral("code %1: %2").arg(i).arg(pt);
        QVERIFY2(!pt.isEmpty() && pt != en, qPrintable(what));
        QString own = pt; // without the parameters and Flink's names (withIdleness, restart-strategy none)
        for (const char* kept : {"V7q", "W8r", "--opt7", "withIdleness", "restart-strategy none", "dados.csv"})
            own.remove(QLatin1String(kept));
        QVERIFY2(!own.contains(english), qPrintable(what));
        if (e.code == C::Trace) {
            QVERIFY2(pt.contains(QStringLiteral("dados.csv")), qPrintable(what));
        } else {
            QVERIFY2(pt.startsWith(QStringLiteral("fluxolab-cli replay: ")), qPrintable(what));
        }
        if (withValue.contains(e.code)) QVERIFY2(pt.contains(QStringLiteral("V7q")), qPrintable(what));
        if (e.code == C::TwoTraces || e.code == C::GivenTwice) QVERIFY2(pt.contains(QStringLiteral("W8r")), qPrintable(what));
        if (withOption.contains(e.code)) QVERIFY2(pt.contains(QStringLiteral("--opt7")), qPrintable(what));
        if (e.code == C::Job) QVERIFY2(pt.contains(QStringLiteral("617")), qPrintable(what));
        ++checked;
    }
    QCOMPARE(checked, static_cast<int>(C::Job));
    // A trace fed into a topic, or a scenario's stream job, that cannot run (TopicStreamRun::errorInfo,
    // ScenarioStreams::problem): every kind.
    using K = fluxolab::stream_observe::TopicRunError::Kind;
    for (int i = static_cast<int>(K::None) + 1; i <= static_cast<int>(K::FeedNotDelivered); ++i) {
        fluxolab::stream_observe::TopicRunError e;
        e.kind = static_cast<K>(i);
        e.topic = "cliques7";
        e.job.code = fluxolab::labs::JobErrorCode::Partitions;
        e.job.a = 2048;
        e.trace.code = fluxolab::traces::TraceErrorCode::NulBytes;
        e.trace.file = "/tmp/dados.csv";
        e.trace.line = 3;
        e.source.code = fluxolab::labs::SourceErrorCode::JobMismatch;
        e.source.topic = "cliques7";
        e.source.jobTopic = "Src-D5z";
        e.source.jobPartitions = 6;
        e.source.topicPartitions = 9;
        e.kafka = fluxolab::labs::ErrorCode::REQUEST_TIMED_OUT;
        e.partition = 5;
        e.count = 4321;
        QVERIFY(fluxolab::app::setLanguage(QStringLiteral("en")));
        const QString en = fluxolab::app::ErrorTexts::topicRunError(e);
        QVERIFY(fluxolab::app::setLanguage(QStringLiteral("pt_PT")));
        const QString pt = fluxolab::app::ErrorTexts::topicRunError(e);
        const QString what = QStringLiteral("kind %1: %2").arg(i).arg(pt);
        QVERIFY2(!pt.isEmpty() && pt != en, qPrintable(what));
        QString own = pt;
        own.remove(QStringLiteral("Src-D5z"));
        own.remove(QStringLiteral("dados.csv"));
        QVERIFY2(!own.contains(english), qPrintable(what));
        const bool feed = e.kind == K::FeedRefused || e.kind == K::FeedNotDelivered;
        if (e.kind == K::NoSuchTopic || e.kind == K::Internal || feed)
            QVERIFY2(pt.contains(QStringLiteral("cliques7")), qPrintable(what));
        if (e.kind == K::Job) QVERIFY2(pt.contains(QStringLiteral("2048")), qPrintable(what));
        if (e.kind == K::Trace) QVERIFY2(pt.contains(QStringLiteral("Linha 3")), qPrintable(what));
        if (e.kind == K::Internal)
            QVERIFY2(pt.contains(QStringLiteral("Src-D5z")) && pt.contains(QStringLiteral("6")) && pt.contains(QStringLiteral("9")),
                     qPrintable(what));
        if (feed) QVERIFY2(pt.contains(QStringLiteral("REQUEST_TIMED_OUT")) && pt.contains(QStringLiteral("4321")), qPrintable(what));
        if (e.kind == K::FeedNotDelivered) QVERIFY2(pt.contains(QStringLiteral("partição 5")), qPrintable(what));
    }
    // Every reason a topic source refuses a job (labs::SourceError, the engine's stream::SourceError), and the feed texts.
    using SC = fluxolab::labs::SourceErrorCode;
    for (int i = static_cast<int>(SC::None) + 1; i <= static_cast<int>(SC::PollInterval); ++i) {
        fluxolab::labs::SourceError e;
        e.code = static_cast<SC>(i);
        e.topic = "cliques7";
        e.jobTopic = "Src-D5z";
        e.jobPartitions = 6;
        e.topicPartitions = 9;
        e.value = -250;
        QVERIFY2(!fluxolab::labs::sourceErrorText(e).empty(), qPrintable(QStringLiteral("source code %1 has no CLI English").arg(i)));
        QVERIFY(fluxolab::app::setLanguage(QStringLiteral("en")));
        const QString en = fluxolab::app::ErrorTexts::sourceError(e);
        QVERIFY(fluxolab::app::setLanguage(QStringLiteral("pt_PT")));
        const QString pt = fluxolab::app::ErrorTexts::sourceError(e);
        const QString what = QStringLiteral("source code %1: %2").arg(i).arg(pt);
        QVERIFY2(!pt.isEmpty() && pt != en, qPrintable(what));
        QString own = pt;
        own.remove(QStringLiteral("Src-D5z"));
        QVERIFY2(!own.contains(english), qPrintable(what));
        if (e.code == SC::NoSuchTopic || e.code == SC::JobMismatch) QVERIFY2(pt.contains(QStringLiteral("cliques7")), qPrintable(what));
        if (e.code == SC::JobMismatch) QVERIFY2(pt.contains(QStringLiteral("Src-D5z")), qPrintable(what));
        if (e.code == SC::PollInterval) QVERIFY2(pt.contains(QStringLiteral("-250")), qPrintable(what));
    }
    using PK = fluxolab::stream_observe::ScenarioStreamProblem::Kind;
    for (const PK kind : {PK::NoSuchTopic, PK::NoEventTimeField, PK::Internal, PK::FeedRefused, PK::FeedNotDelivered}) {
        fluxolab::stream_observe::ScenarioStreamProblem p;
        p.kind = kind;
        p.path = "/trace_feeds/1/trace";
        p.value = "cliques7";
        p.source.code = fluxolab::labs::SourceErrorCode::JobMismatch;
        p.source.topic = "cliques7";
        p.source.jobTopic = "Src-D5z";
        p.kafka = fluxolab::labs::ErrorCode::REQUEST_TIMED_OUT;
        p.partition = 2;
        p.count = 77;
        QVERIFY(fluxolab::app::setLanguage(QStringLiteral("en")));
        const QString en = fluxolab::app::ErrorTexts::scenarioStreamProblem(p);
        QVERIFY(fluxolab::app::setLanguage(QStringLiteral("pt_PT")));
        const QString pt = fluxolab::app::ErrorTexts::scenarioStreamProblem(p);
        QVERIFY2(pt != en && pt.startsWith(QStringLiteral("Em /trace_feeds/1/trace: ")), qPrintable(pt));
        QString own = pt;
        own.remove(QStringLiteral("Src-D5z"));
        QVERIFY2(!own.contains(english), qPrintable(pt));
    }
    QVERIFY(fluxolab::app::setLanguage(before.isEmpty() ? QStringLiteral("pt_PT") : before));
}

void TranslationsTest::brokenScenarioFileIsToldInPortuguese() {
    // End to end: File > Open of a broken scenario file under pt_PT; the message the user reads.
    const QString before = fluxolab::app::currentLanguage();
    QVERIFY(fluxolab::app::setLanguage(QStringLiteral("pt_PT")));
    QTemporaryDir dir;
    struct Case {
        const char* name;
        QByteArray text;
        QString expected;
    };
    const Case cases[] = {
        {"vazio.json", "  \n", QStringLiteral("Linha 1: o ficheiro está vazio; um cenário é um objeto JSON")},
        {"brokers.json", "{\n  \"cluster\": {\"brokers\": 12}\n}\n",
         QStringLiteral("Linha 2, em /cluster/brokers: 12 está fora do intervalo: tem de estar entre 1 e 9")},
        {"sintaxe.json", "{\n  \"name\": \"x\",\n  \"topics\": [ }\n", QStringLiteral("Linha 3: o ficheiro não é JSON válido: o erro está na coluna 15 desta linha")},
        {"topico.json", "{\"topics\": [{\"name\": \"a b\"}]}",
         QStringLiteral("Linha 1, em /topics/0/name: O Kafka recusá-lo-ia: Topic name is invalid: 'a b' contains one or "
                        "more characters other than ASCII alphanumerics, '.', '_' and '-' (INVALID_TOPIC_EXCEPTION)")},
        // What labs checks after the file parsed: a stream job's option, a trace feed's file.
        {"janela.json", "{\"topics\": [{\"name\": \"s\"}], \"stream_jobs\": [{\"id\": \"j\", \"topic\": \"s\", \"window\": \"tumble:0s\"}]}",
         QStringLiteral("Em /stream_jobs/0/window: a janela é \"tumble:0s\"; tem de ser tumble:TAMANHO")},
        {"feed.json", "{\"topics\": [{\"name\": \"s\"}], \"trace_feeds\": [{\"trace\": \"nao-existe.csv\", \"topic\": \"s\", "
                      "\"pacing\": \"event_time\"}]}",
         QStringLiteral("Em /trace_feeds/0/trace: Não foi possível carregar o traço /")}, // the whole path it looked for
    };
    for (const Case& c : cases) {
        const QString path = dir.filePath(QString::fromLatin1(c.name));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(c.text);
        f.close();
        fluxolab::app::MainWindow w;
        QString error;
        QVERIFY(!w.openScenario(path, false, &error));
        QVERIFY2(error.startsWith(QStringLiteral("O ficheiro de cenário ")), qPrintable(error));
        QVERIFY2(error.contains(c.expected), qPrintable(error));
        QVERIFY2(!error.contains(QStringLiteral("must be")) && !error.contains(QStringLiteral("the file")), qPrintable(error));
    }
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
