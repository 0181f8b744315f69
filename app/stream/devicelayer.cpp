#include "app/stream/devicelayer.h"

#include <QPaintDevice>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace fluxolab::app::device_layer {

QImage make(const QTransform& device, const QRectF& r, QPoint& origin, const QPaintDevice* target) {
    const QRectF d = device.mapRect(r);
    origin = QPoint(static_cast<int>(std::floor(d.left())), static_cast<int>(std::floor(d.top())));
    const QSize size(std::max(1, static_cast<int>(std::ceil(d.right())) - origin.x()),
                     std::max(1, static_cast<int>(std::ceil(d.bottom())) - origin.y()));
    QImage img(size, QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::transparent);
    if (target) {
        // Points become pixels at the target's logical resolution (a screen may have 120 dpi where an
        // image has 96 by default).
        img.setDotsPerMeterX(qRound(target->logicalDpiX() / 0.0254));
        img.setDotsPerMeterY(qRound(target->logicalDpiY() / 0.0254));
    }
    return img;
}

void begin(QPainter& q, QImage& img, const QTransform& device, QPoint origin) {
    img.setDevicePixelRatio(1); // blit gives it the target's ratio; drawn into in device pixels
    q.begin(&img);
    q.setRenderHint(QPainter::Antialiasing);
    q.setTransform(device * QTransform::fromTranslate(-origin.x(), -origin.y()));
}

void blit(QPainter& p, QImage& img, QPoint origin) {
    p.save();
    p.resetTransform();
    const qreal dpr = p.device()->devicePixelRatioF();
    img.setDevicePixelRatio(dpr);
    p.drawImage(QPointF(origin) / dpr, img);
    p.restore();
}

void Tiles::reset(QSize size) {
    m_cols = (std::max(0, size.width()) + kSize - 1) / kSize;
    m_rows = (std::max(0, size.height()) + kSize - 1) / kSize;
    m_used.assign(static_cast<std::size_t>(m_cols) * static_cast<std::size_t>(m_rows), 0);
}

void Tiles::clear() {
    std::fill(m_used.begin(), m_used.end(), std::uint8_t{0});
}

void Tiles::mark(const QRect& r) {
    if (r.isEmpty() || m_cols == 0 || m_rows == 0) return;
    const auto tile = [](int v) { return v < 0 ? -((-v + kSize - 1) / kSize) : v / kSize; }; // floor
    const int x0 = std::max(0, tile(r.left())), x1 = std::min(m_cols - 1, tile(r.right()));
    const int y0 = std::max(0, tile(r.top())), y1 = std::min(m_rows - 1, tile(r.bottom()));
    for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x)
            m_used[static_cast<std::size_t>(y) * static_cast<std::size_t>(m_cols) + static_cast<std::size_t>(x)] = 1;
}

void Tiles::mark(const QRectF& r, const QTransform& device, QPoint origin) {
    // Two device pixels of room for antialiasing around what the rectangle bounds.
    mark(device.mapRect(r).toAlignedRect().translated(-origin).adjusted(-2, -2, 2, 2));
}

void Tiles::blit(QPainter& p, QImage& img, QPoint origin) const {
    p.save();
    p.resetTransform();
    const qreal dpr = p.device()->devicePixelRatioF();
    img.setDevicePixelRatio(dpr);
    for (int y = 0; y < m_rows; ++y) {
        const std::uint8_t* row = m_used.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(m_cols);
        for (int x = 0; x < m_cols;) {
            if (!row[x]) {
                ++x;
                continue;
            }
            const int from = x;
            while (x < m_cols && row[x])
                ++x;
            const QRect source = QRect(from * kSize, y * kSize, (x - from) * kSize, kSize).intersected(img.rect());
            if (source.isEmpty()) continue;
            p.drawImage(QRectF(QPointF(origin + source.topLeft()) / dpr, QSizeF(source.size()) / dpr), img, source);
        }
    }
    p.restore();
}

std::size_t Tiles::touched() const {
    return static_cast<std::size_t>(std::count(m_used.begin(), m_used.end(), std::uint8_t{1}));
}

} // namespace fluxolab::app::device_layer
