#include "app/real/connectiondialog.h"

#include "app/real/passwordstore.h"
#include "app/real/realworker.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace fluxolab::app {

namespace {
const QString kProfiles = QStringLiteral("realCluster/profiles");
QString key(const QString& profile, const char* field) {
    return kProfiles + QLatin1Char('/') + profile + QLatin1Char('/') + QLatin1String(field);
}
} // namespace

ConnectionDialog::ConnectionDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("connectionDialog"));
    auto* column = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_profile = new QComboBox(this);
    m_profile->setObjectName(QStringLiteral("profile"));
    m_profile->setEditable(true);
    m_bootstrap = new QLineEdit(this);
    m_bootstrap->setObjectName(QStringLiteral("bootstrap"));
    m_clientId = new QLineEdit(QStringLiteral("fluxolab"), this);
    m_clientId->setObjectName(QStringLiteral("clientId"));
    m_protocol = new QComboBox(this);
    m_protocol->setObjectName(QStringLiteral("securityProtocol"));
    m_protocol->addItems({QStringLiteral("PLAINTEXT"), QStringLiteral("SSL"), QStringLiteral("SASL_PLAINTEXT"),
                          QStringLiteral("SASL_SSL")});
    m_mechanism = new QComboBox(this);
    m_mechanism->setObjectName(QStringLiteral("saslMechanism"));
    m_mechanism->addItems({QStringLiteral("PLAIN"), QStringLiteral("SCRAM-SHA-256"), QStringLiteral("SCRAM-SHA-512")});
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("user"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_caFile = new QLineEdit(this);
    m_caFile->setObjectName(QStringLiteral("caFile"));
    m_browse = new QPushButton(this);
    auto* caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browse);
    for (int i = 0; i < 8; ++i) m_labels.push_back(new QLabel(this));
    form->addRow(m_labels[0], m_profile);
    form->addRow(m_labels[1], m_bootstrap);
    form->addRow(m_labels[2], m_clientId);
    form->addRow(m_labels[3], m_protocol);
    form->addRow(m_labels[4], m_mechanism);
    form->addRow(m_labels[5], m_user);
    form->addRow(m_labels[6], m_password);
    form->addRow(m_labels[7], caRow);
    column->addLayout(form);
    m_keychain = new QLabel(this);
    m_keychain->setObjectName(QStringLiteral("keychainState"));
    m_keychain->setWordWrap(true);
    column->addWidget(m_keychain);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("testResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setMinimumHeight(fontMetrics().height() * 3);
    column->addWidget(m_result);
    auto* buttons = new QDialogButtonBox(this);
    m_test = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_test->setObjectName(QStringLiteral("testConnection"));
    m_connect = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_connect->setObjectName(QStringLiteral("connect"));
    buttons->addButton(QDialogButtonBox::Cancel);
    column->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        saveProfile();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("CA certificate"), m_caFile->text(),
                                                       tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
        if (!f.isEmpty()) m_caFile->setText(f);
    });
    connect(m_protocol, &QComboBox::currentTextChanged, this, &ConnectionDialog::updateFields);
    connect(m_profile, &QComboBox::textActivated, this, &ConnectionDialog::loadProfile);

    m_profile->addItems(profiles());
    const QString last = QSettings().value(QStringLiteral("realCluster/lastProfile")).toString();
    if (!last.isEmpty() && profiles().contains(last)) loadProfile(last);
    else {
        m_profile->setEditText(QStringLiteral("local"));
        m_bootstrap->setText(QStringLiteral("localhost:9092"));
    }
    retranslate();
    updateFields();
    setMinimumWidth(fontMetrics().averageCharWidth() * 70);
}

QStringList ConnectionDialog::profiles() {
    QSettings s;
    s.beginGroup(kProfiles);
    return s.childGroups();
}

ConnectionDialog::~ConnectionDialog() {
    cancelTest();
    // The typed password's characters are overwritten before Qt frees them (the store and the
    // connection have copies of their own).
    clearPassword();
}

void ConnectionDialog::clearPassword() {
    QString typed = m_password->text(); // shares the field's buffer: wiped in place
    wipeQString(typed);
    // setText, not clear(): clear() is an edit, which records the removed characters in the
    // field's undo history; setText empties that history too.
    m_password->setText(QString());
}

void ConnectionDialog::done(int result) {
    cancelTest(); // Cancel, Connect or Esc while a test runs: nobody waits for it
    QDialog::done(result);
}

void ConnectionDialog::cancelTest() {
    if (!m_testing) return;
    m_probeCancel->store(true); // the probe's thread stops waiting, destroys its client and ends
    m_probeCancel.reset();
    m_testing = false;
    m_test->setText(tr("Test connection"));
    m_result->setText(tr("Test cancelled."));
}

