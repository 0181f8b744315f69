#include "app/stream/streamview.h"
#include "app/core/errortexts.h"
#include "app/core/language.h"

#include "app/cluster/timelinebar.h"
#include "app/stream/keylanescanvas.h"
#include "app/stream/numbertext.h"
#include "app/stream/pipelinecanvas.h"
#include "app/stream/proctimecanvas.h"
#include "app/stream/streamcanvas.h"
#include "app/stream/tracedialog.h"
#include "app/stream/watermarkplot.h"
#include "labs/stream_tool/replay_tool.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFile>
#include <QDir>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QResizeEvent>
#include <QShowEvent>
#include <QSlider>
#include <QSplitter>
#include <QStyle>
#include <QSvgGenerator>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <climits>
#include <cmath>
#include <set>

namespace fluxolab::app {

namespace {
/// Up to this many elements the view runs the trace a second time with processing-time windows.
constexpr std::size_t kProcTimeRerunLimit = 200000;
} // namespace

using namespace stream_observe;
using Millis = labs::Millis;

namespace {
constexpr double kSpeeds[] = {1, 2, 5, 10, 25, 50, 100, 500};
constexpr double kBaseEventsPerSecond = 4; ///< 1×: four arrivals per second

/// A count for Qt's plural forms (tr(..., nullptr, n): "1 evento", "2 eventos").
template <class N> int plural(N n) { return n > static_cast<N>(INT_MAX) ? INT_MAX : static_cast<int>(n); }

QString shortTime(Millis t) {
    if (t == labs::kMinTime) return QStringLiteral("−∞");
    if (t == labs::kMaxTime) return QStringLiteral("+∞");
    return QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("HH:mm:ss.zzz"));
}

QString timeText(Millis t) {
    if (t == labs::kMinTime) return QStringLiteral("−∞ (MIN)");
    if (t == labs::kMaxTime) return QStringLiteral("+∞ (MAX)");
    return QStringLiteral("%1 (%2)")
        .arg(QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")))
        .arg(t);
}
} // namespace

StreamView::StreamView(QWidget* parent) : QWidget(parent) {
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);

    auto* top = new QHBoxLayout;
    top->setContentsMargins(8, 4, 8, 4);
    m_open = new QToolButton(this);
    m_open->setObjectName(QStringLiteral("openTraceButton"));
    m_open->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
    m_open->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(m_open, &QToolButton::clicked, this, &StreamView::openTraceDialog);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("streamSummary"));
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_summary->setWordWrap(true); // a long summary (the periodic-watermark hint) takes a second line, never cut
    m_keys = new QComboBox(this);
    m_keys->setObjectName(QStringLiteral("streamKeyFilter"));
    m_keys->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("streamProgress"));
    m_bar->setRange(0, 1000);
    m_bar->setMaximumWidth(220);
    m_bar->hide();
    m_cancelButton = new QPushButton(this);
    m_cancelButton->setObjectName(QStringLiteral("streamCancel"));
    m_cancelButton->hide();
    connect(m_cancelButton, &QPushButton::clicked, this, &StreamView::cancelLoad);
    top->addWidget(m_open);
    top->addWidget(m_summary, 1);
    top->addWidget(m_bar);
    top->addWidget(m_cancelButton);
    m_pipelineButton = new QToolButton(this);
    m_pipelineButton->setObjectName(QStringLiteral("streamPipelineToggle"));
    m_pipelineButton->setCheckable(true);
    m_pipelineButton->setChecked(true);
    top->addWidget(m_keys);
    top->addWidget(m_pipelineButton);
    column->addLayout(top);
    // The summary's own row under the buttons, used when beside them it would take more than two lines
    // (1366 px beside the lab panel: seven lines in presentation mode, a third of the picture's height).
    m_top = top;
    m_summaryRow = new QHBoxLayout;
    m_summaryRow->setContentsMargins(0, 0, 0, 0); // empty: no height (the view's minimum stays as it was)
    column->addLayout(m_summaryRow);

    auto* split = new QSplitter(Qt::Horizontal, this);
    // Left: the event-time picture over the pipeline drawn as operators and subtasks.
    auto* pictures = new QSplitter(Qt::Vertical, split);
    pictures->setObjectName(QStringLiteral("streamPictures"));
    m_canvas = new StreamCanvas(pictures);
    m_canvas->setObjectName(QStringLiteral("streamCanvas"));
    m_details = new QTabWidget(pictures);
    m_details->setObjectName(QStringLiteral("streamDetails"));
    m_details->setDocumentMode(true);
    m_pipeline = new PipelineCanvas(m_details);
    m_pipeline->setObjectName(QStringLiteral("streamPipeline"));
    m_plot = new WatermarkPlot(m_details);
    m_plot->setObjectName(QStringLiteral("streamWatermarkPlot"));
    m_details->addTab(m_pipeline, QString());
    m_details->addTab(m_plot, QString());
    m_procCanvas = new ProcTimeCanvas(m_details);
    m_procCanvas->setObjectName(QStringLiteral("streamProcessingTime"));
    m_details->addTab(m_procCanvas, QString());
    m_lanes = new KeyLanesCanvas(m_details);
    m_lanes->setObjectName(QStringLiteral("streamKeyLanes"));
    m_details->addTab(m_lanes, QString());
    pictures->addWidget(m_canvas);
    pictures->addWidget(m_details);
    pictures->setStretchFactor(0, 5);
    pictures->setStretchFactor(1, 3);
    // Scaled to the height it gets: the picture (event time over processing time, the watermark lanes)
    // keeps five eighths, so that its plot stays legible at 1366x768 in presentation mode (its lanes
    // collapse there); the tabs the rest, what the pipeline needs to be read whole.
    pictures->setSizes({500, 300});
    pictures->setCollapsible(0, false);
    m_pictures = pictures;
    // The picture and the tabs also change height without the view resizing (the header above them
    // wrapping onto a second line): fit the key lanes again then, once the splitter has shared it out.
    m_pictures->installEventFilter(this);
    connect(m_details, &QTabWidget::currentChanged, this, [this] { fitKeyLanes(); });
    connect(m_pipelineButton, &QToolButton::toggled, m_details, &QWidget::setVisible);
    m_whyPanel = new QFrame(split);
    m_whyPanel->setObjectName(QStringLiteral("whyPanel"));
    m_whyPanel->setFrameShape(QFrame::StyledPanel);
    m_whyLayout = new QBoxLayout(QBoxLayout::TopToBottom, m_whyPanel);
    auto* whyButtons = new QWidget(m_whyPanel);
    auto* why = new QVBoxLayout(whyButtons);
    why->setContentsMargins(0, 0, 0, 0);
    m_whyText = new QTextBrowser(m_whyPanel);
    m_whyText->setObjectName(QStringLiteral("whyText"));
    m_whyText->setOpenLinks(false);
    m_idleButton = new QPushButton(whyButtons);
    m_idleButton->setObjectName(QStringLiteral("whatIfIdle"));
    m_boundButton = new QPushButton(whyButtons);
    m_boundButton->setObjectName(QStringLiteral("whatIfBound"));
    for (QPushButton* b : {m_idleButton, m_boundButton})
        b->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_whatIfLabel = new QLabel(whyButtons);
    m_whatIfLabel->setObjectName(QStringLiteral("whatIfResult"));
    m_whatIfLabel->setWordWrap(true);
    m_adoptButton = new QPushButton(whyButtons);
    m_adoptButton->setObjectName(QStringLiteral("whatIfAdopt"));
    m_closeWhy = new QPushButton(whyButtons);
    m_whyLayout->addWidget(m_whyText, 1);
    m_whyLayout->addWidget(whyButtons);
    why->addWidget(m_idleButton);
    why->addWidget(m_boundButton);
    why->addWidget(m_whatIfLabel);
    why->addWidget(m_adoptButton);
    why->addWidget(m_closeWhy);
    why->addStretch(1);
    connect(m_idleButton, &QPushButton::clicked, this, [this] { runWhatIf(0); });
    connect(m_boundButton, &QPushButton::clicked, this, [this] { runWhatIf(1); });
    connect(m_adoptButton, &QPushButton::clicked, this, &StreamView::adoptWhatIf);
    connect(m_closeWhy, &QPushButton::clicked, this, [this] { selectWindow(-1); });
    m_whyPanel->setMinimumWidth(340);
    m_whyPanel->hide();
    split->addWidget(pictures);
    split->addWidget(m_whyPanel);
    m_split = split;
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    column->addWidget(split, 1);
    connect(m_canvas, &StreamCanvas::windowClicked, this, &StreamView::selectWindow);
    connect(m_keys, &QComboBox::currentIndexChanged, this, [this] {
        m_canvas->setKeyFilter(m_keys->currentIndex() <= 0 ? QString() : m_keys->currentText());
        m_lanes->setFirstKey(m_keys->currentIndex() <= 0 ? QString() : m_keys->currentText());
    });

    // Playback: the cluster timeline's controls (step back, play/pause, step, speed, scrubber).
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(8, 4, 8, 4);
    m_back = new QToolButton(this);
    m_back->setObjectName(QStringLiteral("streamStepBack"));
    m_back->setIcon(style()->standardIcon(QStyle::SP_MediaSeekBackward));
    m_play = new QToolButton(this);
    m_play->setObjectName(QStringLiteral("streamPlay"));
    m_fwd = new QToolButton(this);
    m_fwd->setObjectName(QStringLiteral("streamStep"));
    m_fwd->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    m_speed = new QComboBox(this);
    m_speed->setObjectName(QStringLiteral("streamSpeed"));
    for (double s : kSpeeds)
        m_speed->addItem(QStringLiteral("%1×").arg(s), s);
    m_speed->setCurrentIndex(2);
    m_speed->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(QStringLiteral("streamScrubber"));
    m_slider->setMinimumWidth(200);
    jumpToClick(m_slider);
    m_position = new QLabel(this);
    m_position->setObjectName(QStringLiteral("streamPosition"));
    m_position->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_position->setWordWrap(true); // presentation mode at 1366 px: a second line, never cut mid-word
    bar->addWidget(m_back);
    bar->addWidget(m_play);
    bar->addWidget(m_fwd);
    bar->addWidget(m_speed);
    bar->addWidget(m_slider, 2);
    bar->addWidget(m_position, 3);
    m_playBar = bar;
    column->addLayout(bar);
    connect(m_back, &QToolButton::clicked, this, [this] {
        setPlaying(false);
        if (step() > 0) setStep(step() - 1);
    });
    connect(m_fwd, &QToolButton::clicked, this, [this] {
        setPlaying(false);
        setStep(step() + 1);
    });
    connect(m_play, &QToolButton::clicked, this, [this] { setPlaying(!isPlaying()); });
    connect(m_slider, &QSlider::valueChanged, this, [this](int v) {
        if (!m_updating) setStep(static_cast<std::uint64_t>(v));
    });

    m_timer = new QTimer(this);
    m_timer->setInterval(40);
    connect(m_timer, &QTimer::timeout, this, &StreamView::tick);
    m_progressTimer = new QTimer(this);
    m_progressTimer->setInterval(50);
    connect(m_progressTimer, &QTimer::timeout, this, [this] {
        m_bar->setValue(m_progress.load());
        std::shared_ptr<ObserveResult> done;
        {
            const std::lock_guard<std::mutex> lock(m_resultMutex);
            done = std::move(m_result);
        }
        if (done) finishLoad(std::move(done));
    });

    // Defaults: the options of the course's first example.
    m_lastOptions.trace.timeField = "ts";
    m_lastOptions.trace.keyField = "key";
    m_lastOptions.job.window.size = 60000;
    m_lastOptions.job.watermark.bound = 5000;
    retranslate();
    refreshStatus();
}

