#pragma once
// Numbers the stream view shows people: a window's result or a state's value comes from the engine as
// the shortest decimal that reads back as the same double ("0.30000000000000004", "20.333333333333332"),
// which is what replay prints and the export keeps. On screen it is rounded to at most three decimals
// (trailing zeros dropped) with the UI language's decimal separator: "0,3" in Portuguese, "0.3" in
// English. Text that is not one number ("[1;2]", "abc", an epoch time) is returned as it is.

#include <QString>

namespace fluxolab::app {

/// `value` for people in the UI language (see above).
QString peopleNumber(const QString& value);
/// The same for a std::string from the engine.
QString peopleNumber(const std::string& value);

} // namespace fluxolab::app
