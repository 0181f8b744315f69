#pragma once
// Passwords of the real-cluster connection profiles: in the system keychain (QtKeychain: Secret
// Service, KWallet, macOS Keychain, Windows Credential Store), never in QSettings, files or logs.
// Where no keychain service answers (CI, a session without one) a password is kept in memory for
// this run only, and the dialog says so.

#ifndef Q_MOC_RUN
#include "labs/common/secret.h"
#endif

#include <QObject>
#include <QString>

#include <functional>
#include <map>
#include <memory>

namespace fluxolab::app {

/// `s` as a SecretString, through a UTF-8 buffer that is overwritten before it is freed.
labs::SecretString secretFromQString(const QString& s);
/// A copy of `s` in a buffer of its own (QString shares its buffer on copy: a copy made with this
/// can be wiped without touching `s`, and the other way round).
QString deepCopy(const QString& s);
/// Overwrites the characters of `s` in place, in every QString that shares its buffer, then
/// empties `s`. Only for a buffer nobody reads as a password any more.
void wipeQString(QString& s);

/// A keychain the store writes to: QtKeychain in the app; the tests put an in-memory one in its
/// place (no Secret Service runs under the offscreen/xvfb tests). Asynchronous, as QtKeychain.
class Keychain {
public:
    virtual ~Keychain() = default;
    /// `done(true)` when the keychain holds `password` under `key`, `done(false)` when it failed.
    virtual void write(const QString& key, const QString& password, std::function<void(bool)> done) = 0;
    /// `done(ok, password)`: ok with an empty password when there is no entry; !ok when it failed.
    virtual void read(const QString& key, std::function<void(bool, const QString&)> done) = 0;
    virtual void remove(const QString& key) = 0;
};

class PasswordStore : public QObject {
    Q_OBJECT
public:
    explicit PasswordStore(QObject* parent = nullptr);
    ~PasswordStore() override;
    /// The application-wide store.
    static PasswordStore& instance();

    /// Whether QtKeychain was built in (compile time).
    static bool keychainBuiltIn();
    /// false once the keychain failed (no service): passwords stay in memory only.
    bool keychainAvailable() const { return m_keychain && m_keychainOk; }
    /// Replaces the keychain (tests: an in-memory one; nullptr: none, memory only).
    void setKeychain(std::unique_ptr<Keychain> keychain);
    /// Forgets the passwords this run keeps in memory, as a new run of the app would.
    void forgetSession();

    /// Stores the password of `profile` (asynchronous); `done(true)` when the keychain has it,
    /// `done(false)` when it stays in memory only.
    void store(const QString& profile, const QString& password, std::function<void(bool)> done = {});
    /// Reads it: from memory when this run has it, else from the keychain; `done(password)`
    /// (empty when none).
    void load(const QString& profile, std::function<void(const QString&)> done);
    void remove(const QString& profile);

private:
    std::map<QString, QString> m_memory; ///< this run only
    std::unique_ptr<Keychain> m_keychain;
    bool m_keychainOk = true;
};

} // namespace fluxolab::app
