#include "app/real/passwordstore.h"

#ifdef FLUXOLAB_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace fluxolab::app {

namespace {
const QString kService = QStringLiteral("FluxoLab real cluster");
}

PasswordStore::PasswordStore(QObject* parent) : QObject(parent) {
#ifndef FLUXOLAB_HAVE_KEYCHAIN
    m_keychainOk = false;
#else
    // Tests and CI: no keychain is asked at all (a Secret Service prompt would wait for a user).
    if (qEnvironmentVariableIsSet("FLUXOLAB_NO_KEYCHAIN")) m_keychainOk = false;
#endif
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

void PasswordStore::store(const QString& profile, const QString& password, std::function<void(bool)> done) {
    m_memory[profile] = password;
#ifdef FLUXOLAB_HAVE_KEYCHAIN
    if (m_keychainOk) {
        auto* job = new QKeychain::WritePasswordJob(kService, this);
        job->setAutoDelete(true);
        job->setInsecureFallback(false); // never a plain-text copy on disk
        job->setKey(profile);
        job->setTextData(password);
        connect(job, &QKeychain::Job::finished, this, [this, done](QKeychain::Job* j) {
            const bool ok = j->error() == QKeychain::NoError;
            if (!ok) m_keychainOk = false;
            if (done) done(ok);
        });
        job->start();
        return;
    }
#endif
    if (done) done(false);
}

void PasswordStore::load(const QString& profile, std::function<void(const QString&)> done) {
    if (auto it = m_memory.find(profile); it != m_memory.end()) {
        done(it->second);
        return;
    }
#ifdef FLUXOLAB_HAVE_KEYCHAIN
    if (m_keychainOk) {
        auto* job = new QKeychain::ReadPasswordJob(kService, this);
        job->setAutoDelete(true);
        job->setInsecureFallback(false);
        job->setKey(profile);
        connect(job, &QKeychain::Job::finished, this, [this, done](QKeychain::Job* j) {
            const auto* r = static_cast<QKeychain::ReadPasswordJob*>(j);
            if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound) m_keychainOk = false;
            done(j->error() == QKeychain::NoError ? r->textData() : QString());
        });
        job->start();
        return;
    }
#endif
    done(QString());
}

void PasswordStore::remove(const QString& profile) {
    m_memory.erase(profile);
#ifdef FLUXOLAB_HAVE_KEYCHAIN
    if (m_keychainOk) {
        auto* job = new QKeychain::DeletePasswordJob(kService, this);
        job->setAutoDelete(true);
        job->setKey(profile);
        job->start();
    }
#endif
}

} // namespace fluxolab::app
