#pragma once
// A text a stream canvas drew, with the box it had to stay in and where its ink went: the canvases
// keep those of their last render so that tests can measure them (nothing cut, overlapping or tiny).

#include <QFont>
#include <QRectF>
#include <QString>

namespace fluxolab::app {

struct PlacedText {
    QString text; ///< what was drawn
    QString full; ///< the text before any eliding ("…"); equal to `text` when it was drawn whole
    QRectF box;   ///< the box it had to stay in
    QRectF ink;   ///< where it went (the font's bounding rectangle of `text` laid out in `box`)
    QFont font;
    QString role; ///< what it labels: "legend", "axis", "window", "side", "lane", "watermark", "pipeline", "hint"
};

} // namespace fluxolab::app
