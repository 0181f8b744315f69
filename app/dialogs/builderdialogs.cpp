#include "app/dialogs/builderdialogs.h"

#include "app/core/simulationcontroller.h"
#include "app/core/texts.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace fluxolab::app {

namespace {

QLabel* errorLabel(QWidget* parent) {
    auto* l = new QLabel(parent);
    l->setObjectName(QStringLiteral("error"));
    l->setWordWrap(true);
    // Red and bold through the palette and a font that sets only the weight: the size is the
    // dialog's (14 pt in presentation mode). A style sheet's font-weight fixed the whole font at
    // the normal size.
    QPalette red;
    red.setColor(QPalette::WindowText, QColor(0xc0, 0x39, 0x2b));
    l->setPalette(red);
    QFont bold;
    bold.setBold(true);
    l->setFont(bold);
    l->hide();
    return l;
}

/// Shows a (word-wrapped, possibly long) error under the form. The dialog grows to the height the
/// wrapped text needs: without this the layout squeezes the fields to a few pixels to make room.
void showError(QLabel* label, const QString& text) {
    label->setText(text);
    label->show();
    QWidget* dialog = label->window();
    if (QLayout* l = dialog->layout()) {
        l->activate();
        const int need = l->hasHeightForWidth() ? l->totalHeightForWidth(dialog->width()) : l->totalMinimumSize().height();
        dialog->setMinimumHeight(std::max(l->totalMinimumSize().height(), need));
        if (dialog->height() < need) dialog->resize(dialog->width(), need);
    }
}

QDialogButtonBox* buttons(QDialog* d, const std::function<void()>& ok) {
    auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, d);
    QObject::connect(box, &QDialogButtonBox::accepted, d, ok);
    QObject::connect(box, &QDialogButtonBox::rejected, d, &QDialog::reject);
    return box;
}

QStringList userTopics(const SimulationController* c) {
    QStringList out;
    if (!c->hasRun()) return out;
    for (const auto& t : c->observation().topics) // by name
        if (!t.internal) out << QString::fromStdString(t.name);
    return out;
}

void fillAssignors(QComboBox* box) {
    for (auto k : {labs::AssignorKind::Range, labs::AssignorKind::RoundRobin, labs::AssignorKind::Sticky, labs::AssignorKind::CooperativeSticky})
        box->addItem(Texts::assignor(static_cast<std::int32_t>(k)) + QStringLiteral(" · ") +
                         Texts::rebalanceProtocol(static_cast<std::int32_t>(k)),
                     static_cast<int>(k));
}

} // namespace

// ---- create topic ----

CreateTopicDialog::CreateTopicDialog(SimulationController* controller, QWidget* parent)
    : QDialog(parent), m_controller(controller) {
    setWindowTitle(tr("Create topic"));
    auto* column = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    //: The default name of a new topic: a valid Kafka topic name (ASCII letters, digits, '.', '_', '-').
    m_name = new QLineEdit(tr("new-topic"), this);
    m_partitions = new QSpinBox(this);
    // Kafka's own bound (a controller writes at most 10000 metadata records per operation), which
    // the simulation enforces too; the cluster view aggregates what does not fit.
    const int maxPartitions = labs::maxPartitionsForNewTopic(0);
    m_partitions->setRange(1, maxPartitions);
    m_partitions->setValue(3);
    m_rf = new QSpinBox(this);
    m_rf->setRange(1, 100);
    const int brokers = controller->hasRun() ? std::max(1, static_cast<int>(controller->observation().brokers.size())) : 1;
    m_rf->setValue(std::min(3, brokers));
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Partitions:"), m_partitions);
    form->addRow(tr("Replication factor:"), m_rf);
    column->addLayout(form);
    auto* hint = new QLabel(tr("As kafka-topics --create --topic NAME --partitions P --replication-factor R"), this);
    hint->setWordWrap(true);
    column->addWidget(hint);
    m_limits = new QLabel(tr("At most %1 partitions: a Kafka controller writes at most %2 metadata records per operation "
                             "(one for the topic, one per partition). The replication factor cannot exceed the number "
                             "of brokers (%3): each replica lives on a different broker.")
                              .arg(maxPartitions)
                              .arg(labs::kMaxRecordsPerUserOp)
                              .arg(brokers),
                          this);
    m_limits->setObjectName(QStringLiteral("limits"));
    m_limits->setWordWrap(true);
    column->addWidget(m_limits);
    m_error = errorLabel(this);
    column->addWidget(m_error);
    column->addWidget(buttons(this, [this] { tryCreate(); }));
}