labs::RdKafkaConnection ConnectionDialog::connection() const {
    labs::RdKafkaConnection c;
    c.bootstrap_servers = m_bootstrap->text().trimmed().toStdString();
    c.client_id = m_clientId->text().trimmed().toStdString();
    c.security_protocol = m_protocol->currentText().toStdString();
    if (c.security_protocol.rfind("SASL", 0) == 0) {
        c.sasl_mechanism = m_mechanism->currentText().toStdString();
        c.sasl_username = m_user->text().toStdString();
        c.sasl_password = secretFromQString(m_password->text());
    }
    if (c.security_protocol == "SSL" || c.security_protocol == "SASL_SSL")
        c.ssl_ca_location = m_caFile->text().trimmed().toStdString();
    c.request_timeout_ms = 5000;
    return c;
}

QString ConnectionDialog::profileName() const {
    QString name = m_profile->currentText().trimmed();
    name.replace(QLatin1Char('/'), QLatin1Char('_'));
    return name.isEmpty() ? QStringLiteral("local") : name;
}

void ConnectionDialog::loadProfile(const QString& name) {
    QSettings s;
    m_profile->setEditText(name);
    m_bootstrap->setText(s.value(key(name, "bootstrap"), QStringLiteral("localhost:9092")).toString());
    m_clientId->setText(s.value(key(name, "clientId"), QStringLiteral("fluxolab")).toString());
    m_protocol->setCurrentText(s.value(key(name, "securityProtocol"), QStringLiteral("PLAINTEXT")).toString());
    m_mechanism->setCurrentText(s.value(key(name, "saslMechanism"), QStringLiteral("PLAIN")).toString());
    m_user->setText(s.value(key(name, "user")).toString());
    m_caFile->setText(s.value(key(name, "caFile")).toString());
    clearPassword();
    QPointer<ConnectionDialog> self(this);
    PasswordStore::instance().load(name, [self, name](const QString& password) {
        // A copy of its own: the dialog wipes its field's buffer when it goes (~ConnectionDialog).
        if (self && self->profileName() == name && self->m_password->text().isEmpty())
            self->m_password->setText(deepCopy(password));
        if (self) self->showKeychainState();
    });
    updateFields();
}

void ConnectionDialog::saveProfile() {
    const QString name = profileName();
    QSettings s;
    s.setValue(key(name, "bootstrap"), m_bootstrap->text().trimmed());
    s.setValue(key(name, "clientId"), m_clientId->text().trimmed());
    s.setValue(key(name, "securityProtocol"), m_protocol->currentText());
    s.setValue(key(name, "saslMechanism"), m_mechanism->currentText());
    s.setValue(key(name, "user"), m_user->text());
    s.setValue(key(name, "caFile"), m_caFile->text().trimmed());
    s.setValue(QStringLiteral("realCluster/lastProfile"), name);
    s.sync();
    if (m_profile->findText(name) < 0) m_profile->addItem(name);
    QPointer<ConnectionDialog> self(this);
    if (!m_password->text().isEmpty())
        PasswordStore::instance().store(name, m_password->text(), [self](bool) {
            if (self) self->showKeychainState();
        });
    else
        PasswordStore::instance().remove(name);
}

void ConnectionDialog::testConnection() {
    if (m_testing) {
        cancelTest(); // the button says "Cancel the test" meanwhile
        return;
    }
    if (m_bootstrap->text().trimmed().isEmpty()) {
        m_result->setText(tr("Write the bootstrap servers first (host:port, for example localhost:9092)."));
        return;
    }
    m_testing = true;
    m_probeCancel = std::make_shared<std::atomic<bool>>(false);
    m_test->setText(tr("Cancel the test"));
    m_result->setText(tr("Testing the connection to %1…").arg(m_bootstrap->text().trimmed()));
    QPointer<ConnectionDialog> self(this);
    const std::shared_ptr<std::atomic<bool>> cancel = m_probeCancel;
    const QString mechanism = m_protocol->currentText().startsWith(QLatin1String("SASL")) ? m_mechanism->currentText()
                                                                                           : QString();
    probeAsync(
        connection(), m_probeTimeout, this,
        [self, cancel, mechanism](const labs::ProbeResult& r, const std::string& release) {
            // A cancelled test's late answer is not shown (a newer test may be running).
            if (!self || self->m_probeCancel != cancel) return;
            self->m_testing = false;
            self->m_probeCancel.reset();
            self->m_test->setText(tr("Test connection"));
            self->m_result->setText(describeProbe(r, QString::fromStdString(release), mechanism));
            Q_EMIT self->tested(r.reached());
        },
        cancel);
}

