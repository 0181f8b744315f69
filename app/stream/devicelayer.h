#pragma once
// Layers in device pixels for the stream view's canvases: what does not change between frames is drawn
// once into an image of the target's device pixels (a 2x screen: twice the logical size) and copied
// onto each frame one image pixel per device pixel.

#include <QImage>
#include <QPoint>
#include <QRectF>
#include <QTransform>

#include <cstdint>
#include <vector>

class QPainter;
class QPaintDevice;

namespace fluxolab::app::device_layer {

/// A transparent image covering `r` (logical coordinates) in the device pixels of `device` (a painter's
/// combinedTransform(): it holds the device pixel ratio), and its device origin. It has `target`'s
/// logical resolution, so that a text drawn into it gets the size it gets drawn on `target` (fonts are
/// in points).
QImage make(const QTransform& device, const QRectF& r, QPoint& origin, const QPaintDevice* target);

/// A painter on a layer made by make(), antialiased, drawing in the canvas's logical coordinates.
void begin(QPainter& q, QImage& img, const QTransform& device, QPoint origin);

/// The layer onto `p` at its device origin, one image pixel per device pixel (source over).
void blit(QPainter& p, QImage& img, QPoint origin);

/// Which tiles (kSize x kSize device pixels) of a transparent layer anything was drawn into: blit() copies
/// the touched ones only, in runs along each row of tiles. The same pixels as copying the whole layer (a
/// fully transparent pixel drawn over another changes nothing), a fraction of the work when the layer is
/// mostly empty (the dots along the event-time picture's diagonal, a watermark staircase).
class Tiles {
public:
    static constexpr int kSize = 64;
    /// For a layer of `size` pixels, nothing drawn.
    void reset(QSize size);
    /// Nothing drawn (the layer was cleared).
    void clear();
    /// Something was drawn within `r` (layer pixels; may reach outside the layer).
    void mark(const QRect& r);
    /// Something was drawn within `r` (logical coordinates) on a layer drawn with begin(..., device, origin).
    void mark(const QRectF& r, const QTransform& device, QPoint origin);
    /// The touched tiles of `img` onto `p` at the layer's device origin (as device_layer::blit).
    void blit(QPainter& p, QImage& img, QPoint origin) const;
    /// Tiles touched (tests, benchmarks).
    std::size_t touched() const;

private:
    int m_cols = 0, m_rows = 0;
    std::vector<std::uint8_t> m_used;
};

} // namespace fluxolab::app::device_layer
