#pragma once
// Passwords of the real-cluster connection profiles: in the system keychain (QtKeychain: Secret
// Service, KWallet, macOS Keychain, Windows Credential Store), never in QSettings, files or logs.
// Where no keychain service answers (CI, a session without one) a password is kept in memory for
// this run only, and the dialog says so.

#include <QObject>
#include <QString>

#include <functional>
#include <map>

namespace fluxolab::app {

class PasswordStore : public QObject {
    Q_OBJECT
public:
    explicit PasswordStore(QObject* parent = nullptr);
    /// The application-wide store.
    static PasswordStore& instance();

    /// Whether QtKeychain was built in (compile time).
    static bool keychainBuiltIn();
    /// false once the keychain failed (no service): passwords stay in memory only.
    bool keychainAvailable() const { return m_keychainOk; }

    /// Stores the password of `profile` (asynchronous); `done(true)` when the keychain has it,
    /// `done(false)` when it stays in memory only.
    void store(const QString& profile, const QString& password, std::function<void(bool)> done = {});
    /// Reads it: from memory when this run has it, else from the keychain; `done(password)`
    /// (empty when none).
    void load(const QString& profile, std::function<void(const QString&)> done);
    void remove(const QString& profile);

private:
    std::map<QString, QString> m_memory; ///< this run only
    bool m_keychainOk = true;
};

} // namespace fluxolab::app