StreamView::~StreamView() {
    m_cancel = true;
    if (m_worker.joinable()) m_worker.join();
}

void StreamView::openTraceDialog() {
    if (m_loading) return;
    TraceDialog dialog(this);
    dialog.setOptions(m_lastOptions);
    dialog.setPath(m_lastPath);
    if (dialog.exec() != QDialog::Accepted) return;
    QString error;
    const auto options = dialog.options(&error);
    if (!options) return;
    startLoad(dialog.path(), *options);
}

bool StreamView::startLoad(const QString& path, const RunOptions& options) {
    if (m_loading) return false;
    if (m_worker.joinable()) m_worker.join();
    setPlaying(false);
    m_loading = true;
    m_cancel = false;
    m_progress = 0;
    m_lastPath = path;
    m_lastOptions = options;
    m_lastError.clear();
    m_bar->setValue(0);
    m_bar->show();
    m_cancelButton->show();
    m_open->setEnabled(false);
    m_progressTimer->start();
    refreshStatus();
    const std::string file = path.toStdString();
    m_worker = std::thread([this, file, options] {
        auto result = std::make_shared<ObserveResult>(observeTrace(
            file, options, [this](double f) { m_progress = static_cast<int>(f * 1000); }, &m_cancel));
        const std::lock_guard<std::mutex> lock(m_resultMutex);
        m_result = std::move(result);
    });
    return true;
}

bool StreamView::loadReplay(const QStringList& args, const QString& workDir) {
    std::vector<std::string> a;
    for (const QString& s : args)
        a.push_back(s.toStdString());
    std::string trace;
    RunOptions options;
    // The terminal ran it in the UI language (CliHost): the Keys panel shows the same alert text.
    a = labs::replayArgsInLanguage(std::move(a), currentLanguage() != QStringLiteral("en"));
    if (const auto problem = runOptionsFromReplay(a, workDir.toStdString(), trace, options)) {
        m_lastError = ErrorTexts::replayError(*problem);
        return false;
    }
    return loadNow(QString::fromStdString(trace), options);
}

bool StreamView::loadNow(const QString& path, const RunOptions& options, QString* error) {
    if (m_loading) return false;
    m_lastPath = path;
    m_lastOptions = options;
    m_loading = true;
    finishLoad(std::make_shared<ObserveResult>(observeTrace(path.toStdString(), options)));
    if (error) *error = m_lastError;
    return m_lastError.isEmpty();
}

void StreamView::cancelLoad() {
    if (m_loading) m_cancel = true;
}

