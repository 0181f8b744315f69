#pragma once
// "Open trace…": the file and the options of the run (the same as fluxolab-cli replay's).

#ifndef Q_MOC_RUN
#include "labs/stream_observe/stream_observation.h"
#endif

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace fluxolab::app {

class TraceDialog : public QDialog {
    Q_OBJECT
public:
    explicit TraceDialog(QWidget* parent = nullptr);

    void setPath(const QString& path);
    QString path() const;
    /// Fills the fields from options (the previous run's).
    void setOptions(const stream_observe::RunOptions& options);
    /// The options, or nothing with a message (Portuguese in the UI) in `error`.
    std::optional<stream_observe::RunOptions> options(QString* error) const;
    /// "Send trace to a topic": the trace goes into one of `topics` (Kafka partitions by key, so the
    /// partition field is off) and the job reads that topic with the chosen parallelism.
    void setTopics(const QStringList& topics);
    QString topic() const;
    int parallelism() const;

private:
    void browse();
    void accept() override;

    QLineEdit* m_path;
    QLineEdit* m_timeField;
    QLineEdit* m_keyField;
    QLineEdit* m_arrivalField;
    QLineEdit* m_partitionField;
    QComboBox* m_watermark;
    QLineEdit* m_bound;
    QComboBox* m_window;
    QLineEdit* m_size;
    QLineEdit* m_second;
    QLabel* m_secondLabel;
    QComboBox* m_agg;
    QLineEdit* m_aggField;
    QLineEdit* m_lateness;
    QLineEdit* m_idle;
    QCheckBox* m_perEvent;
    QSpinBox* m_parallelism;
    QComboBox* m_delimiter;
    QComboBox* m_onError;
    QLabel* m_error;
    QComboBox* m_topic = nullptr;
};

} // namespace fluxolab::app
