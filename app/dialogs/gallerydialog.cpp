#include "app/dialogs/gallerydialog.h"

#include "app/cluster/clustercanvas.h"
#include "app/core/errortexts.h"
#include "app/core/language.h"
#include "app/core/simulationcontroller.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace fluxolab::app {

std::vector<GalleryEntry> readGallery() {
    std::vector<GalleryEntry> out;
    const QDir dir(scenariosDir());
    const bool en = currentLanguage() == QStringLiteral("en");
    for (const QString& file : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        GalleryEntry e;
        e.path = dir.filePath(file);
        e.name = QFileInfo(file).completeBaseName();
        labs::ScenarioError err;
        std::optional<labs::Scenario> s;
        try {
            s = labs::loadScenarioFile(QFile::encodeName(e.path).toStdString(), err);
        } catch (const std::exception& ex) {
            err.code = labs::ScenarioErrorCode::Internal;
            err.detail = ex.what();
        }
        if (!s) {
            e.title = e.name;
            e.error = ErrorTexts::scenarioError(err);
        } else {
            const auto& t = en && !s->title.en.empty() ? s->title.en : s->title.pt_PT;
            const auto& d = en && !s->description.en.empty() ? s->description.en : s->description.pt_PT;
            e.title = t.empty() ? e.name : QString::fromStdString(t);
            e.description = QString::fromStdString(d);
        }
        out.push_back(e);
    }
    return out;
}

namespace {
QPixmap thumbnail(const QString& path) {
    SimulationController c;
    if (!c.loadFile(path, nullptr)) return {};
    c.runTo(std::min<labs::TimeMs>(c.duration(), 25000));
    ClusterCanvas view(&c);
    QImage image(1280, 720, QImage::Format_ARGB32_Premultiplied);
    QPainter p(&image);
    view.render(p, QSizeF(1280, 720));
    p.end();
    return QPixmap::fromImage(image.scaled(256, 144, Qt::KeepAspectRatio, Qt::SmoothTransformation));
}
} // namespace

GalleryDialog::GalleryDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Scenario gallery"));
    resize(900, 560);
    auto* layout = new QVBoxLayout(this);
    auto* row = new QHBoxLayout;
    m_list = new QListWidget(this);
    m_list->setIconSize(QSize(256, 144));
    m_list->setMinimumWidth(480);
    m_list->setSpacing(4);
    m_details = new QLabel(this);
    m_details->setWordWrap(true);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setMinimumWidth(320);
    row->addWidget(m_list, 3);
    row->addWidget(m_details, 2);
    layout->addLayout(row, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Open)->setText(tr("Open"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &QDialog::accept);
    connect(m_list, &QListWidget::currentRowChanged, this, &GalleryDialog::showDetails);

    m_entries = readGallery();
    for (const auto& e : m_entries) {
        auto* item = new QListWidgetItem(e.error.isEmpty() ? e.title : tr("%1 (invalid file)").arg(e.title), m_list);
        if (e.error.isEmpty()) item->setIcon(QIcon(thumbnail(e.path)));
        item->setToolTip(e.description);
    }
    if (m_entries.empty()) m_details->setText(tr("No scenarios found in %1.").arg(QDir::toNativeSeparators(scenariosDir())));
    else m_list->setCurrentRow(0);
    fitListToTitles();
}

void GalleryDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange) fitListToTitles(); // presentation mode's font
    QDialog::changeEvent(event);
}

void GalleryDialog::fitListToTitles() {
    const int scrollBar = m_list->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_list);
    const int widest = m_list->sizeHintForColumn(0) + 2 * m_list->spacing() + 2 * m_list->frameWidth() + scrollBar;
    m_list->setMinimumWidth(std::max(480, widest));
}

void GalleryDialog::showDetails() {
    const int r = m_list->currentRow();
    if (r < 0 || r >= static_cast<int>(m_entries.size())) return;
    const auto& e = m_entries[static_cast<std::size_t>(r)];
    QString html = QStringLiteral("<h3>%1</h3><p>%2</p><p style='color:#666'>%3</p>")
                       .arg(e.title.toHtmlEscaped(), e.description.toHtmlEscaped(), e.name.toHtmlEscaped());
    if (!e.error.isEmpty()) html += QStringLiteral("<p style='color:#c0392b'>%1<br>%2</p>").arg(tr("This file is not valid:"), e.error.toHtmlEscaped());
    m_details->setText(html);
}

QString GalleryDialog::selectedPath() const {
    const int r = m_list->currentRow();
    if (r < 0 || r >= static_cast<int>(m_entries.size())) return {};
    return m_entries[static_cast<std::size_t>(r)].path;
}

} // namespace fluxolab::app