QString StreamView::describeError(const traces::TraceError& e, bool fullPath) {
    using C = traces::TraceErrorCode;
    const QString v = QLatin1Char('\'') + QString::fromStdString(e.value) + QLatin1Char('\'');
    const QString field = QString::fromStdString(e.field);
    const QString n = QString::number(e.number);
    const QString n2 = QString::number(e.number2);
    const auto reasonOf = [&](C code) -> QString {
        switch (code) {
        case C::None: return {};
        case C::NoSuchFile: return tr("the file does not exist");
        case C::IsDirectory: return tr("it is a folder, not a trace file");
        case C::CannotRead: return tr("the file cannot be read (permissions?)");
        case C::ReadError: return tr("the file could not be read to the end (a read error)");
        case C::EmptyFile: return tr("the file is empty");
        case C::HeaderTooLong: return tr("the header line is longer than %1 KiB: is this a trace file?").arg(n);
        case C::HeaderQuoteNeverClosed: return tr("the file is cut short: a quoted field of the header is never closed");
        case C::NoHeader: return tr("the file has no header line (only blank lines)");
        case C::BadHeader: return {}; // below, with its cause
        case C::MissingColumn: {
            QString text = tr("the header has no column \"%1\" (columns: %2); choose the field in the trace options")
                               .arg(field, QString::fromStdString(e.columns));
            // One column holding another delimiter: which one the file seems to use, and what reads it.
            if (e.value == "\t")
                text += tr("; the header seems to be separated by tabs, which a trace cannot be: save the file with "
                           "',' or ';' between the fields");
            else if (e.value == ";" || e.value == ",")
                text += tr("; the header seems to be separated by '%1': choose that delimiter in the trace options "
                           "(fluxolab-cli replay: --delimiter '%1')")
                            .arg(QString::fromStdString(e.value));
            return text;
        }
        case C::NulBytes: return tr("it contains NUL bytes: this looks like a binary file, not a CSV or JSON Lines trace");
        case C::FieldCount: return tr("%1 fields where the header has %2").arg(n, n2);
        case C::RecordTooLong: return tr("the line is longer than %1 KiB (not read)").arg(n);
        case C::QuoteNeverClosed: return tr("the file is cut short: a quoted field opened here is never closed");
        case C::UnterminatedQuote: return tr("a quoted field is never closed");
        case C::TextAfterQuote: return tr("text after a closing quote (expected %1)").arg(v);
        case C::JsonControlChar: return tr("a control character inside a JSON string");
        case C::JsonUnterminatedString: return tr("a JSON string that never ends (a line cut short?)");
        case C::JsonBadEscape: return tr("a bad \\u escape in a JSON string");
        case C::JsonUnterminatedNesting: return tr("a JSON object or array that never ends (a line cut short?)");
        case C::JsonNotObject: return tr("not a JSON object (a JSON Lines trace has one {...} per line)");
        case C::JsonTruncated: return tr("the JSON object is cut short");
        case C::JsonTruncatedNoBrace: return tr("the JSON object is cut short (no closing '}')");
        case C::JsonExpectedName: return tr("a field name in quotes was expected");
        case C::JsonExpectedColon: return tr("':' was expected after a field name");
        case C::JsonExpectedCommaOrBrace: return tr("',' or '}' was expected");
        case C::JsonTextAfterObject: return tr("text after the JSON object");
        case C::JsonNestedValue: return tr("the field \"%1\" is an object or a list, not a value").arg(field);
        case C::JsonMissingValue: return tr("the field \"%1\" has no value").arg(field);
        case C::MissingField:
            return e.column == traces::TraceColumn::Key     ? tr("the key field \"%1\" is missing").arg(field)
                   : e.column == traces::TraceColumn::Value ? tr("the value field \"%1\" is missing").arg(field)
                                                            : tr("the event time field \"%1\" is missing").arg(field);
        case C::ValueNotNumber: return tr("the value %1 of the field \"%2\" is not a number").arg(v, field);
        case C::BadPartition:
            return e.number ? tr("the partition field is missing (an integer between 0 and 1023 is needed)")
                            : tr("the partition %1 is not an integer between 0 and 1023").arg(v);
        case C::BadArrival:
            return e.number ? tr("the arrival time field is missing (epoch milliseconds are needed)")
                            : tr("the arrival time %1 is not in epoch milliseconds").arg(v);
        case C::ArrivalBackwards:
            return tr("the arrival time %1 is before the previous line's %2 (the file must be in arrival order)").arg(n, n2);
        case C::TimeEmpty: return tr("the event time is empty");
        case C::BadDate:
            if (e.number == 1)
                return tr("the time %1 is neither epoch milliseconds (an integer, e.g. %2) nor a date-time (%3, or ISO-8601 e.g. %4); --time-format epoch-s reads epoch seconds")
                    .arg(v, QStringLiteral("1773478800000"), QStringLiteral("yyyy-MM-dd HH:mm:ss[.SSS]"), QStringLiteral("2026-03-14T09:00:00Z"));
            if (e.number == 2)
                return tr("the time %1 is a number, but --time-format iso|sql expects a date-time (%2 or ISO-8601); epoch times need --time-format epoch-ms, epoch-s or auto")
                    .arg(v, QStringLiteral("yyyy-MM-dd HH:mm:ss[.SSS]"));
            return tr("cannot read the date of %1 (expected %2)").arg(v, QStringLiteral("yyyy-MM-dd HH:mm:ss[.SSS]"));
        case C::BadTimeOfDay:
            return tr("cannot read the time of day of %1 (expected %2)")
                .arg(v, e.number ? QStringLiteral("yyyy-MM-dd HH:mm:ss[.SSS]") : QStringLiteral("ISO-8601"));
        case C::BadSeconds: return tr("cannot read the seconds of %1").arg(v);
        case C::BadFraction: return tr("bad fraction of a second in %1").arg(v);
        case C::ZoneNotAllowed: return tr("text after the time in %1 (this format has no time zone)").arg(v);
        case C::BadZone: return tr("bad time zone offset in %1").arg(v);
        case C::ZoneOutOfRange: return tr("the time zone offset in %1 is out of range").arg(v);
        case C::TextAfterTime: return tr("text after the time in %1").arg(v);
        case C::NoSuchDateTime: return tr("there is no such date or time: %1").arg(v);
        case C::TimeOutOfRange: return tr("the time %1 is out of range (years 1 to 9999)").arg(v);
        case C::NotEpochMillis: return tr("the time %1 is not in epoch milliseconds").arg(v);
        case C::NotEpochSeconds: return tr("the time %1 is not in epoch seconds").arg(v);
        case C::PartitionTooLarge: return tr("the partition %1 is too large (at most %2)").arg(n, n2);
        case C::PartitionNotBelow: return tr("the partition %1 is not below the number of partitions (%2)").arg(n, n2);
        case C::TooManyEvents:
            return tr("more than %1 events: too long for this view (fluxolab-cli replay reads it)").arg(n);
        }
        return {};
    };
    const QString reason = e.code == C::BadHeader ? tr("bad header: %1").arg(reasonOf(e.cause)) : reasonOf(e.code);
    if (e.file.empty()) return tr("The trace could not be loaded: %1").arg(reason);
    const QString file = QString::fromStdString(e.file);
    const QString name = fullPath ? QDir::toNativeSeparators(file) : QFileInfo(file).fileName();
    if (e.line == 0) return tr("The trace %1 could not be loaded: %2").arg(name, reason);
    return tr("The trace %1 could not be loaded.\nLine %2: %3").arg(name, QString::number(e.line), reason);
}

