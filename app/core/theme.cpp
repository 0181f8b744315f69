#include "app/core/theme.h"

namespace fluxolab::app {

Theme Theme::normal() { return Theme{}; }

Theme Theme::projector() {
    Theme t;
    t.presentation = true;
    t.scale = 1.45;
    t.line = 2.5;
    t.background = QColor(0xff, 0xff, 0xff);
    t.panel = QColor(0xff, 0xff, 0xff);
    t.border = QColor(0x10, 0x10, 0x10);
    t.text = QColor(0x00, 0x00, 0x00);
    t.muted = QColor(0x30, 0x30, 0x30);
    t.emptyCell = QColor(0xdd, 0xdd, 0xdd);
    t.cellBorder = QColor(0x30, 0x30, 0x30);
    return t;
}

QFont Theme::font(double points, bool bold) const {
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(points * scale);
    f.setBold(bold);
    return f;
}

QFont Theme::condensed(double points, bool bold) const {
    QFont f(QStringLiteral("DejaVu Sans Condensed"));
    f.setPointSizeF(points * scale);
    f.setBold(bold);
    return f;
}

const std::array<QColor, 8>& keyPalette() {
    static const std::array<QColor, 8> p{QColor(0xe6, 0x9f, 0x00), QColor(0x56, 0xb4, 0xe9), QColor(0x00, 0x9e, 0x73),
                                         QColor(0xf0, 0xe4, 0x42), QColor(0x00, 0x72, 0xb2), QColor(0xd5, 0x5e, 0x00),
                                         QColor(0xcc, 0x79, 0xa7), QColor(0x7f, 0x7f, 0x7f)};
    return p;
}

QColor keyColour(std::uint32_t key) {
    if (key == 0) return QColor(0xd0, 0xd0, 0xcc);
    return keyPalette()[(key - 1) % keyPalette().size()];
}

QColor groupColour(std::int32_t group) {
    static const std::array<QColor, 4> p{QColor(0x1f, 0x3a, 0x93), QColor(0x7b, 0x1f, 0x6e), QColor(0x0b, 0x5d, 0x3b),
                                         QColor(0x8a, 0x4b, 0x08)};
    return p[static_cast<std::size_t>(group < 0 ? 0 : group) % p.size()];
}

QIcon appIcon(const char* themeName, const char* bundled) {
    const QIcon fallback(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(bundled)));
    if (!themeName || !*themeName) return fallback;
    return QIcon::fromTheme(QString::fromLatin1(themeName), fallback);
}

QColor textOn(const QColor& bg) {
    const double l = 0.299 * bg.redF() + 0.587 * bg.greenF() + 0.114 * bg.blueF();
    return l > 0.55 ? QColor(0x10, 0x10, 0x10) : QColor(0xff, 0xff, 0xff);
}

} // namespace fluxolab::app