void CreateTopicDialog::setValues(const QString& name, int partitions, int replicationFactor) {
    m_name->setText(name);
    m_partitions->setValue(partitions);
    m_rf->setValue(replicationFactor);
}

int CreateTopicDialog::partitions() const { return m_partitions->value(); }

QString CreateTopicDialog::errorText() const { return m_error->isHidden() ? QString() : m_error->text(); }

bool CreateTopicDialog::tryCreate() {
    QString error;
    if (m_controller->createTopic(m_name->text().trimmed().toStdString(), m_partitions->value(), m_rf->value(), &error)) {
        m_error->hide();
        accept();
        return true;
    }
    showError(m_error, error);
    return false;
}

// ---- add producer ----

AddProducerDialog::AddProducerDialog(SimulationController* controller, QWidget* parent)
    : QDialog(parent), m_controller(controller) {
    setWindowTitle(tr("Add producer"));
    auto* column = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_topic = new QComboBox(this);
    m_topic->addItems(userTopics(controller));
    m_rate = new QDoubleSpinBox(this);
    m_rate->setRange(0.1, 100000);
    m_rate->setValue(10);
    m_rate->setSuffix(tr(" records/s"));
    m_keyKind = new QComboBox(this);
    m_keyKind->addItem(tr("uniform keys"), static_cast<int>(labs::KeySpec::Kind::Uniform));
    m_keyKind->addItem(tr("skewed keys (Zipf)"), static_cast<int>(labs::KeySpec::Kind::Zipf));
    m_keyKind->addItem(tr("keys in sequence"), static_cast<int>(labs::KeySpec::Kind::Sequence));
    m_keyKind->addItem(tr("no key (null)"), static_cast<int>(labs::KeySpec::Kind::Null));
    m_keyCount = new QSpinBox(this);
    m_keyCount->setRange(1, 100000);
    m_keyCount->setValue(8);
    //: The default prefix of a new producer's keys ("customer-0", "customer-1", …): ASCII, no spaces.
    m_prefix = new QLineEdit(tr("customer-"), this);
    form->addRow(tr("Topic:"), m_topic);
    form->addRow(tr("Rate:"), m_rate);
    form->addRow(tr("Keys:"), m_keyKind);
    form->addRow(tr("Distinct keys:"), m_keyCount);
    form->addRow(tr("Key prefix:"), m_prefix);
    column->addLayout(form);
    m_error = errorLabel(this);
    column->addWidget(m_error);
    if (m_topic->count() == 0) {
        showError(m_error, tr("Create a topic first."));
    }
    column->addWidget(buttons(this, [this] {
        if (apply()) accept();
    }));
}

bool AddProducerDialog::apply() {
    if (m_topic->currentText().isEmpty()) return false;
    labs::KeySpec keys;
    keys.kind = static_cast<labs::KeySpec::Kind>(m_keyKind->currentData().toInt());
    keys.count = m_keyCount->value();
    keys.prefix = m_prefix->text().toStdString();
    return !m_controller->addProducer(m_topic->currentText().toStdString(), m_rate->value(), keys).empty();
}

// ---- add consumer ----