void StreamView::finishLoad(std::shared_ptr<ObserveResult> result) {
    if (m_worker.joinable()) m_worker.join();
    m_loading = false;
    m_progressTimer->stop();
    m_bar->hide();
    m_cancelButton->hide();
    m_open->setEnabled(true);
    bool ok = false;
    if (result->cancelled) {
        m_lastError = tr("Loading cancelled.");
    } else if (!result->observation) {
        // The reader's and the view's errors, and a job the options describe wrongly, come as codes.
        const QString reason = result->jobError.code != labs::JobErrorCode::None
                                   ? ErrorTexts::jobError(result->jobError)
                                   : QString::fromStdString(result->error);
        m_lastError = result->traceError.failed() ? describeError(result->traceError)
                                                  : tr("The trace could not be loaded: %1").arg(reason);
        if (isVisible() && QApplication::platformName() != QStringLiteral("offscreen"))
            QMessageBox::warning(this, tr("Open trace"), m_lastError);
    } else {
        m_lastError.clear();
        setObservation(std::make_unique<StreamObservation>(std::move(*result->observation)));
        ok = true;
    }
    refreshStatus();
    Q_EMIT loadFinished(ok);
}

void StreamView::setObservation(std::unique_ptr<StreamObservation> obs) {
    m_obs = std::move(obs);
    m_whatIf.reset();
    m_selected = -1;
    m_canvas->setObservation(m_obs.get());
    m_pipeline->setObservation(m_obs.get());
    m_plot->setObservation(m_obs.get());
    // The same input with processing-time windows, for the tab that shows them beside event time.
    m_procObs.reset();
    QString procNote;
    if (m_obs->options.job.window.processingTime) {
        procNote = tr("This run already uses processing-time windows: the picture above shows them.");
    } else if (!m_obs->hasArrivalTimes()) {
        procNote = tr("The trace has no arrival column: processing time does not advance, so every "
                      "processing-time window would hold the whole trace.");
    } else if (m_obs->elements.size() > kProcTimeRerunLimit) {
        procNote = tr("The trace is too long to run a second time with processing-time windows here "
                      "(fluxolab-cli replay --window-time processing does it).");
    } else {
        stream_observe::RunOptions po = m_obs->options;
        po.job.window.processingTime = true;
        m_procObs = std::make_unique<StreamObservation>(stream_observe::rerun(*m_obs, po));
    }
    m_procCanvas->setObservation(m_procObs.get(), procNote);
    m_lanes->setObservation(m_obs.get());
    m_counts = {};
    for (const auto& e : m_obs->elements)
        if (e.replayed) m_counts.replayed.push_back(e.step);
    for (const auto& f : m_obs->firings)
        if (f.duplicate) m_counts.duplicates.push_back(f.step);
    for (const auto& c : m_obs->keyed)
        if (c.kind == KeyedChange::Kind::Output && !c.duplicate) m_counts.outputs.push_back(c.step);
    // A job with a process function, checkpoints or a crash: what it teaches is in the key lanes.
    if (m_obs->keyedElements) m_details->setCurrentWidget(m_lanes);
    std::set<std::string> keys;
    for (const auto& e : m_obs->elements)
        keys.insert(e.key);
    m_updating = true;
    m_keys->clear();
    m_keys->addItem(tr("all keys"));
    for (const auto& k : keys)
        m_keys->addItem(QString::fromStdString(k));
    m_slider->setRange(0, static_cast<int>(m_obs->lastStep()));
    m_slider->setValue(static_cast<int>(m_obs->lastStep()));
    m_updating = false;
    m_canvas->setKeyFilter(QString());
    m_lanes->setFirstKey(QString());
    refreshWhy();
    refreshStatus();
}

void StreamView::setLiveProblem(const QString& problem) {
    if (problem == m_liveProblem) return;
    m_liveProblem = problem;
    refreshStatus();
}

void StreamView::showLiveObservation(const StreamObservation& obs, labs::Millis time) {
    if (m_loading) return;
    const auto size = [](const auto& lanes) {
        std::size_t n = 0;
        for (const auto& l : lanes)
            n += l.size();
        return n;
    };
    const bool same =
        m_obs && m_obs->traceName == obs.traceName && m_obs->elements.size() == obs.elements.size() &&
        m_obs->firings.size() == obs.firings.size() && m_obs->windows.size() == obs.windows.size() &&
        m_obs->lates.size() == obs.lates.size() && size(m_obs->splitIdle) == size(obs.splitIdle) &&
        size(m_obs->operatorWatermarks) == size(obs.operatorWatermarks);
    if (!same) {
        const QString key = m_keys->currentIndex() > 0 ? m_keys->currentText() : QString();
        setPlaying(false);
        setObservation(std::make_unique<StreamObservation>(obs));
        if (const int i = key.isEmpty() ? -1 : m_keys->findText(key); i > 0) m_keys->setCurrentIndex(i);
    }
    const auto read =
        std::upper_bound(m_obs->elements.begin(), m_obs->elements.end(), time,
                         [](labs::Millis t, const ObservedElement& e) { return t < e.arrival; });
    setStep(static_cast<std::uint64_t>(read - m_obs->elements.begin()));
}

void StreamView::setStep(std::uint64_t s) {
    if (!m_obs) return;
    s = std::min(s, m_obs->lastStep());
    m_canvas->setStep(s);
    m_pipeline->setStep(s);
    m_plot->setStep(s);
    m_procCanvas->setStep(std::min(s, m_procObs ? m_procObs->lastStep() : s));
    m_lanes->setStep(s);
    m_updating = true;
    m_slider->setValue(static_cast<int>(s));
    m_updating = false;
    refreshWhy();
    refreshStatus();
    Q_EMIT stepChanged(s);
}

std::uint64_t StreamView::step() const {
    return m_canvas->step();
}

