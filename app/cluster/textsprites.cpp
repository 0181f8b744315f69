#include "app/cluster/textsprites.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPaintEngine>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <vector>

namespace fluxolab::app {

namespace {
constexpr qsizetype kMaxSprites = 6000;  ///< ~ a few MB; a frame of the big benchmark uses ~1000
constexpr qsizetype kMaxMetrics = 20000;
constexpr int kPad = 2;                   ///< room for glyphs that reach outside their advance
} // namespace

int TextSprites::fontId(const QFont& font) {
    if (m_lastFont >= 0 && m_fonts[static_cast<std::size_t>(m_lastFont)] == font) return m_lastFont;
    for (std::size_t i = 0; i < m_fonts.size(); ++i)
        if (m_fonts[i] == font) return m_lastFont = static_cast<int>(i);
    m_fonts.push_back(font);
    return m_lastFont = static_cast<int>(m_fonts.size() - 1);
}

void TextSprites::clear() {
    m_fonts.clear();
    m_lastFont = -1;
    m_digits.clear();
    m_sprites.clear();
    m_chips.clear();
    m_elided.clear();
    m_advance.clear();
}

QString TextSprites::elided(const QFont& font, const QString& text, double width, Qt::TextElideMode mode) {
    if (m_elided.size() > kMaxMetrics) m_elided.clear();
    MetricKey k{text, fontId(font), static_cast<int>(std::lround(width * 16)) * 4 + static_cast<int>(mode)};
    auto it = m_elided.constFind(k);
    if (it != m_elided.constEnd()) return *it;
    QString e = QFontMetricsF(font).elidedText(text, mode, width);
    m_elided.insert(std::move(k), e);
    return e;
}

double TextSprites::advance(const QFont& font, const QString& text) {
    if (m_advance.size() > kMaxMetrics) m_advance.clear();
    MetricKey k{text, fontId(font), -1};
    auto it = m_advance.constFind(k);
    if (it != m_advance.constEnd()) return *it;
    const double a = QFontMetricsF(font).horizontalAdvance(text);
    m_advance.insert(std::move(k), a);
    return a;
}

TextSprites::Sprite TextSprites::render(const QFont& font, const QColor& colour, const QString& text, double dpr) const {
    const QFontMetricsF fm(font);
    Sprite s;
    s.width = fm.horizontalAdvance(text);
    s.height = fm.ascent() + fm.descent();
    const int w = static_cast<int>(std::ceil((s.width + 2 * kPad) * dpr));
    const int h = static_cast<int>(std::ceil((s.height + 2 * kPad) * dpr));
    QImage full(std::max(1, w), std::max(1, h), QImage::Format_ARGB32_Premultiplied);
    full.fill(Qt::transparent);
    {
        QPainter ip(&full);
        ip.setRenderHint(QPainter::TextAntialiasing, true);
        ip.scale(dpr, dpr);
        ip.setFont(font);
        ip.setPen(colour);
        ip.drawText(QPointF(kPad, kPad + fm.ascent()), text);
    }
    // Keep only the inked pixels: blending the transparent margin is most of a small sprite's cost.
    int x0 = full.width(), y0 = full.height(), x1 = -1, y1 = -1;
    for (int y = 0; y < full.height(); ++y) {
        const auto* row = reinterpret_cast<const QRgb*>(full.constScanLine(y));
        for (int x = 0; x < full.width(); ++x) {
            if (qAlpha(row[x]) == 0) continue;
            x0 = std::min(x0, x);
            x1 = std::max(x1, x);
            y0 = std::min(y0, y);
            y1 = std::max(y1, y);
        }
    }
    if (x1 < 0) { // nothing visible (spaces)
        s.image = QImage();
        return s;
    }
    s.ink = QPoint(x0, y0);
    s.image = full.copy(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    s.image.setDevicePixelRatio(dpr);
    return s;
}

const TextSprites::Sprite& TextSprites::sprite(const QFont& font, const QColor& colour, const QString& text, double dpr) {
    Key k{text, fontId(font), colour.rgba(), static_cast<int>(std::lround(dpr * 100))};
    auto it = m_sprites.constFind(k);
    if (it != m_sprites.constEnd()) return *it;
    if (m_sprites.size() > kMaxSprites) m_sprites.clear();
    return *m_sprites.insert(std::move(k), render(font, colour, text, dpr));
}

const TextSprites::Sprite& TextSprites::digit(const QFont& font, int id, const QColor& colour, double dpr, int d) {
    auto& set = m_digits[DigitKey{id, colour.rgba(), static_cast<int>(std::lround(dpr * 100))}];
    Sprite& s = set[static_cast<std::size_t>(d)];
    if (s.height == 0) s = render(font, colour, QString(QChar(u'0' + d)), dpr);
    return s;
}

bool TextSprites::cacheable(const QPainter& p) {
    return p.paintEngine() && p.paintEngine()->type() == QPaintEngine::Raster && p.transform().type() <= QTransform::TxTranslate;
}

void TextSprites::chip(QPainter& p, const QRectF& r, const QString& text, const QFont& font, const QColor& fill, const QColor& fg,
                       const QColor& border, double line, double radius) {
    if (radius < 0) radius = r.height() / 2.5;
    if (!cacheable(p) || r.width() <= 0 || r.height() <= 0) {
        p.save();
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(border.isValid() ? QPen(border, line) : QPen(Qt::NoPen));
        p.setBrush(fill.isValid() ? QBrush(fill) : QBrush(Qt::NoBrush));
        p.drawRoundedRect(r, radius, radius);
        p.setFont(font);
        p.setPen(fg);
        p.drawText(r, Qt::AlignCenter, text);
        p.restore();
        return;
    }
    // The rounded background is cached by size and colours only; the text on it (often a number
    // that changes every frame, "lag 12") goes through draw(), which composes digits.
    const double dpr = p.device() ? p.device()->devicePixelRatioF() : 1.0;
    ChipKey k{QString(),
              0,
              fill.isValid() ? fill.rgba() : 0,
              0,
              border.isValid() ? border.rgba() : 0,
              static_cast<int>(std::lround(line * 100)),
              static_cast<int>(std::lround(r.width() * 8)),
              static_cast<int>(std::lround(r.height() * 8)),
              static_cast<int>(std::lround(radius * 8)),
              static_cast<int>(std::lround(dpr * 100))};
    auto it = m_chips.constFind(k);
    if (it == m_chips.constEnd()) {
        if (m_chips.size() > kMaxSprites) m_chips.clear();
        QImage img(static_cast<int>(std::ceil((r.width() + 2 * kPad) * dpr)), static_cast<int>(std::ceil((r.height() + 2 * kPad) * dpr)),
                   QImage::Format_ARGB32_Premultiplied);
        img.setDevicePixelRatio(dpr);
        img.fill(Qt::transparent);
        {
            QPainter ip(&img);
            ip.setRenderHint(QPainter::Antialiasing, true);
            ip.setPen(border.isValid() ? QPen(border, line) : QPen(Qt::NoPen));
            ip.setBrush(fill.isValid() ? QBrush(fill) : QBrush(Qt::NoBrush));
            ip.drawRoundedRect(QRectF(kPad, kPad, r.width(), r.height()), radius, radius);
        }
        it = m_chips.insert(std::move(k), std::move(img));
    }
    p.drawImage(QPointF(std::round((r.left() - kPad) * dpr) / dpr, std::round((r.top() - kPad) * dpr) / dpr), *it);
    draw(p, r, Qt::AlignCenter, text, font, fg);
}

void TextSprites::draw(QPainter& p, const QRectF& rect, int flags, const QString& text) {
    draw(p, rect, flags, text, p.font(), p.pen().color());
}

void TextSprites::draw(QPainter& p, const QRectF& rect, int flags, const QString& text, const QFont& font, const QColor& colour) {
    if (text.isEmpty()) return;
    const bool simple = !(flags & (Qt::TextWordWrap | Qt::TextWrapAnywhere | Qt::TextExpandTabs)) && !text.contains(QLatin1Char('\n'));
    if (!simple || !cacheable(p)) {
        const QFont oldFont = p.font();
        const QPen oldPen = p.pen();
        p.setFont(font);
        p.setPen(colour);
        p.drawText(rect, flags, text);
        p.setFont(oldFont);
        p.setPen(oldPen);
        return;
    }
    const double dpr = p.device() ? p.device()->devicePixelRatioF() : 1.0;
    // Strings with numbers change from frame to frame (offsets, LEO/HW, lag, counters). They are
    // composed from cached pieces (each digit alone, the text between digits as a whole), so the
    // cache stays small and nearly every piece is a hit. Digits have equal advances in text fonts,
    // and nothing kerns across a digit boundary in the strings drawn here.
    struct Part {
        Sprite sprite; ///< a copy: QImage is implicitly shared, and inserting may move hash nodes
        double x = 0;
    };
    std::vector<Part> parts;
    double width = 0;
    auto isDigit = [](QChar c) { return c.unicode() >= u'0' && c.unicode() <= u'9'; };
    const bool hasDigit = std::any_of(text.begin(), text.end(), isDigit);
    if (!hasDigit) {
        parts.push_back({sprite(font, colour, text, dpr), 0});
        width = parts.back().sprite.width;
    } else {
        const int id = fontId(font);
        qsizetype i = 0;
        while (i < text.size()) {
            const char16_t c = text[i].unicode();
            if (c >= u'0' && c <= u'9') {
                parts.push_back({digit(font, id, colour, dpr, c - u'0'), width});
                width += parts.back().sprite.width;
                ++i;
                continue;
            }
            qsizetype n = 1;
            while (i + n < text.size() && !isDigit(text[i + n])) ++n;
            parts.push_back({sprite(font, colour, text.mid(i, n), dpr), width});
            width += parts.back().sprite.width;
            i += n;
        }
    }
    const double height = parts.front().sprite.height;
    double x = rect.left();
    if (flags & Qt::AlignRight) x = rect.right() - width;
    else if (flags & Qt::AlignHCenter) x = rect.left() + (rect.width() - width) / 2;
    double y = rect.top();
    if (flags & Qt::AlignBottom) y = rect.bottom() - height;
    else if (flags & Qt::AlignVCenter) y = rect.top() + (rect.height() - height) / 2;
    // Like QPainter::drawText: clipped only when the text's box does not fit in `rect`.
    const bool clip = !(flags & Qt::TextDontClip) && !rect.adjusted(-0.5, -0.5, 0.5, 0.5).contains(QRectF(x, y, width, height));
    if (clip) {
        p.save();
        p.setClipRect(rect, Qt::IntersectClip);
    }
    for (const Part& part : parts) {
        // Whole device pixels, as the raster engine places glyph runs.
        if (part.sprite.image.isNull()) continue;
        const QPointF origin((std::round((x + part.x - kPad) * dpr) + part.sprite.ink.x()) / dpr,
                             (std::round((y - kPad) * dpr) + part.sprite.ink.y()) / dpr);
        p.drawImage(origin, part.sprite.image);
    }
    if (clip) p.restore();
}

} // namespace fluxolab::app
