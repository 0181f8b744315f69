#pragma once
// "Ligar a um cluster real": bootstrap servers, client id, security.protocol, SASL mechanism,
// user, password and CA file, saved as named profiles in QSettings (the password in the system
// keychain, app/real/passwordstore.h); "Testar ligação" probes the cluster off the GUI thread.

#ifndef Q_MOC_RUN
#include "labs/rdkafka/rdkafka_backend.h"
#endif

#include <QDialog>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace fluxolab::app {

class ConnectionDialog : public QDialog {
    Q_OBJECT
public:
    explicit ConnectionDialog(QWidget* parent = nullptr);
    ~ConnectionDialog() override;

    /// The connection the fields describe (the password included, in memory).
    labs::RdKafkaConnection connection() const;
    QString profileName() const;
    /// Fills the fields from a saved profile (its password from the store, asynchronously).
    void loadProfile(const QString& name);
    /// Saves the fields as the current profile (QSettings without the password; the password to
    /// the keychain or, without one, to memory for this run).
    void saveProfile();
    /// Starts "Testar ligação" (the result appears in resultLabel()); while it runs, the same
    /// button cancels it.
    void testConnection();
    /// Cancels a running test at once: the UI is free again, the probe's thread stops waiting
    /// within a slice (50 ms) and destroys its client, off the GUI thread (nobody waits for it).
    /// Closing the dialog (Cancel, Connect, Esc) cancels it too.
    void cancelTest();
    /// Empties the password field and its undo history (QLineEdit::clear() would keep the removed
    /// characters there for an undo), overwriting the field's characters first.
    void clearPassword();
    QLabel* resultLabel() const { return m_result; }
    QLabel* keychainLabel() const { return m_keychain; }
    bool testing() const { return m_testing; }
    /// Upper bound of "Testar ligação" (an unreachable address takes all of it).
    void setProbeTimeout(int ms) { m_probeTimeout = ms; }

    /// The profiles saved in QSettings.
    static QStringList profiles();
    /// The probe's outcome in words (reached, wrong credentials, TLS failure, unreachable...).
    /// `release`: the broker's release line inferred from its API versions ("4.x"; empty: unknown).
    /// `mechanism`: the SASL mechanism tried; a refused SCRAM login with a librdkafka that Kafka 4.x
    /// refuses (labs::rdkafkaScramRefusedByKafka4) says so, since the password may well be right.
    static QString describeProbe(const labs::ProbeResult& result, const QString& release = {},
                                 const QString& mechanism = {});

Q_SIGNALS:
    void tested(bool reached);

public Q_SLOTS:
    void done(int result) override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateFields();
    void showKeychainState();

    QComboBox* m_profile;
    QLineEdit* m_bootstrap;
    QLineEdit* m_clientId;
    QComboBox* m_protocol;
    QComboBox* m_mechanism;
    QLineEdit* m_user;
    QLineEdit* m_password;
    QLineEdit* m_caFile;
    QPushButton* m_browse;
    QPushButton* m_test;
    QPushButton* m_connect;
    QLabel* m_result;
    QLabel* m_keychain;
    std::vector<QLabel*> m_labels;
    bool m_testing = false;
    std::shared_ptr<std::atomic<bool>> m_probeCancel; ///< the running test's (its thread keeps a reference)
    int m_probeTimeout = 5000;
};

} // namespace fluxolab::app
