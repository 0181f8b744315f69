#pragma once
// A failed check's reason in words (the lab panel's "Not yet: …" line and fluxolab-cli lab check's
// FAIL lines): the engine gives a code and values (CheckResult::reason, args); the words are made
// here, at the edge, in Portuguese and in English, for the app and the CLI alike.

#include "labs/common/teaching_notes.h"
#include "labs/lab_engine/lab_engine.h"

#include <string>

namespace fluxolab::labs {

/// How names (topics, groups, commands) are quoted: `x` for the app's Markdown, 'x' for a terminal.
enum class ReasonQuotes : std::uint8_t { Markdown, Plain };

/// "the topic 'exemplo-topico' does not exist" / "o tópico 'exemplo-topico' não existe"; "" for
/// CheckReason::None.
std::string checkReasonText(const CheckResult& result, Language lang, ReasonQuotes quotes = ReasonQuotes::Plain);

} // namespace fluxolab::labs
