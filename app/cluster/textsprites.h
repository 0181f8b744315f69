#pragma once
// Text drawn through a cache of pre-rendered images. Shaping and rasterising text is most of what a
// frame of the cluster view costs, yet from one frame to the next nearly every string is the same
// ("encomendas-3", "ISR", the offsets of the visible cells). On raster devices each distinct
// (text, font, colour) is rendered once and then blitted; on any other device (SVG export, print)
// and under rotating or scaling transforms the text is drawn normally, so vector output stays text.

#include <QColor>
#include <QFont>
#include <QHash>
#include <QImage>
#include <QRectF>
#include <QString>

#include <array>
#include <vector>

class QPainter;

namespace fluxolab::app {

class TextSprites {
public:
    /// Like QPainter::drawText(rect, flags, text) with the painter's font and pen colour (single
    /// line; word-wrapping flags fall back to QPainter). The text is clipped to `rect` unless
    /// Qt::TextDontClip is given.
    void draw(QPainter& p, const QRectF& rect, int flags, const QString& text);
    /// The same with an explicit font and colour, leaving the painter's state untouched (cheaper:
    /// no pen or font change per call).
    void draw(QPainter& p, const QRectF& rect, int flags, const QString& text, const QFont& font, const QColor& colour);
    /// A rounded "chip": `fill` (invalid = none) with a `border` pen of width `line` (invalid = none)
    /// and `text` centred in `fg`, cached as one image on raster devices.
    /// `radius` < 0: height / 2.5 (a pill).
    void chip(QPainter& p, const QRectF& rect, const QString& text, const QFont& font, const QColor& fill, const QColor& fg,
              const QColor& border, double line, double radius = -1);
    /// QFontMetricsF(font).elidedText(text, mode, width), memoised.
    QString elided(const QFont& font, const QString& text, double width, Qt::TextElideMode mode = Qt::ElideRight);
    /// QFontMetricsF(font).horizontalAdvance(text), memoised.
    double advance(const QFont& font, const QString& text);
    /// Drops every cached entry (also done automatically when the cache grows large).
    void clear();
    std::size_t size() const { return static_cast<std::size_t>(m_sprites.size()); }

private:
    struct Key {
        QString text;
        int font = 0; ///< index into m_fonts
        QRgb colour = 0;
        int dpr = 100; ///< device pixel ratio x 100
        bool operator==(const Key&) const = default;
    };
    friend size_t qHash(const Key& k, size_t seed) noexcept {
        return qHashMulti(seed, k.text, k.font, k.colour, k.dpr);
    }
    struct Sprite {
        QImage image;       ///< premultiplied ARGB, device pixels
        double width = 0;   ///< advance of the text (logical pixels)
        double height = 0;  ///< ascent + descent (logical pixels)
        QPoint ink;         ///< where `image` (trimmed to its ink) sits in the padded text box, device pixels
    };
    struct DigitKey {
        int font = 0;
        QRgb colour = 0;
        int dpr = 100;
        bool operator==(const DigitKey&) const = default;
    };
    friend size_t qHash(const DigitKey& k, size_t seed) noexcept { return qHashMulti(seed, k.font, k.colour, k.dpr); }
    QHash<DigitKey, std::array<Sprite, 10>> m_digits; ///< the commonest pieces, without a string key
    const Sprite& digit(const QFont& font, int fontId, const QColor& colour, double dpr, int d);
    Sprite render(const QFont& font, const QColor& colour, const QString& text, double dpr) const;
    struct MetricKey {
        QString text;
        int font = 0;
        int width = 0; ///< x 16, for elided(); -1 for advance()
        bool operator==(const MetricKey&) const = default;
    };
    friend size_t qHash(const MetricKey& k, size_t seed) noexcept { return qHashMulti(seed, k.text, k.font, k.width); }

    const Sprite& sprite(const QFont& font, const QColor& colour, const QString& text, double dpr);
    static bool cacheable(const QPainter& p);
    /// Small index of a font: fonts are compared once per call (cheap when the caller passes the
    /// same QFont object, which shares its data) instead of hashed with every key.
    int fontId(const QFont& font);
    std::vector<QFont> m_fonts;
    int m_lastFont = -1;

    struct ChipKey {
        QString text;
        int font = 0;
        QRgb fill = 0, fg = 0, border = 0;
        int line = 0, w = 0, h = 0, radius = 0, dpr = 100; ///< x 100, x 8, x 8, x 8, x 100
        bool operator==(const ChipKey&) const = default;
    };
    friend size_t qHash(const ChipKey& k, size_t seed) noexcept {
        return qHashMulti(seed, k.text, k.font, k.fill, k.fg, k.border, k.line, k.w, k.h, k.radius, k.dpr);
    }
    QHash<ChipKey, QImage> m_chips;

    QHash<Key, Sprite> m_sprites;
    QHash<MetricKey, QString> m_elided;
    QHash<MetricKey, double> m_advance;
};

} // namespace fluxolab::app
