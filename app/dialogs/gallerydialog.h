#pragma once
// The scenario gallery: every assets/scenarios/*.json with its title, explanation and a thumbnail.

#include <QDialog>
#include <QString>

#include <vector>

class QListWidget;
class QLabel;

namespace fluxolab::app {

struct GalleryEntry {
    QString path;
    QString name;
    QString title;
    QString description;
    QString error; ///< non-empty when the file does not parse
};

/// Reads the gallery (titles in the current language).
std::vector<GalleryEntry> readGallery();

class GalleryDialog : public QDialog {
    Q_OBJECT
public:
    explicit GalleryDialog(QWidget* parent = nullptr);
    QString selectedPath() const;
    QListWidget* list() const { return m_list; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void showDetails();
    /// The list as wide as its widest row (thumbnail and whole title): no sideways scrolling, at the
    /// normal and the presentation font.
    void fitListToTitles();
    QListWidget* m_list;
    QLabel* m_details;
    std::vector<GalleryEntry> m_entries;
};

} // namespace fluxolab::app
