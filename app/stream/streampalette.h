#pragma once

#include <QColor>

namespace fluxolab::app::stream_palette {

// The stream view's colours (Okabe-Ito, readable by colour-blind students), one place for the
// event-time picture, the pipeline and the watermark plot, so a watermark is the same orange everywhere.
inline const QColor kEvent{0x00, 0x72, 0xb2};     ///< an element (dot), the max event time
inline const QColor kLate{0xd5, 0x2b, 0x1e};      ///< a late element, the side output
inline const QColor kWatermark{0xe6, 0x9f, 0x00}; ///< watermarks
inline const QColor kOpen{0x56, 0xb4, 0xe9};      ///< an open window
inline const QColor kFired{0x00, 0x9e, 0x73};     ///< a fired window
inline const QColor kIdle{0xc8, 0xc8, 0xc8};      ///< an idle partition, split or channel
inline const QColor kSelected{0xd5, 0x5e, 0x00};  ///< the window the student clicked
inline const QColor kProcessing{0xcc, 0x79, 0xa7}; ///< processing time
inline const QColor kEdge{0xb8, 0xbc, 0xc0};      ///< the pipeline's edges

} // namespace fluxolab::app::stream_palette
