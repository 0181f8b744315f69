#include "app/stream/tracedialog.h"
#include "app/core/errortexts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace fluxolab::app {

using namespace stream_observe;

TraceDialog::TraceDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("traceDialog"));
    setWindowTitle(tr("Open trace"));
    auto* column = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    column->addLayout(form);
    auto* fileRow = new QHBoxLayout;
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("tracePath"));
    m_path->setMinimumWidth(320);
    auto* browse = new QToolButton(this);
    browse->setText(tr("Choose…"));
    connect(browse, &QToolButton::clicked, this, &TraceDialog::browse);
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browse);
    form->addRow(tr("File (CSV or JSON Lines):"), fileRow);
    const auto line = [this](const QString& name, const QString& text, const QString& placeholder = {}) {
        auto* e = new QLineEdit(text, this);
        e->setObjectName(name);
        e->setPlaceholderText(placeholder);
        return e;
    };
    m_timeField = line(QStringLiteral("timeField"), QStringLiteral("ts"));
    m_keyField = line(QStringLiteral("keyField"), QStringLiteral("key"));
    m_arrivalField = line(QStringLiteral("arrivalField"), QString(), tr("none: file order is arrival order"));
    m_partitionField = line(QStringLiteral("partitionField"), QString(), tr("none: one partition"));
    form->addRow(tr("Event time field:"), m_timeField);
    form->addRow(tr("Key field:"), m_keyField);
    form->addRow(tr("Arrival (processing time) field:"), m_arrivalField);
    form->addRow(tr("Partition field:"), m_partitionField);
    auto* csvRow = new QHBoxLayout;
    m_delimiter = new QComboBox(this);
    m_delimiter->setObjectName(QStringLiteral("delimiter"));
    m_delimiter->addItem(tr("detect from the header"), 0);
    m_delimiter->addItem(tr("comma ( , )"), static_cast<int>(','));
    m_delimiter->addItem(tr("semicolon ( ; )"), static_cast<int>(';'));
    m_onError = new QComboBox(this);
    m_onError->setObjectName(QStringLiteral("onError"));
    m_onError->addItem(tr("stop at the first bad line"), false);
    m_onError->addItem(tr("skip bad lines and count them"), true);
    csvRow->addWidget(m_delimiter, 1);
    csvRow->addWidget(new QLabel(tr("bad lines:"), this));
    csvRow->addWidget(m_onError, 1);
    form->addRow(tr("CSV delimiter:"), csvRow);

    auto* wmRow = new QHBoxLayout;
    m_watermark = new QComboBox(this);
    m_watermark->setObjectName(QStringLiteral("watermarkStrategy"));
    m_watermark->addItem(tr("bounded out-of-orderness (max − bound − 1 ms)"), QStringLiteral("bounded"));
    m_watermark->addItem(tr("monotonous (max − 1 ms)"), QStringLiteral("monotonous"));
    m_watermark->addItem(tr("SQL: ts − INTERVAL (no − 1 ms)"), QStringLiteral("sql"));
    m_bound = line(QStringLiteral("bound"), QStringLiteral("5s"));
    m_bound->setMaximumWidth(90);
    wmRow->addWidget(m_watermark, 1);
    wmRow->addWidget(new QLabel(tr("bound:"), this));
    wmRow->addWidget(m_bound);
    form->addRow(tr("Watermark strategy:"), wmRow);
    connect(m_watermark, &QComboBox::currentIndexChanged, this, [this] {
        m_bound->setEnabled(m_watermark->currentData().toString() != QStringLiteral("monotonous"));
    });

    auto* winRow = new QHBoxLayout;
    m_window = new QComboBox(this);
    m_window->setObjectName(QStringLiteral("windowKind"));
    m_window->addItem(tr("tumbling (TUMBLE)"), QStringLiteral("tumble"));
    m_window->addItem(tr("sliding (HOP)"), QStringLiteral("hop"));
    m_window->addItem(tr("session (SESSION)"), QStringLiteral("session"));
    m_window->addItem(tr("cumulative (CUMULATE)"), QStringLiteral("cumulate"));
    m_size = line(QStringLiteral("windowSize"), QStringLiteral("60s"));
    m_size->setMaximumWidth(90);
    m_second = line(QStringLiteral("windowSecond"), QStringLiteral("10s"));
    m_second->setMaximumWidth(90);
    m_secondLabel = new QLabel(this);
    winRow->addWidget(m_window, 1);
    winRow->addWidget(m_secondLabel);
    winRow->addWidget(m_second);
    auto* sizeLabel = new QLabel(this);
    winRow->addWidget(sizeLabel);
    winRow->addWidget(m_size);
    const auto windowChanged = [this, sizeLabel] {
        const QString k = m_window->currentData().toString();
        const bool two = k == QStringLiteral("hop") || k == QStringLiteral("cumulate");
        m_second->setVisible(two);
        m_secondLabel->setVisible(two);
        m_secondLabel->setText(k == QStringLiteral("hop") ? tr("slide:") : tr("step:"));
        sizeLabel->setText(k == QStringLiteral("session") ? tr("gap:") : tr("size:"));
    };
    connect(m_window, &QComboBox::currentIndexChanged, this, windowChanged);
    windowChanged();
    form->addRow(tr("Window:"), winRow);

    auto* aggRow = new QHBoxLayout;
    m_agg = new QComboBox(this);
    m_agg->setObjectName(QStringLiteral("aggregate"));
    for (const char* a : {"count", "sum", "min", "max", "avg", "collect"})
        m_agg->addItem(QString::fromLatin1(a), QString::fromLatin1(a));
    m_aggField = line(QStringLiteral("aggField"), QString(), tr("field"));
    aggRow->addWidget(m_agg, 1);
    aggRow->addWidget(m_aggField, 1);
    connect(m_agg, &QComboBox::currentIndexChanged, this,
            [this] { m_aggField->setEnabled(m_agg->currentIndex() > 0); });
    m_aggField->setEnabled(false);
    form->addRow(tr("Aggregate:"), aggRow);
    m_lateness = line(QStringLiteral("allowedLateness"), QStringLiteral("0s"));
    m_idle = line(QStringLiteral("idleTimeout"), QStringLiteral("0s"), tr("0s: off"));
    form->addRow(tr("Allowed lateness:"), m_lateness);
    form->addRow(tr("Idle timeout (withIdleness):"), m_idle);
    m_perEvent =
        new QCheckBox(tr("Watermark after every event (otherwise every 200 ms of processing time)"), this);
    m_perEvent->setObjectName(QStringLiteral("perEvent"));
    form->addRow(QString(), m_perEvent);
    m_parallelism = new QSpinBox(this);
    m_parallelism->setObjectName(QStringLiteral("parallelism"));
    m_parallelism->setRange(1, 8);
    m_parallelism->setToolTip(
        tr("Source and window subtasks (1 to 8); partition p is read by source subtask p mod N"));
    form->addRow(tr("Parallelism:"), m_parallelism);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("traceDialogError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_error->hide();
    column->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Run"));
    connect(buttons, &QDialogButtonBox::accepted, this, &TraceDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    column->addWidget(buttons);
}

void TraceDialog::setTopics(const QStringList& topics) {
    if (m_topic) return;
    setWindowTitle(tr("Send trace to a topic"));
    auto* form = findChild<QFormLayout*>();
    m_topic = new QComboBox(this);
    m_topic->setObjectName(QStringLiteral("traceTopic"));
    m_topic->addItems(topics);
    form->insertRow(1, tr("Into topic (key → partition by murmur2):"), m_topic);
    m_partitionField->clear();
    m_partitionField->setEnabled(false);
    m_partitionField->setPlaceholderText(tr("the topic's partitions"));
}

QString TraceDialog::topic() const {
    return m_topic ? m_topic->currentText() : QString();
}

int TraceDialog::parallelism() const {
    return m_parallelism->value();
}

void TraceDialog::browse() {
    const QString start = m_path->text().isEmpty() ? QDir::currentPath() : m_path->text();
    const QString p = QFileDialog::getOpenFileName(
        this, tr("Open trace"), start, tr("Traces (*.csv *.jsonl *.json *.ndjson);;All files (*)"));
    if (!p.isEmpty()) m_path->setText(p);
}

void TraceDialog::setPath(const QString& path) {
    m_path->setText(path);
}
QString TraceDialog::path() const {
    return m_path->text().trimmed();
}

void TraceDialog::setOptions(const RunOptions& o) {
    m_timeField->setText(QString::fromStdString(o.trace.timeField));
    m_keyField->setText(QString::fromStdString(o.trace.keyField));
    m_arrivalField->setText(QString::fromStdString(o.trace.arrivalField));
    m_partitionField->setText(QString::fromStdString(o.trace.partitionField));
    const auto& wm = o.job.watermark;
    m_watermark->setCurrentIndex(wm.kind == labs::WatermarkKind::BoundedOutOfOrderness ? 0
                                 : wm.kind == labs::WatermarkKind::Monotonous          ? 1
                                                                                         : 2);
    m_bound->setText(QString::fromStdString(durationText(wm.bound)));
    const auto& w = o.job.window;
    m_window->setCurrentIndex(static_cast<int>(w.kind));
    m_size->setText(
        QString::fromStdString(durationText(w.kind == labs::WindowKind::Session ? w.gap : w.size)));
    if (w.kind == labs::WindowKind::Hop) m_second->setText(QString::fromStdString(durationText(w.slide)));
    if (w.kind == labs::WindowKind::Cumulate)
        m_second->setText(QString::fromStdString(durationText(w.step)));
    m_agg->setCurrentIndex(static_cast<int>(o.job.agg));
    m_aggField->setText(QString::fromStdString(o.trace.valueField));
    m_lateness->setText(QString::fromStdString(durationText(w.allowedLateness)));
    m_idle->setText(QString::fromStdString(durationText(wm.idleTimeout)));
    m_perEvent->setChecked(wm.perEvent);
    m_parallelism->setValue(std::clamp(o.job.parallelism, 1, 8));
    m_delimiter->setCurrentIndex(o.trace.delimiter == ',' ? 1 : o.trace.delimiter == ';' ? 2 : 0);
    m_onError->setCurrentIndex(o.trace.skipErrors ? 1 : 0);
}

std::optional<RunOptions> TraceDialog::options(QString* error) const {
    RunOptions o;
    const auto fail = [&](const QString& m) -> std::optional<RunOptions> {
        if (error) *error = m;
        return std::nullopt;
    };
    if (path().isEmpty()) return fail(tr("Choose a trace file."));
    if (m_timeField->text().trimmed().isEmpty()) return fail(tr("The event time field cannot be empty."));
    o.trace.timeField = m_timeField->text().trimmed().toStdString();
    o.trace.keyField = m_keyField->text().trimmed().toStdString();
    o.trace.arrivalField = m_arrivalField->text().trimmed().toStdString();
    o.trace.partitionField = m_partitionField->text().trimmed().toStdString();
    const QString wk = m_watermark->currentData().toString();
    const std::string wmText = wk == QStringLiteral("monotonous")
                                   ? std::string("monotonous")
                                   : wk.toStdString() + ":" + m_bound->text().trimmed().toStdString();
    if (parseWatermarkOption(wmText, o.job.watermark))
        return fail(tr("The watermark bound \"%1\" is not a duration (examples: 5s, 200ms, 1m).")
                        .arg(m_bound->text()));
    const QString k = m_window->currentData().toString();
    const bool two = k == QStringLiteral("hop") || k == QStringLiteral("cumulate");
    const std::string winText = k.toStdString() + ":" +
                                (two ? m_second->text().trimmed().toStdString() + "," : std::string()) +
                                m_size->text().trimmed().toStdString();
    if (parseWindowOption(winText, o.job.window))
        return fail(tr("The window durations are not valid (examples: 60s, 10s and 1m)."));
    const QString agg = m_agg->currentData().toString();
    const std::string aggText = agg == QStringLiteral("count")
                                    ? std::string("count")
                                    : agg.toStdString() + ":" + m_aggField->text().trimmed().toStdString();
    if (parseAggOption(aggText, o))
        return fail(tr("The aggregate %1 needs the name of a numeric field.").arg(agg));
    const auto lateness = parseDurationText(m_lateness->text().trimmed().toStdString());
    if (!lateness)
        return fail(
            tr("The allowed lateness \"%1\" is not a duration (examples: 0s, 90s).").arg(m_lateness->text()));
    o.job.window.allowedLateness = *lateness;
    const auto idle = parseDurationText(m_idle->text().trimmed().toStdString());
    if (!idle)
        return fail(tr("The idle timeout \"%1\" is not a duration (examples: 0s, 10s).").arg(m_idle->text()));
    o.job.watermark.idleTimeout = *idle;
    o.job.watermark.perEvent = m_perEvent->isChecked();
    if (m_topic && m_topic->currentText().isEmpty()) return fail(tr("Choose a topic."));
    if (m_topic) o.trace.partitionField.clear();
    o.job.parallelism = m_parallelism->value();
    o.trace.delimiter = static_cast<char>(m_delimiter->currentData().toInt());
    o.trace.skipErrors = m_onError->currentData().toBool();
    if (const auto problem = labs::validateJob(o.job))
        return fail(tr("These options are not valid: %1").arg(ErrorTexts::jobError(*problem)));
    return o;
}

void TraceDialog::accept() {
    QString error;
    if (!options(&error)) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace fluxolab::app
