#include "tests/app/tst_words.h"
#include "labs/backend/scenario_errors.h"

#include "app/core/errortexts.h"
#include "app/core/language.h"
#include "app/core/texts.h"
#include "labs/observe/sim_observer.h"
#include "sim/scenario.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <memory>

using namespace fluxolab;

namespace {
QString cancelText(const QDialogButtonBox& box) {
    return box.button(QDialogButtonBox::Cancel)->text();
}

QFileDialog* widgetFileDialog() {
    auto* d = new QFileDialog(nullptr, QStringLiteral("x"), QDir::tempPath());
    d->setOption(QFileDialog::DontUseNativeDialog);
    return d;
}
QString labelText(const QFileDialog& d, const char* name) {
    const auto* l = d.findChild<QLabel*>(QString::fromLatin1(name));
    return l ? l->text() : QStringLiteral("<no label %1>").arg(QString::fromLatin1(name));
}
} // namespace

void WordsTest::cleanup() {
    app::setLanguage(QStringLiteral("pt_PT"));
}

void WordsTest::standardButtonsFollowTheLanguage() {
    QVERIFY(app::setLanguage(QStringLiteral("pt_PT")));
    QVERIFY2(!app::qtTranslationFiles().isEmpty(), "no Qt translation loaded for pt_PT");
    QDialogButtonBox box(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Save);
    QCOMPARE(cancelText(box), QStringLiteral("Cancelar"));
    QCOMPARE(box.button(QDialogButtonBox::Save)->text(), QStringLiteral("Guardar"));
    QMessageBox mb(QMessageBox::Question, QStringLiteral("t"), QStringLiteral("q"),
                   QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel);
    QCOMPARE(mb.button(QMessageBox::Cancel)->text(), QStringLiteral("Cancelar"));
    QCOMPARE(mb.button(QMessageBox::Yes)->text(), QStringLiteral("&Sim"));

    QVERIFY(app::setLanguage(QStringLiteral("en")));
    QVERIFY(app::qtTranslationFiles().isEmpty());
    QDialogButtonBox en(QDialogButtonBox::Cancel);
    QCOMPARE(cancelText(en), QStringLiteral("Cancel"));
}

void WordsTest::fileDialogIsPortugueseUnderPtPt() {
    QVERIFY(app::setLanguage(QStringLiteral("pt_PT")));
    std::unique_ptr<QFileDialog> d(widgetFileDialog());
    d->setAcceptMode(QFileDialog::AcceptOpen);
    const auto* box = d->findChild<QDialogButtonBox*>(QStringLiteral("buttonBox"));
    QVERIFY(box);
    QCOMPARE(cancelText(*box), QStringLiteral("Cancelar"));
    QCOMPARE(box->button(QDialogButtonBox::Open)->text(), QStringLiteral("&Abrir"));
    QCOMPARE(labelText(*d, "lookInLabel"), QStringLiteral("Procurar em:"));
    // European Portuguese ("ficheiro"), never the Brazilian catalogue ("arquivo").
    QVERIFY2(labelText(*d, "fileNameLabel").contains(QStringLiteral("Ficheiro"), Qt::CaseInsensitive),
             qPrintable(labelText(*d, "fileNameLabel")));
    QCOMPARE(labelText(*d, "fileTypeLabel"), QStringLiteral("Ficheiros do tipo:")); // Debian's qt_pt_PT.qm: "FIcheiros"
}

void WordsTest::liveSwitchRetranslatesOpenDialogs() {
    QVERIFY(app::setLanguage(QStringLiteral("en")));
    std::unique_ptr<QFileDialog> d(widgetFileDialog());
    QDialogButtonBox box(QDialogButtonBox::Cancel);
    d->show();
    box.show();
    const auto* fileBox = d->findChild<QDialogButtonBox*>(QStringLiteral("buttonBox"));
    QVERIFY(fileBox);
    QCOMPARE(cancelText(*fileBox), QStringLiteral("Cancel"));
    QCOMPARE(labelText(*d, "lookInLabel"), QStringLiteral("Look in:"));

    QVERIFY(app::setLanguage(QStringLiteral("pt_PT")));
    QCoreApplication::processEvents();
    QCOMPARE(cancelText(box), QStringLiteral("Cancelar"));
    QCOMPARE(cancelText(*fileBox), QStringLiteral("Cancelar"));
    QCOMPARE(labelText(*d, "lookInLabel"), QStringLiteral("Procurar em:"));

    QVERIFY(app::setLanguage(QStringLiteral("en")));
    QCoreApplication::processEvents();
    QCOMPARE(cancelText(box), QStringLiteral("Cancel"));
    QCOMPARE(cancelText(*fileBox), QStringLiteral("Cancel"));
}