AddConsumerDialog::AddConsumerDialog(SimulationController* controller, QWidget* parent)
    : QDialog(parent), m_controller(controller) {
    setWindowTitle(tr("Add consumer"));
    auto* column = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_group = new QComboBox(this);
    m_group->setEditable(true);
    if (controller->hasRun())
        for (const auto& g : controller->observation().groups) // by name
            if (!g.internal) m_group->addItem(QString::fromStdString(g.name));
    //: The default name of a new consumer group: ASCII letters, digits, '.', '_', '-'.
    if (m_group->count() == 0) m_group->setEditText(tr("group-1"));
    m_topics = new QListWidget(this);
    for (const QString& t : userTopics(controller)) {
        auto* item = new QListWidgetItem(t, m_topics);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    m_topics->setMaximumHeight(120);
    m_assignor = new QComboBox(this);
    fillAssignors(m_assignor);
    form->addRow(tr("Group:"), m_group);
    form->addRow(tr("Topics:"), m_topics);
    form->addRow(tr("Assignor:"), m_assignor);
    column->addLayout(form);
    m_error = errorLabel(this);
    column->addWidget(m_error);
    column->addWidget(buttons(this, [this] {
        if (apply() >= 0) accept();
    }));
}

std::int32_t AddConsumerDialog::apply() {
    const QString group = m_group->currentText().trimmed();
    std::vector<std::string> topics;
    for (int i = 0; i < m_topics->count(); ++i)
        if (m_topics->item(i)->checkState() == Qt::Checked) topics.push_back(m_topics->item(i)->text().toStdString());
    if (group.isEmpty() || topics.empty()) {
        showError(m_error, group.isEmpty() ? tr("Type a group name.") : tr("Pick at least one topic (create one first)."));
        return -1;
    }
    return m_controller->addConsumer(group.toStdString(), topics, static_cast<labs::AssignorKind>(m_assignor->currentData().toInt()));
}

// ---- toolbar ----

ScenarioBuilder::ScenarioBuilder(QMainWindow* window, SimulationController* controller)
    : QObject(window), m_window(window), m_controller(controller) {
    auto make = [this](const char* name) {
        auto* a = new QAction(m_window);
        a->setObjectName(QString::fromLatin1(name));
        m_window->addAction(a);
        return a;
    };
    m_new = make("newScenario");
    m_topic = make("createTopic");
    m_producer = make("addProducer");
    m_remove = make("removeConsumer");
    connect(m_new, &QAction::triggered, this, &ScenarioBuilder::newScenario);
    connect(m_topic, &QAction::triggered, this, &ScenarioBuilder::createTopic);
    connect(m_producer, &QAction::triggered, this, &ScenarioBuilder::addProducer);
    connect(m_remove, &QAction::triggered, this, &ScenarioBuilder::removeConsumer);
    window->installEventFilter(this);
    retranslate();
}

void ScenarioBuilder::install(QMenu* menu) {
    // The main window puts these actions on its toolbar's "Scenario" menu button as well.
    menu->addSeparator();
    for (QAction* a : {m_new, m_topic, m_producer, m_remove}) menu->addAction(a);
    retranslate();
}

bool ScenarioBuilder::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_window && event->type() == QEvent::LanguageChange) retranslate();
    return QObject::eventFilter(watched, event);
}

void ScenarioBuilder::retranslate() {
    m_new->setText(tr("&New scenario"));
    m_new->setToolTip(tr("Start an empty cluster (3 brokers) and build a scenario from the toolbar"));
    m_topic->setText(tr("Create &topic…"));
    m_topic->setToolTip(tr("kafka-topics --create: name, partitions, replication factor"));
    m_producer->setText(tr("Add p&roducer…"));
    m_producer->setToolTip(tr("A producer sending keyed records to a topic"));
    m_remove->setText(tr("&Remove consumer…"));
    m_remove->setToolTip(tr("Close a consumer (it leaves its group: watch the rebalance)"));
}

void ScenarioBuilder::newScenario() { m_controller->newScenario(); }

void ScenarioBuilder::createTopic() {
    if (!m_controller->hasRun()) return;
    CreateTopicDialog d(m_controller, m_window);
    d.exec();
}

void ScenarioBuilder::addProducer() {
    if (!m_controller->hasRun()) return;
    AddProducerDialog d(m_controller, m_window);
    d.exec();
}

void ScenarioBuilder::addConsumer() {
    if (!m_controller->hasRun()) return;
    AddConsumerDialog d(m_controller, m_window);
    d.exec();
}

void ScenarioBuilder::removeConsumer() {
    if (!m_controller->hasRun()) return;
    QStringList names;
    std::vector<std::int32_t> indices;
    const auto& consumers = m_controller->observation().consumers; // by client index
    for (std::size_t i = 0; i < consumers.size(); ++i)
        if (!consumers[i].closed) {
            names << QString::fromStdString(consumers[i].client_id);
            indices.push_back(static_cast<std::int32_t>(i));
        }
    if (names.isEmpty()) return;
    bool ok = false;
    const QString pick = QInputDialog::getItem(m_window, tr("Remove consumer"), tr("Consumer to close:"), names, 0, false, &ok);
    if (ok) m_controller->removeConsumer(indices[static_cast<std::size_t>(names.indexOf(pick))]);
}

} // namespace fluxolab::app
