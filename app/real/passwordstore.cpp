#include "app/real/passwordstore.h"

#include <QPointer>

#ifdef FLUXOLAB_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace fluxolab::app {

namespace {

#ifdef FLUXOLAB_HAVE_KEYCHAIN
const QString kService = QStringLiteral("FluxoLab real cluster");

/// The system keychain through QtKeychain, never with its plain-text fallback on disk.
class QtKeychain final : public Keychain {
public:
    void write(const QString& key, const QString& password, std::function<void(bool)> done) override {
        auto* job = new QKeychain::WritePasswordJob(kService);
        job->setAutoDelete(true);
        job->setInsecureFallback(false); // never a plain-text copy on disk
        job->setKey(key);
        job->setTextData(password);
        QObject::connect(job, &QKeychain::Job::finished, job,
                         [done](QKeychain::Job* j) { done(j->error() == QKeychain::NoError); });
        job->start();
    }
    void read(const QString& key, std::function<void(bool, const QString&)> done) override {
        auto* job = new QKeychain::ReadPasswordJob(kService);
        job->setAutoDelete(true);
        job->setInsecureFallback(false);
        job->setKey(key);
        QObject::connect(job, &QKeychain::Job::finished, job, [done](QKeychain::Job* j) {
            const auto* r = static_cast<QKeychain::ReadPasswordJob*>(j);
            if (j->error() == QKeychain::NoError) done(true, r->textData());
            else done(j->error() == QKeychain::EntryNotFound, QString());
        });
        job->start();
    }
    void remove(const QString& key) override {
        auto* job = new QKeychain::DeletePasswordJob(kService);
        job->setAutoDelete(true);
        job->setKey(key);
        job->start();
    }
};
#endif

} // namespace

labs::SecretString secretFromQString(const QString& s) {
    QByteArray utf8 = s.toUtf8(); // a buffer of its own
    labs::SecretString out(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
    labs::wipeBytes(utf8.data(), static_cast<std::size_t>(utf8.size()));
    return out;
}

QString deepCopy(const QString& s) { return s.isEmpty() ? QString() : QString(s.constData(), s.size()); }

void wipeQString(QString& s) {
    // Written through the shared buffer on purpose: data() would detach and leave the original.
    // Static data (a literal) is read-only and holds no typed password.
    if (!s.isEmpty() && s.data_ptr().isMutable())
        labs::wipeBytes(const_cast<QChar*>(s.constData()), static_cast<std::size_t>(s.size()) * sizeof(QChar));
    s.clear();
}

PasswordStore::PasswordStore(QObject* parent) : QObject(parent) {
#ifdef FLUXOLAB_HAVE_KEYCHAIN
    // Tests and CI: no keychain is asked at all (a Secret Service prompt would wait for a user).
    if (!qEnvironmentVariableIsSet("FLUXOLAB_NO_KEYCHAIN")) m_keychain = std::make_unique<QtKeychain>();
#endif
}

PasswordStore::~PasswordStore() { forgetSession(); }

void PasswordStore::forgetSession() {
    for (auto& [profile, password] : m_memory) wipeQString(password);
    m_memory.clear();
}

PasswordStore& PasswordStore::instance() {
    static PasswordStore store;
    return store;
}

bool PasswordStore::keychainBuiltIn() {
#ifdef FLUXOLAB_HAVE_KEYCHAIN
    return true;
#else
    return false;
#endif
}

void PasswordStore::setKeychain(std::unique_ptr<Keychain> keychain) {
    m_keychain = std::move(keychain);
    m_keychainOk = true;
}

void PasswordStore::store(const QString& profile, const QString& password, std::function<void(bool)> done) {
    labs::keepSecretsOutOfCoreDumps(); // a password is held from now on (labs/common/secret.h)
    if (auto it = m_memory.find(profile); it != m_memory.end()) wipeQString(it->second);
    m_memory[profile] = deepCopy(password); // the caller may wipe its own buffer
    if (keychainAvailable()) {
        QPointer<PasswordStore> self(this);
        m_keychain->write(profile, password, [self, done](bool ok) {
            if (self && !ok) self->m_keychainOk = false;
            if (done) done(ok);
        });
        return;
    }
    if (done) done(false);
}

void PasswordStore::load(const QString& profile, std::function<void(const QString&)> done) {
    if (auto it = m_memory.find(profile); it != m_memory.end()) {
        done(it->second);
        return;
    }
    if (keychainAvailable()) {
        QPointer<PasswordStore> self(this);
        m_keychain->read(profile, [self, done](bool ok, const QString& password) {
            if (self && !ok) self->m_keychainOk = false;
            if (!password.isEmpty()) labs::keepSecretsOutOfCoreDumps();
            done(password);
        });
        return;
    }
    done(QString());
}

void PasswordStore::remove(const QString& profile) {
    if (auto it = m_memory.find(profile); it != m_memory.end()) wipeQString(it->second);
    m_memory.erase(profile);
    if (keychainAvailable()) m_keychain->remove(profile);
}

} // namespace fluxolab::app