void StreamView::setPlaying(bool on) {
    if (on && m_obs && step() >= m_obs->lastStep()) setStep(0);
    if (on && m_obs)
        m_timer->start();
    else
        m_timer->stop();
    m_carry = 0;
    m_play->setIcon(style()->standardIcon(isPlaying() ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

bool StreamView::isPlaying() const {
    return m_timer->isActive();
}

void StreamView::tick() {
    if (!m_obs) return setPlaying(false);
    m_carry += m_speed->currentData().toDouble() * kBaseEventsPerSecond * m_timer->interval() / 1000.0;
    const auto n = static_cast<std::uint64_t>(m_carry);
    m_carry -= static_cast<double>(n);
    if (n == 0) return;
    const std::uint64_t next = std::min(step() + n, m_obs->lastStep());
    setStep(next);
    if (next >= m_obs->lastStep()) setPlaying(false);
}

void StreamView::selectWindow(int index) {
    m_selected = m_obs && index >= 0 && index < static_cast<int>(m_obs->windows.size()) ? index : -1;
    m_whatIf.reset();
    m_whatIfDesc.clear();
    m_canvas->setSelectedWindow(m_selected);
    refreshWhy();
}

std::optional<WhyNotFired> StreamView::why() const {
    if (!m_obs || m_selected < 0) return std::nullopt;
    return explain(*m_obs, m_obs->windows[static_cast<std::size_t>(m_selected)], step());
}

QString StreamView::whyText() const {
    const auto w = why();
    if (!w) return {};
    const auto& win = m_obs->windows[static_cast<std::size_t>(m_selected)];
    // A window that has fired gets the question it answers, not "why has it not fired?".
    QString html = QStringLiteral("<h3>%1</h3>")
                       .arg(w->fired ? tr("When did this window fire?") : tr("Why has this window not fired?"));
    html += QStringLiteral("<p>%1</p>")
                .arg(tr("Window [%1, %2) of key <b>%3</b> (window subtask %4).")
                         .arg(timeText(win.start), timeText(win.end),
                              QString::fromStdString(win.key).toHtmlEscaped())
                         .arg(w->subtask));
    html += QStringLiteral("<p>%1<br>%2</p>")
                .arg(tr("It fires when the operator watermark reaches <b>%1</b> (end − 1 ms).")
                         .arg(timeText(w->waitsFor)),
                     tr("Operator watermark now: <b>%1</b>.").arg(timeText(w->operatorWatermark)));
    if (w->fired) {
        const auto* f = win.firingAt(step());
        html += QStringLiteral("<p><b>%1</b></p>")
                    .arg(f ? tr("It has fired: result %1 (watermark %2, at event %3).")
                                 .arg(peopleNumber(f->result), timeText(f->watermark))
                                 .arg(f->step)
                           : tr("The watermark has passed its end: it fires now."));
    } else {
        QString reason;
        if (w->reason == WhyNotFired::Reason::NoProcessingTime) {
            reason =
                tr("No partition is to blame: the watermark is emitted periodically, every %1 of processing "
                   "time (pipeline.auto-watermark-interval), and this trace has no arrival column, so "
                   "processing time never advances while it is read. No watermark comes before the end of "
                   "input. Choose a watermark after every event, or an arrival column, in the trace options.")
                    .arg(QString::fromStdString(durationText(m_obs->options.job.watermark.interval)));
        } else if (w->reason == WhyNotFired::Reason::Idle) {
            reason = tr(
                "Every partition is idle: the watermark does not move until one of them sends data again.");
        } else if (w->holder >= 0) {
            const auto& h = w->partitions[static_cast<std::size_t>(w->holder)];
            const QString who = tr("Partition %1 (source subtask %2) holds it back with watermark %3")
                                    .arg(h.partition)
                                    .arg(h.sourceSubtask)
                                    .arg(timeText(h.watermark));
            switch (w->reason) {
            case WhyNotFired::Reason::Empty:
                reason = tr("%1: it has not sent any event yet (empty).").arg(who);
                break;
            case WhyNotFired::Reason::Quiet:
                reason = tr("%1: it has been silent for the last %n event(s) while the other partitions kept "
                            "sending (without withIdleness it still counts).",
                            nullptr, plural(h.sinceLast))
                             .arg(who);
                break;
            case WhyNotFired::Reason::Slow:
                reason =
                    tr("%1: it receives events, but older ones than the other partitions (slow).").arg(who);
                break;
            default:
                reason = tr("%1: no event late enough in event time has arrived yet.").arg(who);
                break;
            }
            if (w->neededEventTime)
                reason +=
                    QStringLiteral("<br>") + tr("It needs an event with event time ≥ %1 in partition %2.")
                                                 .arg(timeText(*w->neededEventTime))
                                                 .arg(h.partition);
        }
        html += QStringLiteral("<p><b>%1</b></p>").arg(reason);
    }
    // The table fits the panel's width (no sideways scrolling in the narrow panel of 1366 px): its
    // headers and states wrap, only the watermarks (a time, one word) stay whole.
    html += QStringLiteral("<table cellspacing=0 cellpadding=2><tr><th align=left>%1</th><th "
                           "align=left>%2</th><th align=left>%3</th><th align=right>%4</th></tr>")
                .arg(tr("Partition"), tr("Watermark"), tr("State"), tr("Events"));
    for (const auto& p : w->partitions) {
        const QString state = p.idle                     ? tr("idle")
                              : p.partition == w->holder ? tr("holding it back")
                                                         : tr("active");
        html += QStringLiteral("<tr><td>%1</td><td nowrap>%2</td><td>%3</td><td align=right>%4</td></tr>")
                    .arg(p.partition)
                    .arg(shortTime(p.watermark), state)
                    .arg(p.elementsRead);
    }
    html += QStringLiteral("</table>");
    return html;
}

namespace {
QString whatIfOutcome(const StreamObservation& before, const StreamObservation& after,
                      const ObservedWindow& w, std::uint64_t step) {
    const ObservedWindow* nw = findWindow(after, w.key, w.start, w.end);
    QString first;
    if (!nw || nw->firings.empty())
        first = QCoreApplication::translate("fluxolab::app::StreamView", "the window still does not fire.");
    else
        first = QCoreApplication::translate("fluxolab::app::StreamView",
                                            "the window fires at event %1 (now at %2) with result %3.")
                    .arg(nw->firings.front().step)
                    .arg(step)
                    .arg(peopleNumber(nw->firings.front().result));
    return first + QStringLiteral(" ") +
           QCoreApplication::translate("fluxolab::app::StreamView",
                                       "Late elements: %1 → %2; firings: %3 → %4.")
               .arg(before.lateOrder.size())
               .arg(after.lateOrder.size())
               .arg(before.firings.size())
               .arg(after.firings.size());
}
} // namespace

bool StreamView::runWhatIf(int which) {
    const auto w = why();
    if (!w) return false;
    std::optional<RunOptions> options;
    QString desc;
    if (which == 0) {
        options = idleWhatIf(*m_obs, *w, step());
        if (options)
            desc = tr("With withIdleness(%1):")
                       .arg(QString::fromStdString(durationText(options->job.watermark.idleTimeout)));
    } else {
        options = shorterBoundWhatIf(*m_obs);
        if (options)
            desc = tr("With the watermark %1:")
                       .arg(QString::fromStdString(watermarkText(options->job.watermark)));
    }
    if (!options) return false;
    m_whatIf = std::make_unique<StreamObservation>(rerun(*m_obs, *options));
    m_whatIfDesc =
        desc + QStringLiteral(" ") +
        whatIfOutcome(*m_obs, *m_whatIf, m_obs->windows[static_cast<std::size_t>(m_selected)], step());
    refreshWhy();
    return true;
}

QString StreamView::whatIfText() const {
    return m_whatIf ? m_whatIfDesc : QString();
}

void StreamView::adoptWhatIf() {
    if (!m_whatIf) return;
    const std::uint64_t s = step();
    const auto& w = m_obs->windows[static_cast<std::size_t>(m_selected)];
    const std::string key = w.key;
    const Millis start = w.start, end = w.end;
    m_lastOptions = m_whatIf->options;
    setObservation(std::move(m_whatIf));
    setStep(s);
    for (std::size_t i = 0; i < m_obs->windows.size(); ++i)
        if (m_obs->windows[i].key == key && m_obs->windows[i].start == start && m_obs->windows[i].end == end)
            selectWindow(static_cast<int>(i));
}

namespace {
/// A what-if button's text on two lines ("What if… idle:" / "withIdleness(13s)"), so that the
/// narrow why panel (presentation mode at 1366 px) never cuts it.
QString onTwoLines(QString text) {
    if (const qsizetype colon = text.indexOf(QStringLiteral(": ")); colon >= 0) return text.replace(colon, 2, QStringLiteral(":\n"));
    if (const qsizetype paren = text.indexOf(QStringLiteral(" (")); paren >= 0) return text.replace(paren, 1, QStringLiteral("\n"));
    return text;
}
} // namespace

void StreamView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    placeSummary();
    placeWhyPanel();
}

void StreamView::placeSummary() {
    // Only for a view on screen (a hidden view's width is not the one it will have: its summary on its
    // own row would raise the window's minimum height for nothing).
    if (!m_top || !m_summaryRow || !isVisible()) return;
    m_summaryPlacedFor = m_summary->text();
    // Its width beside the buttons: the row's width less theirs.
    const int spacing = std::max(0, m_top->spacing());
    int others = 16;
    for (QWidget* w : {static_cast<QWidget*>(m_open), static_cast<QWidget*>(m_bar), static_cast<QWidget*>(m_cancelButton),
                       static_cast<QWidget*>(m_keys), static_cast<QWidget*>(m_pipelineButton)})
        if (!w->isHidden()) others += w->sizeHint().width() + spacing;
    const int beside = std::max(1, width() - others);
    const int lines = m_summary->heightForWidth(beside) / std::max(1, m_summary->fontMetrics().lineSpacing());
    const bool below = lines > 2;
    if (below == m_summaryBelow) return;
    m_summaryBelow = below;
    if (below) {
        m_top->removeWidget(m_summary);
        m_top->insertStretch(1, 1);
        m_summaryRow->setContentsMargins(8, 0, 8, 4);
        m_summaryRow->addWidget(m_summary, 1);
    } else {
        m_summaryRow->removeWidget(m_summary);
        m_summaryRow->setContentsMargins(0, 0, 0, 0);
        delete m_top->takeAt(1); // the stretch
        m_top->insertWidget(1, m_summary, 1);
    }
}

QWidget* StreamView::whyPanel() const {
    return m_whyPanel;
}

void StreamView::placeWhyPanel() {
    if (!m_split || !m_pictures) return;
    const bool show = m_obs && m_selected >= 0;
    // The picture stays legible beside the panel with about 640 px at the theme's scale (its legend, axis
    // labels, plot and side output strip); less, and the panel goes under it.
    const int legible = static_cast<int>(std::ceil(m_canvas->theme().px(640)));
    const bool under = show && width() - m_whyPanel->minimumWidth() < legible;
    const bool opening = show && m_whyPanel->isHidden();
    m_whyPanel->setVisible(show);
    if (show && !under && under == m_whyUnder) fitWhyBeside(opening);
    if (under == m_whyUnder) return;
    m_whyUnder = under;
    if (under) {
        // Under the picture the panel takes the tabs' place (and height) while it is open.
        m_sizesBeforeWhy = m_pictures->sizes();
        m_pictures->insertWidget(2, m_whyPanel);
        m_whyLayout->setDirection(QBoxLayout::LeftToRight);
        m_whyLayout->setStretch(0, 3); // the text, then the buttons: their two lines whole
        m_whyLayout->setStretch(1, 2);
        m_details->hide();
        m_whyPanel->show();
        if (m_sizesBeforeWhy.size() == 2) m_pictures->setSizes({m_sizesBeforeWhy[0], 0, m_sizesBeforeWhy[1]});
    } else {
        m_split->insertWidget(1, m_whyPanel);
        m_whyLayout->setDirection(QBoxLayout::TopToBottom);
        m_whyLayout->setStretch(0, 1);
        m_whyLayout->setStretch(1, 0);
        m_whyPanel->setVisible(show);
        m_details->setVisible(m_pipelineButton->isChecked());
        if (m_sizesBeforeWhy.size() == 2) m_pictures->setSizes(m_sizesBeforeWhy);
        m_sizesBeforeWhy.clear();
        if (show) fitWhyBeside(true);
    }
}

void StreamView::fitWhyBeside(bool opening) {
    // Beside the picture the panel takes a quarter of the width, never so much that the picture and
    // the pipeline under it get less than their legible 640 px at the theme's scale (the splitter gave
    // the panel its size hint, ~650 px of 1366 in presentation mode, and the pipeline's boxes were
    // elided to "Fonte …", "P0 · 31…"). Its width is set when it opens and when the picture would get
    // too little; a width dragged by hand stays otherwise.
    const QList<int> sizes = m_split->sizes();
    if (sizes.size() != 2) return;
    const int total = sizes[0] + sizes[1];
    const int legible = static_cast<int>(std::ceil(m_canvas->theme().px(640)));
    if (total <= 0 || (!opening && sizes[0] >= std::min(legible, total - m_whyPanel->minimumWidth()))) return;
    const int widest = std::max(m_whyPanel->minimumWidth(), total - legible);
    const int panel = std::clamp(total / 4, m_whyPanel->minimumWidth(), widest);
    m_split->setSizes({total - panel, panel});
    QTimer::singleShot(0, this, &StreamView::widenWhyForItsText);
}

void StreamView::widenWhyForItsText() {
    // Wider by what its text still needs (a table one pixel too wide scrolled sideways), as long as the
    // picture keeps its legible width.
    const QList<int> sizes = m_split->sizes();
    if (m_whyUnder || m_whyPanel->isHidden() || sizes.size() != 2) return;
    const int total = sizes[0] + sizes[1];
    const int widest = std::max(m_whyPanel->minimumWidth(), total - static_cast<int>(std::ceil(m_canvas->theme().px(640))));
    if (const int more = m_whyText->horizontalScrollBar()->maximum(); more > 0 && sizes[1] < widest) {
        const int panel = std::min(widest, sizes[1] + more + 4);
        m_split->setSizes({total - panel, panel});
    }
}

void StreamView::refreshWhy() {
    const bool show = m_obs && m_selected >= 0;
    placeWhyPanel();
    if (!show) return;
    m_whyText->setHtml(whyText());
    // Once the text is laid out at the panel's width (its scroll range is set then).
    QTimer::singleShot(0, this, &StreamView::widenWhyForItsText);
    const auto w = why();
    IdleWhatIfBlock idleBlock = IdleWhatIfBlock::NoHolder;
    const auto idle = w ? idleWhatIf(*m_obs, *w, step(), &idleBlock) : std::nullopt;
    const auto bound = shorterBoundWhatIf(*m_obs);
    m_idleButton->setEnabled(idle.has_value());
    // The true reason, by the rule --what-if idle uses (it said "needs an arrival column" for a fired window).
    QString idleText;
    if (idle)
        idleText = tr("What if… idle: withIdleness(%1)").arg(QString::fromStdString(durationText(idle->job.watermark.idleTimeout)));
    else if (idleBlock == IdleWhatIfBlock::NoArrivalTimes)
        idleText = tr("What if… idle (needs an arrival column)");
    else if (idleBlock == IdleWhatIfBlock::WindowFired)
        idleText = tr("What if… idle (the window has already fired)");
    else
        idleText = tr("What if… idle (no partition holds the watermark back)");
    m_idleButton->setText(idleText);
    m_idleButton->setToolTip(m_idleButton->text());
    m_idleButton->setText(onTwoLines(m_idleButton->text()));
    m_boundButton->setEnabled(bound.has_value());
    m_boundButton->setText(bound ? tr("What if… shorter bound: %1")
                                       .arg(QString::fromStdString(watermarkText(bound->job.watermark)))
                                 : tr("What if… shorter bound (no bound)"));
    m_boundButton->setToolTip(m_boundButton->text());
    m_boundButton->setText(onTwoLines(m_boundButton->text()));
    m_whatIfLabel->setText(m_whatIfDesc);
    m_whatIfLabel->setVisible(m_whatIf != nullptr);
    m_adoptButton->setVisible(m_whatIf != nullptr);
}

std::size_t StreamView::Counts::upTo(const std::vector<std::uint64_t>& steps, std::uint64_t step) {
    return static_cast<std::size_t>(std::upper_bound(steps.begin(), steps.end(), step) - steps.begin());
}

void StreamView::refreshStatus() {
    if (m_loading) {
        m_summary->setText(tr("Reading %1…").arg(QFileInfo(m_lastPath).fileName()));
    } else if (!m_lastError.isEmpty()) {
        m_summary->setText(m_lastError.split(QLatin1Char('\n')).join(QStringLiteral(" ")));
        m_summary->setStyleSheet(QStringLiteral("color: #c0392b"));
    } else if (m_obs) {
        m_summary->setStyleSheet(QString());
        const auto& o = m_obs->options;
        // The counts up to the step shown (the whole run's at its end), as the picture and the
        // pipeline show that step: binary searches in what setObservation collected, since this runs
        // on every step of the playback.
        const std::uint64_t at = step();
        const bool end = at >= m_obs->lastStep();
        const std::size_t replayed = m_counts.replayed.size();
        const std::size_t events = m_obs->elements.size() - replayed;
        const std::size_t read = std::min<std::uint64_t>(at, m_obs->elements.size()) - Counts::upTo(m_counts.replayed, at);
        // "120 of 432 events" before the end, "432 events" at it (Qt's plural forms: "1 evento", "2 eventos").
        // Each count with its noun on one line: the header wraps between the parts, never inside one
        // ("… · 5 / late" at 1366×768 in presentation mode).
        const auto whole = [](QString part) { return part.replace(QLatin1Char(' '), QChar(0x00A0)); };
        const QString eventsText = whole(end ? tr("%n events", nullptr, plural(events))
                                             : tr("%1 of %n events", nullptr, plural(events)).arg(read));
        QString text;
        if (m_obs->hasProcessFunction()) {
            const std::size_t outputs = Counts::upTo(m_counts.outputs, at);
            text = tr("%1 · %2 · keyed process %3 · %4")
                       .arg(QFileInfo(QString::fromStdString(m_obs->traceName)).fileName(), eventsText,
                            QString::fromStdString(o.processText), whole(tr("%n outputs", nullptr, plural(outputs))));
        } else {
            const auto fired = std::ranges::upper_bound(m_obs->firings, at, {}, &FiringLine::step);
            const std::size_t sent = static_cast<std::size_t>(fired - m_obs->firings.begin()) - Counts::upTo(m_counts.duplicates, at);
            text = tr("%1 · %2 · watermark %3 · window %4 · %5 · %6")
                       .arg(QFileInfo(QString::fromStdString(m_obs->traceName)).fileName(), eventsText,
                            QString::fromStdString(watermarkText(o.job.watermark)),
                            QString::fromStdString(windowText(o.job.window)), whole(tr("%n firings", nullptr, plural(sent))),
                            // Every late element, to the side output or dropped (--late drop, Flink SQL):
                            // the late strip's count (lates holds the side output's records only).
                            whole(tr("%n late", nullptr, plural(m_obs->lateCountAt(at)))));
        }
        if (o.job.checkpointInterval > 0)
            text += QStringLiteral(" · ") + tr("checkpoint every %1").arg(QString::fromStdString(durationText(o.job.checkpointInterval)));
        if (o.crashAt > 0)
            text += QStringLiteral(" · ") + tr("crash after %1: %2, %3")
                                                .arg(tr("%n elements", nullptr, plural(o.crashAt)),
                                                     tr("%n read again", nullptr, plural(replayed)),
                                                     tr("%n results emitted twice", nullptr, plural(m_counts.duplicates.size())));
        if (m_obs->skippedRecords > 0)
            text += QStringLiteral(" · ") + tr("bad lines skipped: %1").arg(m_obs->skippedRecords);
        // Periodic watermarks follow processing time: without arrival times it never advances.
        if (!o.job.watermark.perEvent && !m_obs->hasArrivalTimes())
            text += QStringLiteral(" · ") + tr("no arrival times: periodic watermarks only come at the end "
                                               "(choose a watermark after every event)");
        if (!m_liveProblem.isEmpty()) text += QStringLiteral(" · ") + m_liveProblem;
        m_summary->setStyleSheet(m_liveProblem.isEmpty() ? QString() : QStringLiteral("color: #c0392b"));
        m_summary->setText(text);
    } else if (!m_liveProblem.isEmpty()) {
        m_summary->setStyleSheet(QStringLiteral("color: #c0392b"));
        m_summary->setText(m_liveProblem);
    } else {
        m_summary->setStyleSheet(QString());
        m_summary->setText(tr("No trace loaded."));
    }
    m_summary->setToolTip(m_summary->text());
    if (m_summary->text() != m_summaryPlacedFor) placeSummary();
    const bool have = m_obs != nullptr;
    for (QWidget* w : {static_cast<QWidget*>(m_back), static_cast<QWidget*>(m_play),
                       static_cast<QWidget*>(m_fwd), static_cast<QWidget*>(m_slider),
                       static_cast<QWidget*>(m_keys), static_cast<QWidget*>(m_pipelineButton)})
        w->setEnabled(have && !m_loading);
    if (!have) {
        m_position->clear();
        return;
    }
    const std::uint64_t s = step();
    QString pos = s > m_obs->elements.size() ? tr("end of input (final watermark)")
                                             : tr("event %1 of %2").arg(s).arg(m_obs->elements.size());
    if (m_obs->hasArrivalTimes() && s > 0)
        pos += QStringLiteral(" · ") +
               tr("processing time %1")
                   .arg(QDateTime::fromMSecsSinceEpoch(m_obs->processingTimeAt(s), Qt::UTC)
                            .toString(QStringLiteral("HH:mm:ss.zzz")));
    pos += QStringLiteral(" · ") + tr("watermark %1").arg(shortTime(m_obs->operatorWatermarkAt(s)));
    m_position->setText(pos);
    m_position->setToolTip(pos);
    fitPosition();
}

void StreamView::fitPosition() {
    // The position on one line where the scrubber keeps its least width beside it: as a second line it
    // took ~23 px from the picture's plot at 1366x768 in presentation mode (Portuguese). Done with the
    // stretch factors (in pixels), not a least width: the view must still shrink for the lab panel.
    if (!m_playBar) return;
    // (The style's spacing may be -1 here: 12 px each, more than any style's.)
    int fixed = m_playBar->contentsMargins().left() + m_playBar->contentsMargins().right() +
                5 * std::max(12, m_playBar->spacing());
    for (QWidget* w : {static_cast<QWidget*>(m_back), static_cast<QWidget*>(m_play), static_cast<QWidget*>(m_fwd),
                       static_cast<QWidget*>(m_speed)})
        fixed += w->sizeHint().width();
    const int line = static_cast<int>(std::ceil(QFontMetricsF(m_position->font()).horizontalAdvance(m_position->text()))) +
                     2 * m_position->margin() + 4;
    const int room = width() - fixed;
    // Too little room for both: the old shares (the position wraps to a second line).
    const bool fits = !m_position->text().isEmpty() && room - line >= m_slider->minimumWidth();
    const int slider = fits ? room - line : 2, position = fits ? line : 3;
    if (m_playBar->stretch(m_playBar->indexOf(m_slider)) != slider) m_playBar->setStretchFactor(m_slider, slider);
    if (m_playBar->stretch(m_playBar->indexOf(m_position)) != position) m_playBar->setStretchFactor(m_position, position);
}

bool StreamView::exportPng(const QString& path) const {
    const qreal dpr = 2.0;
    QImage image((QSizeF(m_canvas->size()) * dpr).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    // A new QImage holds whatever the allocator gave it: the picture's background first, so that a pixel
    // the picture leaves alone (or blends with) is the background, not memory or transparency.
    image.fill(m_canvas->theme().background);
    QPainter p(&image);
    m_canvas->render(p, QSizeF(m_canvas->size()));
    p.end();
    return image.save(path, "PNG");
}

bool StreamView::exportSvg(const QString& path) const {
    QSvgGenerator gen;
    gen.setFileName(path);
    gen.setSize(m_canvas->size());
    gen.setViewBox(QRect(QPoint(0, 0), m_canvas->size()));
    gen.setTitle(tr("Stream view"));
    QPainter p;
    if (!p.begin(&gen)) return false;
    m_canvas->render(p, QSizeF(m_canvas->size()));
    return p.end();
}

bool StreamView::exportCsv(const QString& path) const {
    if (!m_obs) return false;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) return false;
    return f.write(QByteArray::fromStdString(m_obs->firingsCsv())) >= 0;
}

void StreamView::showDetailsTab(int index) {
    m_pipelineButton->setChecked(true);
    m_details->setCurrentIndex(index);
}

void StreamView::setPresentation(bool on) {
    m_canvas->setTheme(on ? Theme::projector() : Theme::normal());
    m_pipeline->setTheme(on ? Theme::projector() : Theme::normal());
    m_plot->setTheme(on ? Theme::projector() : Theme::normal());
    m_procCanvas->setTheme(on ? Theme::projector() : Theme::normal());
    m_lanes->setTheme(on ? Theme::projector() : Theme::normal());
    QFont f = QApplication::font();
    f.setPointSizeF(on ? 14 : 10);
    for (QWidget* w : findChildren<QWidget*>())
        if (w != m_canvas && w != m_pipeline && w != m_plot && w != m_procCanvas && w != m_lanes &&
            w->parent() != m_lanes)
            w->setFont(f);
    fitPosition();
    placeSummary();
    placeWhyPanel();
    fitKeyLanes();
}

void StreamView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitPosition();
    placeSummary();
    placeWhyPanel();
    fitKeyLanes();
}

bool StreamView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_pictures && event->type() == QEvent::Resize)
        QMetaObject::invokeMethod(this, [this] { fitKeyLanes(); }, Qt::QueuedConnection);
    return QWidget::eventFilter(watched, event);
}

