#pragma once
// One-line teaching notes shown under a command's output (the GUI shows them beneath the error;
// fluxolab-cli prints them only with --notes). Ids are stable; text lives in teaching_notes.cpp.

#include <cstdint>
#include <optional>
#include <string_view>

namespace fluxolab::labs {

enum class NoteId : std::uint16_t {
    TopicAlreadyExists,
    ReplicationFactorTooLarge,
    ReplicationFactorOutOfRange,
    PartitionsNotPositive,
    TopicDoesNotExist,
    InvalidTopicName,
    TopicNameCollisionChars,
    PartitionsNotIncreased,
    InvalidTopicConfig,
    ZookeeperRemoved,
    BrokerListRemoved,
    UnrecognizedOption,
    MissingBootstrapServer,
    UsageError,
    BootstrapUnreachable,
    NoKeySeparator,
    TopicAutoCreated,
    ConsumerTimeout,
    FromBeginningIgnored,
    FromBeginningConflict,
    GroupDoesNotExist,
    GroupRebalancing,
    GroupNoActiveMembers,
    ResetRequiresInactiveGroup,
    ResetIsDryRun,
    GroupNotEmpty,
    UnknownCommand,
    ShellSyntax,
    BootstrapInvalid,
    BootstrapUnresolvable,
    ProducerMetadataTimeout,
    ResetScopeMissing,
    ShiftWithoutCommittedOffset,
    InvalidDuration,
    ResetPlanFileMissing,
    ResetPlanHasNoGroup,
    DeleteOffsetsOfSubscribedTopic,
    DeleteOffsetsNeedsInactiveGroup,
    InvalidGroupFilter,
    InvalidDateTime,
    ProducerPropertyDeprecated,
    ConsumerPropertyDeprecated,
    ClassicProtocolBanner,
    PartitionsPerRequestLimit,
    RecordsPerOperationLimit,
    PartitionGrowthLimit,
    InvalidClientConfig,
    ClientConfigFileMissing,
    IncludePatternUnsupported,
    GroupCoordinatorDown,
    CoordinatorUnreachable,
    AssignorNotOnRealCluster,
    ReplicaAssignmentUnknownBroker,
    NoActiveController,
    KafkaToolNotEmulated,
    LeaderUnreachable,         ///< a partition's leader crashed and is not fenced yet: the admin client retries it
    GetOffsetsUnsupportedTime, ///< kafka-get-offsets --time below -6: the broker answers UNSUPPORTED_VERSION
    CdNotNeeded,              ///< cd: the terminal has no folders to change to
    InactivityWithoutArrival, ///< fluxolab-cli replay --process inactivity:T without --arrival-field: no alert
    Count_
};

enum class Language : std::uint8_t { Portuguese, English };

/// Stable identifier ("topic_already_exists") for JSON and logs.
std::string_view noteKey(NoteId id);
/// The note in the given language.
std::string_view noteText(NoteId id, Language lang);
/// "pt" / "pt-PT" / "en" ...; nullopt if unknown.
std::optional<Language> parseLanguage(std::string_view code);

} // namespace fluxolab::labs
