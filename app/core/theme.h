#pragma once
// Colours and sizes of the views: normal and presentation (projector) mode.

#include <QColor>
#include <QFont>
#include <QIcon>

#include <array>
#include <cstdint>

namespace fluxolab::app {

struct Theme {
    bool presentation = false;
    double scale = 1.0;        ///< multiplies every size (fonts, strips, lines)
    double line = 1.0;         ///< base pen width
    QColor background{0xfa, 0xfa, 0xf7};
    QColor panel{0xff, 0xff, 0xff};
    QColor border{0x9a, 0xa0, 0xa6};
    QColor text{0x20, 0x24, 0x28};
    QColor muted{0x6b, 0x72, 0x78};
    QColor offline{0xc0, 0x39, 0x2b};
    QColor ok{0x00, 0x9e, 0x73};
    QColor warn{0xe6, 0x9f, 0x00};
    QColor hw{0xd5, 0x5e, 0x00};
    QColor leader{0x00, 0x72, 0xb2};
    QColor emptyCell{0xe8, 0xe8, 0xe4};
    QColor cellBorder{0xb8, 0xbc, 0xc0}; ///< hairline around a log strip

    static Theme normal();
    static Theme projector();
    QFont font(double points, bool bold = false) const;
    QFont condensed(double points, bool bold = false) const;
    double px(double v) const { return v * scale; }
};

/// Okabe-Ito colour-blind-safe palette (black replaced by grey so offsets stay readable).
const std::array<QColor, 8>& keyPalette();
/// Colour of a record key (interned key id; 0 = null key).
QColor keyColour(std::uint32_t key);
/// Dark, distinct colours for consumer groups (position/committed markers).
QColor groupColour(std::int32_t group);
/// A toolbar icon: the desktop theme's icon `themeName` when it has one, else the bundled SVG
/// assets/icons/<bundled>.svg (resource :/icons/<bundled>.svg).
QIcon appIcon(const char* themeName, const char* bundled);

/// Black or white, whichever reads better on `bg`.
QColor textOn(const QColor& bg);

} // namespace fluxolab::app