QString ConnectionDialog::describeProbe(const labs::ProbeResult& r, const QString& release, const QString& mechanism) {
    const QString detail = QString::fromStdString(r.detail);
    switch (r.status) {
    case labs::ClientError::None:
        // Kafka's protocol has no request for the broker's release version: the release line is
        // inferred from the request versions ApiVersions lists (labs::kafkaReleaseFromApiVersions).
        if (!release.isEmpty())
            return tr("Reached: %n broker(s), cluster id %1, Kafka %2 (inferred from the protocol versions the "
                      "broker supports; Kafka does not report its exact version to clients).",
                      nullptr, r.brokers)
                .arg(r.cluster_id.empty() ? QStringLiteral("-") : QString::fromStdString(r.cluster_id), release);
        return tr("Reached: %n broker(s), cluster id %1. (Kafka does not report its release version to "
                  "clients.)",
                  nullptr, r.brokers)
            .arg(r.cluster_id.empty() ? QStringLiteral("-") : QString::fromStdString(r.cluster_id));
    case labs::ClientError::Unreachable:
        return tr("Unreachable: no broker accepted a connection at this address (%1).").arg(detail);
    case labs::ClientError::TimedOut:
        return tr("No answer: a broker was reached but did not answer in time (%1).").arg(detail);
    case labs::ClientError::AuthenticationFailed: {
        QString text = tr("Wrong credentials: the broker refused the user, password or SASL mechanism (%1).").arg(detail);
        if (mechanism.startsWith(QLatin1String("SCRAM-")) && labs::rdkafkaScramRefusedByKafka4()) {
            const QString version = QString::fromStdString(labs::rdkafkaVersion());
            if (release == QLatin1String("4.x"))
                text += QLatin1Char(' ') +
                        tr("But the broker is Kafka 4.x, which refuses every SCRAM login of the librdkafka %1 "
                           "of this build, even with the right password (librdkafka bug #4895, fixed in 2.6.1): "
                           "use the PLAIN mechanism (with SASL_SSL outside the classroom).")
                            .arg(version);
            else
                text += QLatin1Char(' ') +
                        tr("If the broker is Kafka 4.x, it refuses every SCRAM login of the librdkafka %1 of "
                           "this build, even with the right password (librdkafka bug #4895, fixed in 2.6.1): "
                           "use the PLAIN mechanism (with SASL_SSL outside the classroom).")
                            .arg(version);
        }
        return text;
    }
    case labs::ClientError::TlsFailed:
        return tr("TLS failure: the handshake or the certificate check failed (%1).").arg(detail);
    case labs::ClientError::BadConfiguration:
        return tr("Invalid settings: the client refused them (%1).").arg(detail);
    case labs::ClientError::Other: break;
    }
    return tr("Not reached: %1").arg(detail);
}

void ConnectionDialog::updateFields() {
    const QString p = m_protocol->currentText();
    const bool sasl = p.startsWith(QLatin1String("SASL"));
    const bool ssl = p == QLatin1String("SSL") || p == QLatin1String("SASL_SSL");
    m_mechanism->setEnabled(sasl);
    m_user->setEnabled(sasl);
    m_password->setEnabled(sasl);
    m_caFile->setEnabled(ssl);
    m_browse->setEnabled(ssl);
}

void ConnectionDialog::showKeychainState() {
    if (PasswordStore::instance().keychainAvailable())
        m_keychain->setText(tr("The password is kept in the system keychain, never in the settings file."));
    else
        m_keychain->setText(tr("No system keychain is available: the password is kept in memory for this "
                               "session only and is never written to disk."));
}

void ConnectionDialog::retranslate() {
    setWindowTitle(tr("Connect to a real cluster"));
    const char* names[] = {QT_TR_NOOP("Profile:"), QT_TR_NOOP("Bootstrap servers:"), QT_TR_NOOP("Client id:"),
                           QT_TR_NOOP("security.protocol:"), QT_TR_NOOP("SASL mechanism:"), QT_TR_NOOP("User:"),
                           QT_TR_NOOP("Password:"), QT_TR_NOOP("CA file:")};
    for (std::size_t i = 0; i < m_labels.size(); ++i) m_labels[i]->setText(tr(names[i]));
    m_browse->setText(tr("Choose…"));
    m_test->setText(m_testing ? tr("Cancel the test") : tr("Test connection"));
    m_connect->setText(tr("Connect"));
    m_bootstrap->setPlaceholderText(tr("host:port[,host:port…]"));
    showKeychainState();
}

void ConnectionDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QDialog::changeEvent(event);
}

} // namespace fluxolab::app