void WordsTest::actorEventsNameTheActor() {
    QVERIFY(app::setLanguage(QStringLiteral("pt_PT")));
    sim::Simulation s(sim::ClusterConfig{}, 7);
    sim::ProducerConfig pc;
    pc.client_id = "produtor-encomendas";
    s.addProducer(pc);
    sim::ConsumerConfig cc;
    cc.group_id = "faturacao";
    cc.client_id = "consumidor-faturacao";
    s.addConsumer(cc);
    QStringList texts;
    for (const sim::Event& e : s.journal().events())
        if (e.type == sim::EventType::ProducerAdded || e.type == sim::EventType::ConsumerAdded)
            texts << app::Texts::event(labs::observe::shownEvent(s.journal(), e));
    QCOMPARE(texts, (QStringList{QStringLiteral("Produtor produtor-encomendas arrancou"),
                                 QStringLiteral("Consumidor consumidor-faturacao arrancou")}));
}

void WordsTest::noEventTextHasAMissingName() {
    // Every event of a bundled scenario, in both languages: a missing name shows as a doubled or
    // trailing space ("Produtor  arrancou").
    sim::ScenarioError err;
    const auto scenario =
        sim::loadScenarioFile(FLUXOLAB_SOURCE_DIR "/assets/scenarios/rebalance-basico.json", err);
    QVERIFY2(scenario, fluxolab::labs::scenarioErrorText(err).c_str());
    sim::ScenarioRun run(*scenario, scenario->seed);
    run.runUntil(20000);
    const sim::Journal& j = run.sim().journal();
    QVERIFY(j.size() > 100);
    for (const QString& lang : {QStringLiteral("pt_PT"), QStringLiteral("en")}) {
        QVERIFY(app::setLanguage(lang));
        for (const sim::Event& e : j.events()) {
            const QString text = app::Texts::event(labs::observe::shownEvent(j, e));
            QVERIFY2(
                !text.contains(QStringLiteral("  ")) && !text.endsWith(QLatin1Char(' ')) &&
                    !text.startsWith(QLatin1Char(' ')),
                qPrintable(
                    QStringLiteral("%1: '%2'").arg(QString::fromLatin1(sim::eventTypeName(e.type)), text)));
        }
    }
}

void WordsTest::metadataTimeoutNamesNoPartition() {
    // A send() that waits max.block.ms for metadata fails before a partition is chosen (the journal's
    // partition is -1, KafkaProducer.waitOnMetadata's "Topic orders not present in metadata after 1000 ms."):
    // the text names the topic alone and says what METADATA_TIMEOUT means, in both languages.
    sim::ClusterConfig config;
    config.brokers = 1;
    sim::Simulation s(config, 7);
    QVERIFY(s.createTopic("orders", 1, 1).error == sim::ErrorCode::NONE);
    s.runFor(2000);
    sim::ProducerConfig pc;
    pc.client_id = "p1";
    pc.max_block_ms = 1000;
    const auto producer = s.addProducer(pc);
    s.stopBroker(1, true);
    s.runFor(100);
    sim::ProducerRecord r;
    r.topic = "orders";
    r.value = "v";
    s.send(producer, r);
    s.runFor(5000);
    const sim::Event* failed = nullptr;
    for (const sim::Event& e : s.journal().events())
        if (e.type == sim::EventType::ProduceFailed && e.error == sim::ErrorCode::CLIENT_METADATA_TIMEOUT) failed = &e;
    QVERIFY(failed);
    QCOMPARE(failed->partition, -1);
    QVERIFY(app::setLanguage(QStringLiteral("en")));
    QCOMPARE(app::Texts::event(labs::observe::shownEvent(s.journal(), *failed)),
             QStringLiteral("orders: send by p1 failed before a partition was chosen: the topic was not in the metadata "
                            "within max.block.ms (METADATA_TIMEOUT)"));
    QCOMPARE(app::ErrorTexts::feedNotDelivered("orders", labs::ErrorCode::CLIENT_METADATA_TIMEOUT, -1, 3),
             QStringLiteral("3 records of the trace were not delivered to the topic \"orders\" (Kafka: the topic was "
                            "not in the metadata within max.block.ms (METADATA_TIMEOUT)): the producer gave them up"));
    QVERIFY(app::setLanguage(QStringLiteral("pt_PT")));
    QCOMPARE(app::Texts::event(labs::observe::shownEvent(s.journal(), *failed)),
             QStringLiteral("orders: o envio de p1 falhou antes de escolher uma partição: o tópico não apareceu nos "
                            "metadados dentro de max.block.ms (METADATA_TIMEOUT)"));
    QCOMPARE(app::ErrorTexts::feedNotDelivered("orders", labs::ErrorCode::CLIENT_METADATA_TIMEOUT, -1, 3),
             QStringLiteral("3 registos do traço não foram entregues ao tópico \"orders\" (Kafka: o tópico não "
                            "apareceu nos metadados dentro de max.block.ms (METADATA_TIMEOUT)): o produtor desistiu deles"));
}
