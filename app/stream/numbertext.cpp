#include "app/stream/numbertext.h"

#include "app/core/language.h"

#include <QLocale>
#include <cmath>

namespace fluxolab::app {

QString peopleNumber(const QString& value) {
    bool ok = false;
    const double d = value.toDouble(&ok);
    // Whole numbers (counts, epoch times) and text stay as they are; so do values without a fraction.
    if (!ok || !std::isfinite(d) || !value.contains(QLatin1Char('.'))) return value;
    const QLocale locale(currentLanguage().startsWith(QLatin1String("pt")) ? QLocale::Portuguese : QLocale::English,
                         currentLanguage().startsWith(QLatin1String("pt")) ? QLocale::Portugal
                                                                           : QLocale::UnitedStates);
    QString text = locale.toString(d, 'f', 3);
    const QChar point = locale.decimalPoint().at(0);
    if (text.contains(point)) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(point)) text.chop(1);
    }
    // No digit-group separators: results are read next to keys and times, "1234,5" not "1 234,5".
    text.remove(locale.groupSeparator());
    return text;
}

QString peopleNumber(const std::string& value) {
    return peopleNumber(QString::fromStdString(value));
}

} // namespace fluxolab::app