void StreamView::fitKeyLanes() {
    if (!m_pictures) return;
    if (m_details->isHidden() || m_details->currentWidget() != m_lanes) {
        if (!m_sizesBeforeLanes.isEmpty()) m_pictures->setSizes(m_sizesBeforeLanes);
        m_sizesBeforeLanes.clear();
        return;
    }
    const QList<int> sizes = m_pictures->sizes();
    if (sizes.size() != 2) return;
    const int total = sizes[0] + sizes[1];
    if (total <= 0) return;
    const int chrome = std::max(0, m_details->height() - m_lanes->viewport()->height()); // the tab bar
    // Three lanes, each with as many text lines as fit (3, 2, then 1) in the tabs' height or in up to
    // 55 % of the whole: the picture keeps at least 45 %, and a plot of at least kMinPlotLines lines of
    // its text (lab 7 at 1366x768 in presentation mode left it ~80 px high): fewer lines or lanes then.
    const int most = std::max(sizes[1], total * 55 / 100);
    const double minPlot = kMinPlotLines * QFontMetricsF(m_canvas->theme().font(9)).height();
    const auto plotLeft = [&](int tabs) {
        return m_canvas->plotRect(QSizeF(m_canvas->width(), total - tabs)).height();
    };
    // The first of these that fits in `most` and leaves the plot its height. None (1366x768 in
    // presentation mode with the terminal across the bottom): the share as it is, which shows three lanes.
    int want = 0, wantLanes = 0;
    for (const auto& [lanes, lines] : {std::pair{3, 3}, std::pair{3, 2}, std::pair{3, 1}, std::pair{2, 1}, std::pair{1, 1}}) {
        const int h = chrome + m_lanes->heightFor(lanes, lines);
        if (h <= most && plotLeft(h) >= minPlot) {
            want = h;
            wantLanes = lanes;
            break;
        }
    }
    if (!want || sizes[1] == want) return;
    // Room enough already (the default share or the user's) while the plot keeps its height; a plot below
    // it gets what three lanes do not need (never fewer lanes than the share shows).
    if (sizes[1] > want && (plotLeft(sizes[1]) >= minPlot || wantLanes < 3)) return;
    if (m_sizesBeforeLanes.isEmpty()) m_sizesBeforeLanes = sizes;
    m_pictures->setSizes({total - want, want});
}

void StreamView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void StreamView::retranslate() {
    m_open->setText(tr("Open trace…"));
    m_cancelButton->setText(tr("Cancel"));
    m_back->setToolTip(tr("Previous event"));
    m_fwd->setToolTip(tr("Next event"));
    m_play->setToolTip(tr("Play / pause"));
    m_speed->setToolTip(tr("Playback speed"));
    m_slider->setToolTip(tr("Arrival order: drag to see the state after any event"));
    m_closeWhy->setText(tr("Close"));
    m_pipelineButton->setText(tr("Pipeline and plot"));
    m_pipelineButton->setToolTip(tr(
        "Show the job as operators and subtasks (the watermark of every input channel) and the plot of max "
        "event time, watermark and processing time"));
    m_details->setTabText(0, tr("Pipeline"));
    m_details->setTabText(1, tr("Max event time · watermark · processing time"));
    m_details->setTabText(2, tr("Processing-time windows"));
    m_details->setTabText(3, tr("Keys: state and timers"));
    m_adoptButton->setText(tr("Show this run in the view"));
    if (m_keys->count() > 0) m_keys->setItemText(0, tr("all keys"));
    setPlaying(isPlaying());
    refreshStatus();
    refreshWhy();
}

} // namespace fluxolab::app
