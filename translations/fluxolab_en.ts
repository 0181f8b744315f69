<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ClusterLayoutBuilder</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; on broker %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; on broker %2</translation>
    </message>
    <message>
        <source>This replica &lt;b&gt;is in the ISR&lt;/b&gt;.</source>
        <translation>This replica &lt;b&gt;is in the ISR&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>This replica is &lt;b&gt;out of the ISR&lt;/b&gt;.</source>
        <translation>This replica is &lt;b&gt;out of the ISR&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>LEO = %1, HW = %2, log start offset = %3</source>
        <translation>LEO = %1, HW = %2, log start offset = %3</translation>
    </message>
    <message>
        <source>The colour of each cell is the record&apos;s key.</source>
        <translation>The colour of each cell is the record&apos;s key.</translation>
    </message>
    <message numerus="yes">
        <source>%n older record(s) not drawn (offsets %1 to %2).</source>
        <translation>
            <numerusform>%n older record not drawn (offsets %1 to %2).</numerusform>
            <numerusform>%n older records not drawn (offsets %1 to %2).</numerusform>
        </translation>
    </message>
    <message>
        <source>HW = %1</source>
        <translation>HW = %1</translation>
    </message>
    <message>
        <source>Committed offset of group %1: %2</source>
        <translation>Committed offset of group %1: %2</translation>
    </message>
    <message>
        <source>◀ 12 or ◁ 12 at a row&apos;s left edge: the position or the committed offset (12) is before the records drawn in that row.</source>
        <translation>◀ 12 or ◁ 12 at a row&apos;s left edge: the position or the committed offset (12) is before the records drawn in that row.</translation>
    </message>
    <message>
        <source>It is before the records drawn here (the first one drawn is offset %1).</source>
        <translation>It is before the records drawn here (the first one drawn is offset %1).</translation>
    </message>
    <message>
        <source>Position of group %1: %2</source>
        <translation>Position of group %1: %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Broker %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Broker %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>It is also the KRaft controller: it elects the partition leaders.</source>
        <translation>It is also the KRaft controller: it elects the partition leaders.</translation>
    </message>
    <message>
        <source>Key &quot;%1&quot;: murmur2(key) % %2 = %3</source>
        <translation>Key &quot;%1&quot;: murmur2(key) % %2 = %3</translation>
    </message>
    <message>
        <source>%1 · lag %2</source>
        <translation>%1 · lag %2</translation>
    </message>
    <message>
        <source>%1 is assigned to %2.</source>
        <translation>%1 is assigned to %2.</translation>
    </message>
    <message>
        <source>%1 · revoked</source>
        <translation>%1 · revoked</translation>
    </message>
    <message>
        <source>Consumer &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Consumer &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) from %1 travelling to %2 (grouped at this speed).</source>
        <translation>
            <numerusform>%n record from %1 travelling to %2 (grouped at this speed).</numerusform>
            <numerusform>%n records from %1 travelling to %2 (grouped at this speed).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) from %1 appended to %2.</source>
        <translation>
            <numerusform>%n record from %1 appended to %2.</numerusform>
            <numerusform>%n records from %1 appended to %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was revoked from %2: it stops consuming it until the new assignment.</source>
        <translation>%1 was revoked from %2: it stops consuming it until the new assignment.</translation>
    </message>
    <message>
        <source>Partitions without an owner: revoked in the first phase of the cooperative rebalance, they wait for the follow-up rebalance to get their new owner.</source>
        <translation>Partitions without an owner: revoked in the first phase of the cooperative rebalance, they wait for the follow-up rebalance to get their new owner.</translation>
    </message>
    <message>
        <source>Broker %1 holds %2 partition replicas; %3 are drawn (the first by name), %4 are not.</source>
        <translation>Broker %1 holds %2 partition replicas; %3 are drawn (the first by name), %4 are not.</translation>
    </message>
    <message>
        <source>Leader: none</source>
        <translation>Leader: none</translation>
    </message>
    <message>
        <source>leader</source>
        <translation>leader</translation>
    </message>
    <message>
        <source>follower</source>
        <translation>follower</translation>
    </message>
    <message>
        <source>ISR</source>
        <translation>ISR</translation>
    </message>
    <message>
        <source>out of ISR</source>
        <translation>out of ISR</translation>
    </message>
    <message>
        <source>LEO %1 · HW %2</source>
        <translation>LEO %1 · HW %2</translation>
    </message>
    <message>
        <source>LEO %1</source>
        <translation>LEO %1</translation>
    </message>
    <message>
        <source>consumer position</source>
        <translation>consumer position</translation>
    </message>
    <message>
        <source>committed offset</source>
        <translation>committed offset</translation>
    </message>
    <message>
        <source>LEO (log end)</source>
        <translation>LEO (log end)</translation>
    </message>
    <message>
        <source>HW (high watermark)</source>
        <translation>HW (high watermark)</translation>
    </message>
    <message>
        <source>colour = record key</source>
        <translation>colour = record key</translation>
    </message>
    <message>
        <source>above the HW</source>
        <translation>above the HW</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legend</translation>
    </message>
    <message>
        <source>▲ filled: the position of a consumer group (next offset it reads).&lt;br&gt;△ hollow: the group&apos;s committed offset.&lt;br&gt;</source>
        <translation>▲ filled: the position of a consumer group (next offset it reads).&lt;br&gt;△ hollow: the group&apos;s committed offset.&lt;br&gt;</translation>
    </message>
    <message>
        <source>Scroll with the mouse wheel over the brokers to see the others; kafka-topics.sh --describe in the terminal lists every partition.</source>
        <translation>Scroll with the mouse wheel over the brokers to see the others; kafka-topics.sh --describe in the terminal lists every partition.</translation>
    </message>
    <message>
        <source>HW = %1, log start offset = %2</source>
        <translation>HW = %1, log start offset = %2</translation>
    </message>
    <message>
        <source>This follower&apos;s log end offset is not visible on a real cluster (no replica fetch state).</source>
        <translation>This follower&apos;s log end offset is not visible on a real cluster (no replica fetch state).</translation>
    </message>
    <message>
        <source>HW %1</source>
        <translation>HW %1</translation>
    </message>
    <message>
        <source>negative lag: committed past the end</source>
        <translation>negative lag: committed past the end</translation>
    </message>
    <message>
        <source>+N: older records not drawn</source>
        <translation>+N: older records not drawn</translation>
    </message>
    <message>
        <source>A purple lag badge: a negative lag, the group&apos;s committed offset is past the partition&apos;s end (as kafka-consumer-groups prints it, e.g. after an unclean leader election truncated the log).</source>
        <translation>A purple lag badge: a negative lag, the group&apos;s committed offset is past the partition&apos;s end (as kafka-consumer-groups prints it, e.g. after an unclean leader election truncated the log).</translation>
    </message>
    <message>
        <source>position / committed offset before the drawn cells</source>
        <translation>position / committed offset before the drawn cells</translation>
    </message>
    <message>
        <source>log start %1</source>
        <translation>log start %1</translation>
    </message>
    <message>
        <source>Log start offset %1: offsets 0 to %2 no longer exist (their segments were deleted). Offsets are never renumbered: the first record is still offset %1.</source>
        <translation>Log start offset %1: offsets 0 to %2 no longer exist (their segments were deleted). Offsets are never renumbered: the first record is still offset %1.</translation>
    </message>
    <message>
        <source>Partitions without an owner: their member left the group. No second rebalance is needed: nothing was taken from a member that stays, so the rebalance that follows the departure assigns them.</source>
        <translation>Partitions without an owner: their member left the group. No second rebalance is needed: nothing was taken from a member that stays, so the rebalance that follows the departure assigns them.</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n more partition(s) assigned (not drawn); the Consumer groups tab and kafka-consumer-groups.sh --describe list them all.</source>
        <translation>
            <numerusform>%1 has %n more partition assigned (not drawn); the Consumer groups tab and kafka-consumer-groups.sh --describe list them all.</numerusform>
            <numerusform>%1 has %n more partitions assigned (not drawn); the Consumer groups tab and kafka-consumer-groups.sh --describe list them all.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · lost</source>
        <translation>%1 · lost</translation>
    </message>
    <message>
        <source>%1 was lost by %2: it was no longer a member of the group (it left, or the coordinator no longer knew it), so its next poll() called onPartitionsLost, not onPartitionsRevoked, and it rejoins as a new member.</source>
        <translation>%1 was lost by %2: it was no longer a member of the group (it left, or the coordinator no longer knew it), so its next poll() called onPartitionsLost, not onPartitionsRevoked, and it rejoins as a new member.</translation>
    </message>
</context>
<context>
    <name>ErrorTexts</name>
    <message>
        <source>the file cannot be opened (does it exist, and may it be read?)</source>
        <translation>the file cannot be opened (does it exist, and may it be read?)</translation>
    </message>
    <message>
        <source>the file is empty; a scenario is a JSON object (see the scenarios of the gallery)</source>
        <translation>the file is empty; a scenario is a JSON object (see the scenarios of the gallery)</translation>
    </message>
    <message>
        <source>the file is not valid JSON: the error is at column %1 of this line</source>
        <translation>the file is not valid JSON: the error is at column %1 of this line</translation>
    </message>
    <message>
        <source>the file is not valid JSON</source>
        <translation>the file is not valid JSON</translation>
    </message>
    <message>
        <source>a number is too large for JSON (beyond a double)</source>
        <translation>a number is too large for JSON (beyond a double)</translation>
    </message>
    <message>
        <source>the required field &quot;%1&quot; is missing</source>
        <translation>the required field &quot;%1&quot; is missing</translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; does not exist here (a typo?)</source>
        <translation>the field &quot;%1&quot; does not exist here (a typo?)</translation>
    </message>
    <message>
        <source>expected a text in quotes, found %1</source>
        <translation>expected a text in quotes, found %1</translation>
    </message>
    <message>
        <source>expected an integer, found %1</source>
        <translation>expected an integer, found %1</translation>
    </message>
    <message>
        <source>expected a number, found %1</source>
        <translation>expected a number, found %1</translation>
    </message>
    <message>
        <source>expected true or false, found %1</source>
        <translation>expected true or false, found %1</translation>
    </message>
    <message>
        <source>expected a duration such as &quot;250ms&quot;, &quot;30s&quot;, &quot;5m&quot; or a number of milliseconds, found %1</source>
        <translation>expected a duration such as &quot;250ms&quot;, &quot;30s&quot;, &quot;5m&quot; or a number of milliseconds, found %1</translation>
    </message>
    <message>
        <source>expected an object {...}, found %1</source>
        <translation>expected an object {...}, found %1</translation>
    </message>
    <message>
        <source>expected a list [...], found %1</source>
        <translation>expected a list [...], found %1</translation>
    </message>
    <message>
        <source>expected a list that is not empty, found %1</source>
        <translation>expected a list that is not empty, found %1</translation>
    </message>
    <message>
        <source>expected a non-empty list of texts, found %1</source>
        <translation>expected a non-empty list of texts, found %1</translation>
    </message>
    <message>
        <source>expected a non-empty list of topic names, found %1</source>
        <translation>expected a non-empty list of topic names, found %1</translation>
    </message>
    <message>
        <source>expected an object of config names and their values, found %1</source>
        <translation>expected an object of config names and their values, found %1</translation>
    </message>
    <message>
        <source>a config value is a text, an integer or true/false, found %1</source>
        <translation>a config value is a text, an integer or true/false, found %1</translation>
    </message>
    <message>
        <source>%1 is out of range: it must be between %2 and %3</source>
        <translation>%1 is out of range: it must be between %2 and %3</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>must not be empty</translation>
    </message>
    <message>
        <source>the duration must be positive (found %1 ms)</source>
        <translation>the duration must be positive (found %1 ms)</translation>
    </message>
    <message>
        <source>the group id must not be empty</source>
        <translation>the group id must not be empty</translation>
    </message>
    <message>
        <source>unknown key distribution &quot;%1&quot; (use none, uniform, zipf, sequence or list)</source>
        <translation>unknown key distribution &quot;%1&quot; (use none, uniform, zipf, sequence or list)</translation>
    </message>
    <message>
        <source>the list distribution needs a list of keys</source>
        <translation>the list distribution needs a list of keys</translation>
    </message>
    <message>
        <source>acks is &quot;%1&quot;; it must be 0, 1, all or -1</source>
        <translation>acks is &quot;%1&quot;; it must be 0, 1, all or -1</translation>
    </message>
    <message>
        <source>partitioner is &quot;%1&quot;; it must be &quot;sticky&quot; or &quot;round_robin&quot;</source>
        <translation>partitioner is &quot;%1&quot;; it must be &quot;sticky&quot; or &quot;round_robin&quot;</translation>
    </message>
    <message>
        <source>unknown assignor &quot;%1&quot; (use range, roundrobin, sticky or cooperative-sticky)</source>
        <translation>unknown assignor &quot;%1&quot; (use range, roundrobin, sticky or cooperative-sticky)</translation>
    </message>
    <message>
        <source>auto_offset_reset is &quot;%1&quot;; it must be earliest, latest or none</source>
        <translation>auto_offset_reset is &quot;%1&quot;; it must be earliest, latest or none</translation>
    </message>
    <message>
        <source>heartbeat.interval.ms must be lower than session.timeout.ms</source>
        <translation>heartbeat.interval.ms must be lower than session.timeout.ms</translation>
    </message>
    <message>
        <source>FluxoLab does not simulate the broker config &quot;%1&quot;</source>
        <translation>FluxoLab does not simulate the broker config &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the topic &quot;%1&quot; is not declared under &quot;topics&quot;</source>
        <translation>the topic &quot;%1&quot; is not declared under &quot;topics&quot;</translation>
    </message>
    <message>
        <source>unknown action &quot;%1&quot; (use stop_broker, crash_broker, start_broker, add_consumer, remove_consumer, crash_consumer, pause_consumer, alter_partitions, create_topic, delete_topic, producer_rate or elect_preferred_leaders)</source>
        <translation>unknown action &quot;%1&quot; (use stop_broker, crash_broker, start_broker, add_consumer, remove_consumer, crash_consumer, pause_consumer, alter_partitions, create_topic, delete_topic, producer_rate or elect_preferred_leaders)</translation>
    </message>
    <message>
        <source>&quot;terminal&quot; must be an object (the terminal&apos;s commands, as FluxoLab saves them), found %1</source>
        <translation>&quot;terminal&quot; must be an object (the terminal&apos;s commands, as FluxoLab saves them), found %1</translation>
    </message>
    <message>
        <source>the terminal&apos;s commands saved in the file cannot be replayed (%1)</source>
        <translation>the terminal&apos;s commands saved in the file cannot be replayed (%1)</translation>
    </message>
    <message>
        <source>time_format is &quot;%1&quot;; it must be auto, epoch-ms, epoch-s, iso or sql</source>
        <translation>time_format is &quot;%1&quot;; it must be auto, epoch-ms, epoch-s, iso or sql</translation>
    </message>
    <message>
        <source>pacing is &quot;%1&quot;; it must be &quot;arrival&quot; (the arrival column) or &quot;event_time&quot;</source>
        <translation>pacing is &quot;%1&quot;; it must be &quot;arrival&quot; (the arrival column) or &quot;event_time&quot;</translation>
    </message>
    <message>
        <source>pacing by arrival needs the &quot;arrival&quot; column (or use &quot;pacing&quot;: &quot;event_time&quot;)</source>
        <translation>pacing by arrival needs the &quot;arrival&quot; column (or use &quot;pacing&quot;: &quot;event_time&quot;)</translation>
    </message>
    <message>
        <source>two stream jobs are called &quot;%1&quot;</source>
        <translation>two stream jobs are called &quot;%1&quot;</translation>
    </message>
    <message>
        <source>event_time is &quot;%1&quot;; it must be &quot;timestamp&quot; or &quot;field:NAME&quot;</source>
        <translation>event_time is &quot;%1&quot;; it must be &quot;timestamp&quot; or &quot;field:NAME&quot;</translation>
    </message>
    <message>
        <source>Kafka would refuse it: %1 (%2)</source>
        <translation>Kafka would refuse it: %1 (%2)</translation>
    </message>
    <message>
        <source>unexpected error: %1</source>
        <translation>unexpected error: %1</translation>
    </message>
    <message>
        <source>Line %1, at %2: %3</source>
        <translation>Line %1, at %2: %3</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Line %1: %2</translation>
    </message>
    <message>
        <source>At %1: %2</source>
        <translation>At %1: %2</translation>
    </message>
    <message>
        <source>the watermark is &quot;%1&quot;; it must be bounded:DURATION, sql:DURATION or monotonous (for example bounded:5s)</source>
        <translation>the watermark is &quot;%1&quot;; it must be bounded:DURATION, sql:DURATION or monotonous (for example bounded:5s)</translation>
    </message>
    <message>
        <source>the window is &quot;%1&quot;; it must be tumble:SIZE, hop:SLIDE,SIZE, session:GAP or cumulate:STEP,SIZE with positive durations (for example tumble:60s)</source>
        <translation>the window is &quot;%1&quot;; it must be tumble:SIZE, hop:SLIDE,SIZE, session:GAP or cumulate:STEP,SIZE with positive durations (for example tumble:60s)</translation>
    </message>
    <message>
        <source>the aggregate is &quot;%1&quot;; it must be count, or sum, min, max, avg or collect with a field (for example sum:valor)</source>
        <translation>the aggregate is &quot;%1&quot;; it must be count, or sum, min, max, avg or collect with a field (for example sum:valor)</translation>
    </message>
    <message>
        <source>watermark_interval is &quot;%1&quot;; it must be per-event or a positive duration</source>
        <translation>watermark_interval is &quot;%1&quot;; it must be per-event or a positive duration</translation>
    </message>
    <message>
        <source>the stream job&apos;s settings do not go together: %1</source>
        <translation>the stream job&apos;s settings do not go together: %1</translation>
    </message>
    <message>
        <source>the file is not valid JSON: %1</source>
        <translation>the file is not valid JSON: %1</translation>
    </message>
    <message>
        <source>the file cannot be read (does it exist, and may it be read?)</source>
        <translation>the file cannot be read (does it exist, and may it be read?)</translation>
    </message>
    <message>
        <source>the labs folder cannot be listed: %1</source>
        <translation>the labs folder cannot be listed: %1</translation>
    </message>
    <message>
        <source>another lab file already uses the id &quot;%1&quot;</source>
        <translation>another lab file already uses the id &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the required property &quot;%1&quot; is missing</source>
        <translation>the required property &quot;%1&quot; is missing</translation>
    </message>
    <message>
        <source>expected a text in quotes</source>
        <translation>expected a text in quotes</translation>
    </message>
    <message>
        <source>expected an integer</source>
        <translation>expected an integer</translation>
    </message>
    <message>
        <source>must be between %1 and %2</source>
        <translation>must be between %1 and %2</translation>
    </message>
    <message>
        <source>expected an object with the texts &quot;pt&quot; and &quot;en&quot;</source>
        <translation>expected an object with the texts &quot;pt&quot; and &quot;en&quot;</translation>
    </message>
    <message>
        <source>unknown language &quot;%1&quot; (use &quot;pt&quot; and &quot;en&quot;)</source>
        <translation>unknown language &quot;%1&quot; (use &quot;pt&quot; and &quot;en&quot;)</translation>
    </message>
    <message>
        <source>the property &quot;%1&quot; does not exist here (a typo?)</source>
        <translation>the property &quot;%1&quot; does not exist here (a typo?)</translation>
    </message>
    <message>
        <source>a check must be an object</source>
        <translation>a check must be an object</translation>
    </message>
    <message>
        <source>checks are nested too deeply (at most %1 levels)</source>
        <translation>checks are nested too deeply (at most %1 levels)</translation>
    </message>
    <message>
        <source>unknown check type &quot;%1&quot;</source>
        <translation>unknown check type &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected a list of texts in quotes</source>
        <translation>expected a list of texts in quotes</translation>
    </message>
    <message>
        <source>expected a non-empty list of checks</source>
        <translation>expected a non-empty list of checks</translation>
    </message>
    <message>
        <source>the check &quot;%1&quot; needs the property &quot;%2&quot;</source>
        <translation>the check &quot;%1&quot; needs the property &quot;%2&quot;</translation>
    </message>
    <message>
        <source>a setup action must be an object</source>
        <translation>a setup action must be an object</translation>
    </message>
    <message>
        <source>unknown setup action &quot;%1&quot;</source>
        <translation>unknown setup action &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation>expected a list</translation>
    </message>
    <message>
        <source>a record must be an object with &quot;value&quot; (and optionally &quot;key&quot;)</source>
        <translation>a record must be an object with &quot;value&quot; (and optionally &quot;key&quot;)</translation>
    </message>
    <message>
        <source>a lab file must be a JSON object</source>
        <translation>a lab file must be a JSON object</translation>
    </message>
    <message>
        <source>the id &quot;%1&quot; may only use lower-case letters, digits and &quot;-&quot;</source>
        <translation>the id &quot;%1&quot; may only use lower-case letters, digits and &quot;-&quot;</translation>
    </message>
    <message>
        <source>the level &quot;%1&quot; must be beginner, intermediate or advanced</source>
        <translation>the level &quot;%1&quot; must be beginner, intermediate or advanced</translation>
    </message>
    <message>
        <source>expected a non-empty list</source>
        <translation>expected a non-empty list</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>expected an object</translation>
    </message>
    <message>
        <source>a step must be an object</source>
        <translation>a step must be an object</translation>
    </message>
    <message>
        <source>the step id &quot;%1&quot; is used twice</source>
        <translation>the step id &quot;%1&quot; is used twice</translation>
    </message>
    <message>
        <source>the topic name &quot;%1&quot; is not valid; Kafka says: %2</source>
        <translation>the topic name &quot;%1&quot; is not valid; Kafka says: %2</translation>
    </message>
    <message>
        <source>a replication factor of %1 needs %1 brokers, and the lab&apos;s cluster has %2 (/cluster/brokers); Kafka says: %3</source>
        <translation>a replication factor of %1 needs %1 brokers, and the lab&apos;s cluster has %2 (/cluster/brokers); Kafka says: %3</translation>
    </message>
    <message>
        <source>unknown group state &quot;%1&quot; (Empty, PreparingRebalance, CompletingRebalance, Stable or Dead)</source>
        <translation>unknown group state &quot;%1&quot; (Empty, PreparingRebalance, CompletingRebalance, Stable or Dead)</translation>
    </message>
    <message>
        <source>unknown command kind &quot;%1&quot;</source>
        <translation>unknown command kind &quot;%1&quot;</translation>
    </message>
    <message>
        <source>a command_run takes only &quot;state&quot;: &quot;Stable&quot;, with the kind consumer-groups.describe (a describe that showed a stable group); here it is &quot;%1&quot;</source>
        <translation>a command_run takes only &quot;state&quot;: &quot;Stable&quot;, with the kind consumer-groups.describe (a describe that showed a stable group); here it is &quot;%1&quot;</translation>
    </message>
    <message>
        <source>firing must be on-time or late-update, not &quot;%1&quot;</source>
        <translation>firing must be on-time or late-update, not &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the topic &quot;%1&quot; does not exist in the scenario</source>
        <translation>the topic &quot;%1&quot; does not exist in the scenario</translation>
    </message>
    <message>
        <source>the event time is read from the value, but the name of its field is missing</source>
        <translation>the event time is read from the value, but the name of its field is missing</translation>
    </message>
    <message>
        <source>the topic &quot;%1&quot; cannot be read by this job (%2)</source>
        <translation>the topic &quot;%1&quot; cannot be read by this job (%2)</translation>
    </message>
    <message>
        <source>the parallelism is %1; it must be between 1 and 8</source>
        <translation>the parallelism is %1; it must be between 1 and 8</translation>
    </message>
    <message>
        <source>the number of partitions is %1; it must be between 1 and 1024</source>
        <translation>the number of partitions is %1; it must be between 1 and 1024</translation>
    </message>
    <message>
        <source>the allowed lateness is %1 ms; it must not be negative</source>
        <translation>the allowed lateness is %1 ms; it must not be negative</translation>
    </message>
    <message>
        <source>Flink SQL window aggregations have no allowed lateness (late rows are dropped); it is %1 ms here</source>
        <translation>Flink SQL window aggregations have no allowed lateness (late rows are dropped); it is %1 ms here</translation>
    </message>
    <message>
        <source>the watermark bound is %1 ms; it must not be negative</source>
        <translation>the watermark bound is %1 ms; it must not be negative</translation>
    </message>
    <message>
        <source>the watermark interval is %1 ms; it must be positive (or per-event)</source>
        <translation>the watermark interval is %1 ms; it must be positive (or per-event)</translation>
    </message>
    <message>
        <source>the idle timeout is %1 ms; it must not be negative</source>
        <translation>the idle timeout is %1 ms; it must not be negative</translation>
    </message>
    <message>
        <source>the window size is %1 ms; it must be positive</source>
        <translation>the window size is %1 ms; it must be positive</translation>
    </message>
    <message>
        <source>the window offset is %1 ms; Flink&apos;s TumblingEventTimeWindows needs abs(offset) &lt; size (%2 ms)</source>
        <translation>the window offset is %1 ms; Flink&apos;s TumblingEventTimeWindows needs abs(offset) &lt; size (%2 ms)</translation>
    </message>
    <message>
        <source>the window size (%1 ms) and slide (%2 ms) must be positive</source>
        <translation>the window size (%1 ms) and slide (%2 ms) must be positive</translation>
    </message>
    <message>
        <source>the window offset is %1 ms; Flink&apos;s SlidingEventTimeWindows needs abs(offset) &lt; slide (%2 ms)</source>
        <translation>the window offset is %1 ms; Flink&apos;s SlidingEventTimeWindows needs abs(offset) &lt; slide (%2 ms)</translation>
    </message>
    <message>
        <source>Flink SQL&apos;s HOP needs the size to be a multiple of the slide; here the size is %1 ms and the slide %2 ms</source>
        <translation>Flink SQL&apos;s HOP needs the size to be a multiple of the slide; here the size is %1 ms and the slide %2 ms</translation>
    </message>
    <message>
        <source>a sliding window of size %1 ms and slide %2 ms puts every element in %3 windows; FluxoLab builds at most %4 per element</source>
        <translation>a sliding window of size %1 ms and slide %2 ms puts every element in %3 windows; FluxoLab builds at most %4 per element</translation>
    </message>
    <message>
        <source>the session gap is %1 ms; it must be positive</source>
        <translation>the session gap is %1 ms; it must be positive</translation>
    </message>
    <message>
        <source>session windows have no offset (it is %1 ms here)</source>
        <translation>session windows have no offset (it is %1 ms here)</translation>
    </message>
    <message>
        <source>the cumulate window&apos;s size (%1 ms) and step (%2 ms) must be positive</source>
        <translation>the cumulate window&apos;s size (%1 ms) and step (%2 ms) must be positive</translation>
    </message>
    <message>
        <source>the cumulate window&apos;s size (%1 ms) must be a multiple of its step (%2 ms)</source>
        <translation>the cumulate window&apos;s size (%1 ms) must be a multiple of its step (%2 ms)</translation>
    </message>
    <message>
        <source>a cumulate window of size %1 ms and step %2 ms puts every element in %3 windows; FluxoLab builds at most %4 per element</source>
        <translation>a cumulate window of size %1 ms and step %2 ms puts every element in %3 windows; FluxoLab builds at most %4 per element</translation>
    </message>
    <message>
        <source>the window offset is %1 ms; it must satisfy abs(offset) &lt; size (%2 ms)</source>
        <translation>the window offset is %1 ms; it must satisfy abs(offset) &lt; size (%2 ms)</translation>
    </message>
    <message>
        <source>--help shows the options; it is not a run to show</source>
        <translation>--help shows the options; it is not a run to show</translation>
    </message>
    <message>
        <source>only one trace file can be given (&quot;%1&quot; and &quot;%2&quot; were)</source>
        <translation>only one trace file can be given (&quot;%1&quot; and &quot;%2&quot; were)</translation>
    </message>
    <message>
        <source>the option %1 does not exist (see fluxolab-cli replay --help)</source>
        <translation>the option %1 does not exist (see fluxolab-cli replay --help)</translation>
    </message>
    <message>
        <source>the option %1 needs a value after it</source>
        <translation>the option %1 needs a value after it</translation>
    </message>
    <message>
        <source>%1 is given twice (&quot;%2&quot; and &quot;%3&quot;): give it once</source>
        <translation>%1 is given twice (&quot;%2&quot; and &quot;%3&quot;): give it once</translation>
    </message>
    <message>
        <source>--watermark monotonous takes no bound (&quot;%1&quot; was given)</source>
        <translation>--watermark monotonous takes no bound (&quot;%1&quot; was given)</translation>
    </message>
    <message>
        <source>--watermark %1 needs a bound, for example %1:5s</source>
        <translation>--watermark %1 needs a bound, for example %1:5s</translation>
    </message>
    <message>
        <source>--watermark &quot;%1&quot; is not a strategy (%2)</source>
        <translation>--watermark &quot;%1&quot; is not a strategy (%2)</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a duration (for example %3)</source>
        <translation>%1: &quot;%2&quot; is not a duration (for example %3)</translation>
    </message>
    <message>
        <source>--watermark-interval must be positive, or per-event</source>
        <translation>--watermark-interval must be positive, or per-event</translation>
    </message>
    <message>
        <source>--parallelism is &quot;%1&quot;; it must be an integer from 1 to 8</source>
        <translation>--parallelism is &quot;%1&quot;; it must be an integer from 1 to 8</translation>
    </message>
    <message>
        <source>--partitions is &quot;%1&quot;; it must be an integer from 1 to 1024</source>
        <translation>--partitions is &quot;%1&quot;; it must be an integer from 1 to 1024</translation>
    </message>
    <message>
        <source>--window %1 needs two durations, for example %1:10s,60s</source>
        <translation>--window %1 needs two durations, for example %1:10s,60s</translation>
    </message>
    <message>
        <source>--window &quot;%1&quot; is not a window (%2)</source>
        <translation>--window &quot;%1&quot; is not a window (%2)</translation>
    </message>
    <message>
        <source>--window-time is &quot;%1&quot;; it must be event or processing</source>
        <translation>--window-time is &quot;%1&quot;; it must be event or processing</translation>
    </message>
    <message>
        <source>--late is &quot;%1&quot;; it must be side-output or drop</source>
        <translation>--late is &quot;%1&quot;; it must be side-output or drop</translation>
    </message>
    <message>
        <source>--agg count takes no field (&quot;%1&quot; was given)</source>
        <translation>--agg count takes no field (&quot;%1&quot; was given)</translation>
    </message>
    <message>
        <source>--agg &quot;%1&quot; is not an aggregate (%2)</source>
        <translation>--agg &quot;%1&quot; is not an aggregate (%2)</translation>
    </message>
    <message>
        <source>--agg %1 needs a field, for example %1:valor</source>
        <translation>--agg %1 needs a field, for example %1:valor</translation>
    </message>
    <message>
        <source>--process &quot;%1&quot; is not a function (%2)</source>
        <translation>--process &quot;%1&quot; is not a function (%2)</translation>
    </message>
    <message>
        <source>--process inactivity needs a positive timeout (&quot;%1&quot; was given)</source>
        <translation>--process inactivity needs a positive timeout (&quot;%1&quot; was given)</translation>
    </message>
    <message>
        <source>--lang is &quot;%1&quot;; it must be pt or en</source>
        <translation>--lang is &quot;%1&quot;; it must be pt or en</translation>
    </message>
    <message>
        <source>--checkpoint-interval must be positive</source>
        <translation>--checkpoint-interval must be positive</translation>
    </message>
    <message>
        <source>--crash-at is &quot;%1&quot;; it needs the number of elements read before the crash (1 or more)</source>
        <translation>--crash-at is &quot;%1&quot;; it needs the number of elements read before the crash (1 or more)</translation>
    </message>
    <message>
        <source>--time-format is &quot;%1&quot;; it must be %2</source>
        <translation>--time-format is &quot;%1&quot;; it must be %2</translation>
    </message>
    <message>
        <source>--format is &quot;%1&quot;; it must be csv or jsonl</source>
        <translation>--format is &quot;%1&quot;; it must be csv or jsonl</translation>
    </message>
    <message>
        <source>--delimiter is &quot;%1&quot;; it must be &apos;,&apos; or &apos;;&apos;</source>
        <translation>--delimiter is &quot;%1&quot;; it must be &apos;,&apos; or &apos;;&apos;</translation>
    </message>
    <message>
        <source>--on-error is &quot;%1&quot;; it must be fail or skip</source>
        <translation>--on-error is &quot;%1&quot;; it must be fail or skip</translation>
    </message>
    <message>
        <source>the trace file to read is missing</source>
        <translation>the trace file to read is missing</translation>
    </message>
    <message>
        <source>--process and --window exclude each other: give one of them</source>
        <translation>--process and --window exclude each other: give one of them</translation>
    </message>
    <message>
        <source>--idle-timeout 0: Flink&apos;s withIdleness refuses 0; leave the option out for no idleness</source>
        <translation>--idle-timeout 0: Flink&apos;s withIdleness refuses 0; leave the option out for no idleness</translation>
    </message>
    <message>
        <source>--crash-at needs --checkpoint-interval: without checkpoints Flink does not restart a failed job (restart-strategy none), so there is nothing to recover</source>
        <translation>--crash-at needs --checkpoint-interval: without checkpoints Flink does not restart a failed job (restart-strategy none), so there is nothing to recover</translation>
    </message>
    <message>
        <source>--watermark is required (%1)</source>
        <translation>--watermark is required (%1)</translation>
    </message>
    <message>
        <source>--window is required (%1)</source>
        <translation>--window is required (%1)</translation>
    </message>
    <message>
        <source>fluxolab-cli replay: %1</source>
        <translation>fluxolab-cli replay: %1</translation>
    </message>
    <message>
        <source>the stream job does not run on the simulation&apos;s clock</source>
        <translation>the stream job does not run on the simulation&apos;s clock</translation>
    </message>
    <message>
        <source>the poll interval is %1 ms; it must be positive</source>
        <translation>the poll interval is %1 ms; it must be positive</translation>
    </message>
    <message>
        <source>the topic &quot;%1&quot; refused the trace&apos;s records (Kafka: %2); %3 were sent before it, the rest of the trace was not sent</source>
        <translation>the topic &quot;%1&quot; refused the trace&apos;s records (Kafka: %2); %3 were sent before it, the rest of the trace was not sent</translation>
    </message>
    <message>
        <source>--source is &quot;%1&quot;; it must be bounded or open</source>
        <translation>--source is &quot;%1&quot;; it must be bounded or open</translation>
    </message>
    <message>
        <source>no &quot;%1&quot; text: every text a student reads must be given in &quot;pt&quot; and &quot;en&quot;, neither empty</source>
        <translation>no &quot;%1&quot; text: every text a student reads must be given in &quot;pt&quot; and &quot;en&quot;, neither empty</translation>
    </message>
    <message numerus="yes">
        <source>At most %1 partitions with %n configs: a topic&apos;s metadata records may not exceed %2.</source>
        <translation>
            <numerusform>At most %1 partitions with %n config: a topic&apos;s metadata records may not exceed %2.</numerusform>
            <numerusform>At most %1 partitions with %n configs: a topic&apos;s metadata records may not exceed %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>the stream job reads %1, but the topic &quot;%2&quot; has %3</source>
        <translation>the stream job reads %1, but the topic &quot;%2&quot; has %3</translation>
    </message>
    <message numerus="yes">
        <source>%n splits of &quot;%1&quot;</source>
        <translation>
            <numerusform>%n split of &quot;%1&quot;</numerusform>
            <numerusform>%n splits of &quot;%1&quot;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n partitions</source>
        <translation>
            <numerusform>%n partition</numerusform>
            <numerusform>%n partitions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n records of the trace were not delivered to the topic &quot;%1&quot; (Kafka: %2; the first on partition %3): the producer gave them up</source>
        <translation>
            <numerusform>%n record of the trace was not delivered to the topic &quot;%1&quot; (Kafka: %2; on partition %3): the producer gave it up</numerusform>
            <numerusform>%n records of the trace were not delivered to the topic &quot;%1&quot; (Kafka: %2; the first on partition %3): the producer gave them up</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n records of the trace were not delivered to the topic &quot;%1&quot; (Kafka: %2): the producer gave them up</source>
        <translation>
            <numerusform>%n record of the trace was not delivered to the topic &quot;%1&quot; (Kafka: %2): the producer gave it up</numerusform>
            <numerusform>%n records of the trace were not delivered to the topic &quot;%1&quot; (Kafka: %2): the producer gave them up</numerusform>
        </translation>
    </message>
    <message>
        <source>Kafka&apos;s producer would refuse these settings when it is created (ConfigException): %1</source>
        <translation>Kafka&apos;s producer would refuse these settings when it is created (ConfigException): %1</translation>
    </message>
    <message numerus="yes">
        <source>%n records of the trace were not delivered to the topic &quot;%1&quot; (Kafka: %2; the first on partition %3): each record carries its event time as its timestamp, and the broker refuses timestamps more than message.timestamp.after.max.ms (3600000 ms, one hour, by default) ahead of its clock, which does not run at the trace&apos;s dates. Create the topic with --config message.timestamp.after.max.ms=1000000000000000, as the scenario sensores-no-topico does.</source>
        <translation>
            <numerusform>%n record of the trace was not delivered to the topic &quot;%1&quot; (Kafka: %2; on partition %3): each record carries its event time as its timestamp, and the broker refuses timestamps more than message.timestamp.after.max.ms (3600000 ms, one hour, by default) ahead of its clock, which does not run at the trace&apos;s dates. Create the topic with --config message.timestamp.after.max.ms=1000000000000000, as the scenario sensores-no-topico does.</numerusform>
            <numerusform>%n records of the trace were not delivered to the topic &quot;%1&quot; (Kafka: %2; the first on partition %3): each record carries its event time as its timestamp, and the broker refuses timestamps more than message.timestamp.after.max.ms (3600000 ms, one hour, by default) ahead of its clock, which does not run at the trace&apos;s dates. Create the topic with --config message.timestamp.after.max.ms=1000000000000000, as the scenario sensores-no-topico does.</numerusform>
        </translation>
    </message>
    <message>
        <source>the trace %1 changed while it was replayed</source>
        <translation>the trace %1 changed while it was replayed</translation>
    </message>
    <message>
        <source>%1:%2: the partition %3 is not below --partitions %4</source>
        <translation>%1:%2: the partition %3 is not below --partitions %4</translation>
    </message>
    <message>
        <source>the temporary file for the late elements could not be written</source>
        <translation>the temporary file for the late elements could not be written</translation>
    </message>
    <message>
        <source>skipped %1</source>
        <translation>skipped %1</translation>
    </message>
    <message>
        <source>%1 bad record(s) skipped (--on-error skip):</source>
        <translation>%1 bad record(s) skipped (--on-error skip):</translation>
    </message>
    <message>
        <source>... and %1 more</source>
        <translation>... and %1 more</translation>
    </message>
    <message>
        <source>%1 late element(s) dropped (numLateRecordsDropped)</source>
        <translation>%1 late element(s) dropped (numLateRecordsDropped)</translation>
    </message>
    <message>
        <source>--crash-at %1: the trace has only %2 element(s), so the job did not crash</source>
        <translation>--crash-at %1: the trace has only %2 element(s), so the job did not crash</translation>
    </message>
    <message>
        <source>note: without --arrival-field processing time does not advance, so no key is silent for the timeout while the input lasts; the alerts come only after its end</source>
        <translation>note: without --arrival-field processing time does not advance, so no key is silent for the timeout while the input lasts; the alerts come only after its end</translation>
    </message>
    <message>
        <source>note: without --arrival-field processing time does not advance, so the inactivity timers never fire (the end of the input drops them)</source>
        <translation>note: without --arrival-field processing time does not advance, so the inactivity timers never fire (the end of the input drops them)</translation>
    </message>
    <message>
        <source>note: without --arrival-field processing time does not advance, so processing-time windows never fire</source>
        <translation>note: without --arrival-field processing time does not advance, so processing-time windows never fire</translation>
    </message>
    <message>
        <source>note: without --arrival-field processing time does not advance, so the periodic watermark (every %1 ms of processing time) never moves before the end of the input, where the final watermark (MAX) fires the windows; --watermark-interval per-event emits one after every event</source>
        <translation>note: without --arrival-field processing time does not advance, so the periodic watermark (every %1 ms of processing time) never moves before the end of the input, where the final watermark (MAX) fires the windows; --watermark-interval per-event emits one after every event</translation>
    </message>
    <message>
        <source>the consumer &quot;%1&quot; is not declared under &quot;consumers&quot; nor added by an earlier add_consumer action</source>
        <translation>the consumer &quot;%1&quot; is not declared under &quot;consumers&quot; nor added by an earlier add_consumer action</translation>
    </message>
    <message>
        <source>the producer &quot;%1&quot; is not declared under &quot;producers&quot;</source>
        <translation>the producer &quot;%1&quot; is not declared under &quot;producers&quot;</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>Empty</source>
        <translation>Empty</translation>
    </message>
    <message>
        <source>PreparingRebalance</source>
        <translation>PreparingRebalance</translation>
    </message>
    <message>
        <source>CompletingRebalance</source>
        <translation>CompletingRebalance</translation>
    </message>
    <message>
        <source>Stable</source>
        <translation>Stable</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>Dead</translation>
    </message>
    <message>
        <source>The group exists (it may have committed offsets) but has no active members.</source>
        <translation>The group exists (it may have committed offsets) but has no active members.</translation>
    </message>
    <message>
        <source>A member joined or left: the coordinator waits for every member to send JoinGroup again.</source>
        <translation>A member joined or left: the coordinator waits for every member to send JoinGroup again.</translation>
    </message>
    <message>
        <source>Everyone rejoined; the leader is computing the assignment and the others wait for SyncGroup.</source>
        <translation>Everyone rejoined; the leader is computing the assignment and the others wait for SyncGroup.</translation>
    </message>
    <message>
        <source>Every member has its partitions and is consuming.</source>
        <translation>Every member has its partitions and is consuming.</translation>
    </message>
    <message>
        <source>The group was deleted.</source>
        <translation>The group was deleted.</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <source>cooperative (incremental)</source>
        <translation>cooperative (incremental)</translation>
    </message>
    <message>
        <source>eager (stop-the-world)</source>
        <translation>eager (stop-the-world)</translation>
    </message>
    <message>
        <source>left the group (LeaveGroup)</source>
        <translation>left the group (LeaveGroup)</translation>
    </message>
    <message>
        <source>session timeout (no heartbeats)</source>
        <translation>session timeout (no heartbeats)</translation>
    </message>
    <message>
        <source>max.poll.interval.ms exceeded</source>
        <translation>max.poll.interval.ms exceeded</translation>
    </message>
    <message>
        <source>did not rejoin in time</source>
        <translation>did not rejoin in time</translation>
    </message>
    <message>
        <source>fenced</source>
        <translation>fenced</translation>
    </message>
    <message>
        <source>no error</source>
        <translation>no error</translation>
    </message>
    <message>
        <source>not enough in-sync replicas (NOT_ENOUGH_REPLICAS)</source>
        <translation>not enough in-sync replicas (NOT_ENOUGH_REPLICAS)</translation>
    </message>
    <message>
        <source>written, but not enough in-sync replicas (NOT_ENOUGH_REPLICAS_AFTER_APPEND)</source>
        <translation>written, but not enough in-sync replicas (NOT_ENOUGH_REPLICAS_AFTER_APPEND)</translation>
    </message>
    <message>
        <source>the broker is no longer the leader (NOT_LEADER_OR_FOLLOWER)</source>
        <translation>the broker is no longer the leader (NOT_LEADER_OR_FOLLOWER)</translation>
    </message>
    <message>
        <source>no leader available (LEADER_NOT_AVAILABLE)</source>
        <translation>no leader available (LEADER_NOT_AVAILABLE)</translation>
    </message>
    <message>
        <source>request timed out (REQUEST_TIMED_OUT)</source>
        <translation>request timed out (REQUEST_TIMED_OUT)</translation>
    </message>
    <message>
        <source>network error (NETWORK_EXCEPTION)</source>
        <translation>network error (NETWORK_EXCEPTION)</translation>
    </message>
    <message>
        <source>rebalance in progress (REBALANCE_IN_PROGRESS)</source>
        <translation>rebalance in progress (REBALANCE_IN_PROGRESS)</translation>
    </message>
    <message>
        <source>old generation (ILLEGAL_GENERATION)</source>
        <translation>old generation (ILLEGAL_GENERATION)</translation>
    </message>
    <message>
        <source>unknown member (UNKNOWN_MEMBER_ID)</source>
        <translation>unknown member (UNKNOWN_MEMBER_ID)</translation>
    </message>
    <message>
        <source>delivery.timeout.ms expired</source>
        <translation>delivery.timeout.ms expired</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>HW (high watermark): the first offset not yet copied to every replica in the ISR. Consumers only read below the HW; records after it are not committed yet.</source>
        <translation>HW (high watermark): the first offset not yet copied to every replica in the ISR. Consumers only read below the HW; records after it are not committed yet.</translation>
    </message>
    <message>
        <source>LEO (log end offset): the offset the next record written to this replica will get.</source>
        <translation>LEO (log end offset): the offset the next record written to this replica will get.</translation>
    </message>
    <message>
        <source>ISR (in-sync replicas): the replicas that are up to date with the leader. Only they can become leader without losing data.</source>
        <translation>ISR (in-sync replicas): the replicas that are up to date with the leader. Only they can become leader without losing data.</translation>
    </message>
    <message>
        <source>Lag: how many records the group still has to read, HW minus the committed offset (the LAG column of kafka-consumer-groups).</source>
        <translation>Lag: how many records the group still has to read, HW minus the committed offset (the LAG column of kafka-consumer-groups).</translation>
    </message>
    <message>
        <source>Generation: a counter the coordinator increments at every rebalance. Commits from an old generation are rejected.</source>
        <translation>Generation: a counter the coordinator increments at every rebalance. Commits from an old generation are rejected.</translation>
    </message>
    <message>
        <source>Leader replica: receives the writes of producers and serves the reads of consumers.</source>
        <translation>Leader replica: receives the writes of producers and serves the reads of consumers.</translation>
    </message>
    <message>
        <source>Follower replica: copies the leader&apos;s log by fetching from it, like a consumer.</source>
        <translation>Follower replica: copies the leader&apos;s log by fetching from it, like a consumer.</translation>
    </message>
    <message>
        <source>Log start offset: the oldest offset still stored. Retention deleted everything before it.</source>
        <translation>Log start offset: the oldest offset still stored. Retention deleted everything before it.</translation>
    </message>
    <message>
        <source>Leader: none. No replica of the ISR is alive, so the partition can be neither written nor read.</source>
        <translation>Leader: none. No replica of the ISR is alive, so the partition can be neither written nor read.</translation>
    </message>
    <message>
        <source>Position: the next offset this consumer will fetch.</source>
        <translation>Position: the next offset this consumer will fetch.</translation>
    </message>
    <message>
        <source>Committed offset: where the group will resume after a rebalance or restart (the next record to read).</source>
        <translation>Committed offset: where the group will resume after a rebalance or restart (the next record to read).</translation>
    </message>
    <message>
        <source>With a key, the producer picks the partition as murmur2(key) % number of partitions, so the same key always goes to the same partition.</source>
        <translation>With a key, the producer picks the partition as murmur2(key) % number of partitions, so the same key always goes to the same partition.</translation>
    </message>
    <message>
        <source>Eager rebalance: every consumer gives up all its partitions and stops until the new assignment arrives (stop-the-world).</source>
        <translation>Eager rebalance: every consumer gives up all its partitions and stops until the new assignment arrives (stop-the-world).</translation>
    </message>
    <message>
        <source>Cooperative rebalance: only the partitions that change owner are revoked, in two phases; the others keep being consumed.</source>
        <translation>Cooperative rebalance: only the partitions that change owner are revoked, in two phases; the others keep being consumed.</translation>
    </message>
    <message>
        <source>Broker: a Kafka server. It stores replicas of partitions. Right-click to stop or start it.</source>
        <translation>Broker: a Kafka server. It stores replicas of partitions. Right-click to stop or start it.</translation>
    </message>
    <message>
        <source>Producer: an application that writes records to a topic.</source>
        <translation>Producer: an application that writes records to a topic.</translation>
    </message>
    <message>
        <source>Consumer group: consumers that share the partitions of the topics they read; each partition is read by a single member of the group.</source>
        <translation>Consumer group: consumers that share the partitions of the topics they read; each partition is read by a single member of the group.</translation>
    </message>
    <message>
        <source>consuming</source>
        <translation>consuming</translation>
    </message>
    <message>
        <source>no partitions</source>
        <translation>no partitions</translation>
    </message>
    <message>
        <source>stopped: waiting</source>
        <translation>stopped: waiting</translation>
    </message>
    <message>
        <source>left the group (does not know yet)</source>
        <translation>left the group (does not know yet)</translation>
    </message>
    <message>
        <source>not calling poll()</source>
        <translation>not calling poll()</translation>
    </message>
    <message>
        <source>A member of the group: it fetches and processes its partitions.</source>
        <translation>A member of the group: it fetches and processes its partitions.</translation>
    </message>
    <message>
        <source>A member of the group with no partition assigned (more consumers than partitions, or waiting for the assignment).</source>
        <translation>A member of the group with no partition assigned (more consumers than partitions, or waiting for the assignment).</translation>
    </message>
    <message>
        <source>The group is rebalancing: this consumer gave up its partitions and waits for the new assignment.</source>
        <translation>The group is rebalancing: this consumer gave up its partitions and waits for the new assignment.</translation>
    </message>
    <message>
        <source>It did not call poll() within max.poll.interval.ms, so its heartbeat thread left the group and the partitions went to other members. The application does not know yet: it still holds the records it was processing and finds out at its next poll(), when it loses its partitions and joins again.</source>
        <translation>It did not call poll() within max.poll.interval.ms, so its heartbeat thread left the group and the partitions went to other members. The application does not know yet: it still holds the records it was processing and finds out at its next poll(), when it loses its partitions and joins again.</translation>
    </message>
    <message>
        <source>The application is busy and does not call poll(). It stays in the group while its heartbeats go on, until max.poll.interval.ms passes.</source>
        <translation>The application is busy and does not call poll(). It stays in the group while its heartbeats go on, until max.poll.interval.ms passes.</translation>
    </message>
    <message>
        <source>No coordinator</source>
        <translation>No coordinator</translation>
    </message>
    <message>
        <source>no broker leads its __consumer_offsets partition</source>
        <translation>no broker leads its __consumer_offsets partition</translation>
    </message>
    <message>
        <source>coordinator broker %1 is down</source>
        <translation>coordinator broker %1 is down</translation>
    </message>
    <message>
        <source>Broker {broker} started</source>
        <translation>Broker {broker} started</translation>
    </message>
    <message>
        <source>Broker {broker} crashed</source>
        <translation>Broker {broker} crashed</translation>
    </message>
    <message>
        <source>Broker {broker} stopped (controlled shutdown)</source>
        <translation>Broker {broker} stopped (controlled shutdown)</translation>
    </message>
    <message>
        <source>The controller fenced broker {broker}</source>
        <translation>The controller fenced broker {broker}</translation>
    </message>
    <message>
        <source>The controller unfenced broker {broker}: it registered and caught up with the metadata</source>
        <translation>The controller unfenced broker {broker}: it registered and caught up with the metadata</translation>
    </message>
    <message>
        <source>Topic {topic} deleted</source>
        <translation>Topic {topic} deleted</translation>
    </message>
    <message>
        <source>Topic {topic}: override {config} removed, the broker&apos;s default applies</source>
        <translation>Topic {topic}: override {config} removed, the broker&apos;s default applies</translation>
    </message>
    <message>
        <source>Topic {topic}: config {config} set</source>
        <translation>Topic {topic}: config {config} set</translation>
    </message>
    <message>
        <source>Partition {topic}-{partition} created</source>
        <translation>Partition {topic}-{partition} created</translation>
    </message>
    <message>
        <source>{topic}-{partition} has no leader (offline)</source>
        <translation>{topic}-{partition} has no leader (offline)</translation>
    </message>
    <message>
        <source>{topic}-{partition}: broker {leader} elected leader (unclean), epoch {leader_epoch}</source>
        <translation>{topic}-{partition}: broker {leader} elected leader (unclean), epoch {leader_epoch}</translation>
    </message>
    <message>
        <source>{topic}-{partition}: broker {leader} elected leader, epoch {leader_epoch}</source>
        <translation>{topic}-{partition}: broker {leader} elected leader, epoch {leader_epoch}</translation>
    </message>
    <message>
        <source>{topic}-{partition}: broker {replica} left the ISR</source>
        <translation>{topic}-{partition}: broker {replica} left the ISR</translation>
    </message>
    <message>
        <source>{topic}-{partition}: broker {replica} rejoined the ISR</source>
        <translation>{topic}-{partition}: broker {replica} rejoined the ISR</translation>
    </message>
    <message>
        <source>{topic}-{partition}: high watermark advanced to {hw}</source>
        <translation>{topic}-{partition}: high watermark advanced to {hw}</translation>
    </message>
    <message>
        <source>{topic}-{partition}: retention moved the log start offset to {log_start_offset}</source>
        <translation>{topic}-{partition}: retention moved the log start offset to {log_start_offset}</translation>
    </message>
    <message>
        <source>Producer {producer} started</source>
        <translation>Producer {producer} started</translation>
    </message>
    <message>
        <source>Producer {producer} started: the lab&apos;s setup writes this step&apos;s starting records</source>
        <translation>Producer {producer} started: the lab&apos;s setup writes this step&apos;s starting records</translation>
    </message>
    <message>
        <source>{topic}-{partition}: send by {producer} failed: {error}</source>
        <translation>{topic}-{partition}: send by {producer} failed: {error}</translation>
    </message>
    <message>
        <source>Consumer {consumer} started</source>
        <translation>Consumer {consumer} started</translation>
    </message>
    <message>
        <source>Consumer {consumer} closed</source>
        <translation>Consumer {consumer} closed</translation>
    </message>
    <message>
        <source>Consumer {consumer} stops calling poll() for {pause_ms} ms</source>
        <translation>Consumer {consumer} stops calling poll() for {pause_ms} ms</translation>
    </message>
    <message>
        <source>{consumer} joined group {group}</source>
        <translation>{consumer} joined group {group}</translation>
    </message>
    <message>
        <source>{consumer} left group {group}: {reason}</source>
        <translation>{consumer} left group {group}: {reason}</translation>
    </message>
    <message>
        <source>Group {group} is now {state} (generation {generation})</source>
        <translation>Group {group} is now {state} (generation {generation})</translation>
    </message>
    <message>
        <source>Group {group}: generation {generation} with assignor {protocol}, leader {leader}</source>
        <translation>Group {group}: generation {generation} with assignor {protocol}, leader {leader}</translation>
    </message>
    <message>
        <source>{consumer}: position of {topic}-{partition} set to the committed offset {position}</source>
        <translation>{consumer}: position of {topic}-{partition} set to the committed offset {position}</translation>
    </message>
    <message>
        <source>{consumer}: position of {topic}-{partition} reset to {position}</source>
        <translation>{consumer}: position of {topic}-{partition} reset to {position}</translation>
    </message>
    <message>
        <source>Group {group} committed offset {offset} on {topic}-{partition}</source>
        <translation>Group {group} committed offset {offset} on {topic}-{partition}</translation>
    </message>
    <message>
        <source>Commit by {consumer} failed: {error}</source>
        <translation>Commit by {consumer} failed: {error}</translation>
    </message>
    <message>
        <source>Group {group} has no coordinator</source>
        <translation>Group {group} has no coordinator</translation>
    </message>
    <message>
        <source>Group {group}: coordinator is now broker {coordinator}</source>
        <translation>Group {group}: coordinator is now broker {coordinator}</translation>
    </message>
    <message>
        <source>Group {group} deleted</source>
        <translation>Group {group} deleted</translation>
    </message>
    <message>
        <source>Group {group} deleted its committed offset on {topic}-{partition}</source>
        <translation>Group {group} deleted its committed offset on {topic}-{partition}</translation>
    </message>
    <message>
        <source>Scenario action: {description}</source>
        <translation>Scenario action: {description}</translation>
    </message>
    <message numerus="yes">
        <source>Broker {coordinator} loaded group {group} from __consumer_offsets: {state}, generation {generation}, %n member(s)</source>
        <translation>
            <numerusform>Broker {coordinator} loaded group {group} from __consumer_offsets: {state}, generation {generation}, %n member</numerusform>
            <numerusform>Broker {coordinator} loaded group {group} from __consumer_offsets: {state}, generation {generation}, %n members</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>The broker reported a state this version of Kafka&apos;s admin client does not know.</source>
        <translation>The broker reported a state this version of Kafka&apos;s admin client does not know.</translation>
    </message>
    <message>
        <source>no assignor: the group has no members</source>
        <translation>no assignor: the group has no members</translation>
    </message>
    <message>
        <source>Producer {producer} closed</source>
        <translation>Producer {producer} closed</translation>
    </message>
    <message>
        <source>{producer}: connection to broker {broker} could not be established (next attempt in {retry_in_ms} ms)</source>
        <translation>{producer}: connection to broker {broker} could not be established (next attempt in {retry_in_ms} ms)</translation>
    </message>
    <message>
        <source>The KRaft quorum has no leader: no active controller (epoch {epoch})</source>
        <translation>The KRaft quorum has no leader: no active controller (epoch {epoch})</translation>
    </message>
    <message>
        <source>Broker {broker} is the active controller: the KRaft quorum elected it (epoch {epoch})</source>
        <translation>Broker {broker} is the active controller: the KRaft quorum elected it (epoch {epoch})</translation>
    </message>
    <message>
        <source>Producer {producer} closed: the lab&apos;s setup wrote this step&apos;s starting records</source>
        <translation>Producer {producer} closed: the lab&apos;s setup wrote this step&apos;s starting records</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message numerus="yes">
        <source>Topic {topic} created (%n partition(s), replication factor {replication_factor})</source>
        <translation>
            <numerusform>Topic {topic} created (%n partition, replication factor {replication_factor})</numerusform>
            <numerusform>Topic {topic} created (%n partitions, replication factor {replication_factor})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{topic}-{partition}: %n record(s) appended at offset {base_offset} by {producer}, the lab&apos;s setup</source>
        <translation>
            <numerusform>{topic}-{partition}: %n record appended at offset {base_offset} by {producer}, the lab&apos;s setup</numerusform>
            <numerusform>{topic}-{partition}: %n records appended at offset {base_offset} by {producer}, the lab&apos;s setup</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{topic}-{partition}: %n record(s) appended at offset {base_offset} by {producer}</source>
        <translation>
            <numerusform>{topic}-{partition}: %n record appended at offset {base_offset} by {producer}</numerusform>
            <numerusform>{topic}-{partition}: %n records appended at offset {base_offset} by {producer}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{topic}-{partition}: follower {follower} fetched %n record(s), LEO {leo}</source>
        <translation>
            <numerusform>{topic}-{partition}: follower {follower} fetched %n record, LEO {leo}</numerusform>
            <numerusform>{topic}-{partition}: follower {follower} fetched %n records, LEO {leo}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{topic}-{partition}: replica on broker {replica} truncated to {leo} (%n record(s) lost)</source>
        <translation>
            <numerusform>{topic}-{partition}: replica on broker {replica} truncated to {leo} (%n record lost)</numerusform>
            <numerusform>{topic}-{partition}: replica on broker {replica} truncated to {leo} (%n records lost)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{topic}-{partition}: {producer} (the lab&apos;s setup) acknowledged %n record(s)</source>
        <translation>
            <numerusform>{topic}-{partition}: {producer} (the lab&apos;s setup) acknowledged %n record</numerusform>
            <numerusform>{topic}-{partition}: {producer} (the lab&apos;s setup) acknowledged %n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{topic}-{partition}: {producer} acknowledged %n record(s)</source>
        <translation>
            <numerusform>{topic}-{partition}: {producer} acknowledged %n record</numerusform>
            <numerusform>{topic}-{partition}: {producer} acknowledged %n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{consumer} gave up %n partition(s)</source>
        <translation>
            <numerusform>{consumer} gave up %n partition</numerusform>
            <numerusform>{consumer} gave up %n partitions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{consumer} received %n partition(s)</source>
        <translation>
            <numerusform>{consumer} received %n partition</numerusform>
            <numerusform>{consumer} received %n partitions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{consumer} consumed %n record(s) from {topic}-{partition} at offset {offset}</source>
        <translation>
            <numerusform>{consumer} consumed %n record from {topic}-{partition} at offset {offset}</numerusform>
            <numerusform>{consumer} consumed %n records from {topic}-{partition} at offset {offset}</numerusform>
        </translation>
    </message>
    <message>
        <source>the topic was not in the metadata within max.block.ms (METADATA_TIMEOUT)</source>
        <translation>the topic was not in the metadata within max.block.ms (METADATA_TIMEOUT)</translation>
    </message>
    <message>
        <source>{topic}: send by {producer} failed before a partition was chosen: {error}</source>
        <translation>{topic}: send by {producer} failed before a partition was chosen: {error}</translation>
    </message>
    <message numerus="yes">
        <source>{consumer} lost %n partition(s): it is no longer a member of the group (onPartitionsLost)</source>
        <translation>
            <numerusform>{consumer} lost %n partition: it is no longer a member of the group (onPartitionsLost)</numerusform>
            <numerusform>{consumer} lost %n partitions: it is no longer a member of the group (onPartitionsLost)</numerusform>
        </translation>
    </message>
    <message>
        <source>no longer in the group: the client failed it without sending it (CommitFailedException)</source>
        <translation>no longer in the group: the client failed it without sending it (CommitFailedException)</translation>
    </message>
    <message>
        <source>rebalancing: the client failed it without sending it (RebalanceInProgressException)</source>
        <translation>rebalancing: the client failed it without sending it (RebalanceInProgressException)</translation>
    </message>
    <message>
        <source>the producer was closed while send() waited for metadata (KafkaException)</source>
        <translation>the producer was closed while send() waited for metadata (KafkaException)</translation>
    </message>
    <message>
        <source>the batch is larger than the topic&apos;s max.message.bytes (MESSAGE_TOO_LARGE)</source>
        <translation>the batch is larger than the topic&apos;s max.message.bytes (MESSAGE_TOO_LARGE)</translation>
    </message>
    <message>
        <source>the record is larger than max.request.size (RecordTooLargeException)</source>
        <translation>the record is larger than max.request.size (RecordTooLargeException)</translation>
    </message>
    <message>
        <source>a record&apos;s timestamp is outside the range the topic accepts (INVALID_TIMESTAMP)</source>
        <translation>a record&apos;s timestamp is outside the range the topic accepts (INVALID_TIMESTAMP)</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::AddConsumerDialog</name>
    <message>
        <source>Add consumer</source>
        <translation>Add consumer</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>Group:</translation>
    </message>
    <message>
        <source>Topics:</source>
        <translation>Topics:</translation>
    </message>
    <message>
        <source>Assignor:</source>
        <translation>Assignor:</translation>
    </message>
    <message>
        <source>Type a group name.</source>
        <translation>Type a group name.</translation>
    </message>
    <message>
        <source>Pick at least one topic (create one first).</source>
        <translation>Pick at least one topic (create one first).</translation>
    </message>
    <message>
        <source>group-1</source>
        <extracomment>The default name of a new consumer group: ASCII letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;.</extracomment>
        <translation>group-1</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::AddProducerDialog</name>
    <message>
        <source>Add producer</source>
        <translation>Add producer</translation>
    </message>
    <message>
        <source> records/s</source>
        <translation> records/s</translation>
    </message>
    <message>
        <source>uniform keys</source>
        <translation>uniform keys</translation>
    </message>
    <message>
        <source>skewed keys (Zipf)</source>
        <translation>skewed keys (Zipf)</translation>
    </message>
    <message>
        <source>keys in sequence</source>
        <translation>keys in sequence</translation>
    </message>
    <message>
        <source>no key (null)</source>
        <translation>no key (null)</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>Topic:</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>Rate:</translation>
    </message>
    <message>
        <source>Keys:</source>
        <translation>Keys:</translation>
    </message>
    <message>
        <source>Distinct keys:</source>
        <translation>Distinct keys:</translation>
    </message>
    <message>
        <source>Key prefix:</source>
        <translation>Key prefix:</translation>
    </message>
    <message>
        <source>Create a topic first.</source>
        <translation>Create a topic first.</translation>
    </message>
    <message>
        <source>customer-</source>
        <extracomment>The default prefix of a new producer&apos;s keys (&quot;customer-0&quot;, &quot;customer-1&quot;, …): ASCII, no spaces.</extracomment>
        <translation>customer-</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::ClusterCanvas</name>
    <message>
        <source>Remove consumer %1</source>
        <translation>Remove consumer %1</translation>
    </message>
    <message>
        <source>Add consumer to group %1</source>
        <translation>Add consumer to group %1</translation>
    </message>
    <message>
        <source>Stop broker %1 (controlled shutdown)</source>
        <translation>Stop broker %1 (controlled shutdown)</translation>
    </message>
    <message>
        <source>Crash broker %1</source>
        <translation>Crash broker %1</translation>
    </message>
    <message>
        <source>Start broker %1</source>
        <translation>Start broker %1</translation>
    </message>
    <message>
        <source>Open a scenario from the gallery to start.</source>
        <translation>Open a scenario from the gallery to start.</translation>
    </message>
    <message>
        <source>Producers</source>
        <translation>Producers</translation>
    </message>
    <message>
        <source>Consumer groups</source>
        <translation>Consumer groups</translation>
    </message>
    <message>
        <source>Broker %1</source>
        <translation>Broker %1</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>fenced</source>
        <translation>fenced</translation>
    </message>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source> · controller</source>
        <translation> · controller</translation>
    </message>
    <message numerus="yes">
        <source>%n leader(s)</source>
        <translation>
            <numerusform>%n leader</numerusform>
            <numerusform>%n leaders</numerusform>
        </translation>
    </message>
    <message>
        <source> · none</source>
        <translation> · none</translation>
    </message>
    <message>
        <source> · L</source>
        <translation> · L</translation>
    </message>
    <message>
        <source> · out</source>
        <translation> · out</translation>
    </message>
    <message>
        <source>empty log</source>
        <translation>empty log</translation>
    </message>
    <message>
        <source>HW</source>
        <translation>HW</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>Group %1</translation>
    </message>
    <message>
        <source>generation %1</source>
        <translation>generation %1</translation>
    </message>
    <message>
        <source> (leader)</source>
        <translation> (leader)</translation>
    </message>
    <message>
        <source>Without owner (waiting for phase 2)</source>
        <translation>Without owner (waiting for phase 2)</translation>
    </message>
    <message>
        <source>Eager rebalance: stop-the-world, every consumer stops</source>
        <translation>Eager rebalance: stop-the-world, every consumer stops</translation>
    </message>
    <message>
        <source>Cooperative, phase 1: rejoin, unaffected partitions keep flowing</source>
        <translation>Cooperative, phase 1: rejoin, unaffected partitions keep flowing</translation>
    </message>
    <message>
        <source>Cooperative: moved partitions revoked, now without owner</source>
        <translation>Cooperative: moved partitions revoked, now without owner</translation>
    </message>
    <message>
        <source>Cooperative, phase 2: moved partitions go to their new owner</source>
        <translation>Cooperative, phase 2: moved partitions go to their new owner</translation>
    </message>
    <message>
        <source>+ %1 more · %2 of %3 partitions shown</source>
        <translation>+ %1 more · %2 of %3 partitions shown</translation>
    </message>
    <message>
        <source>+ %1 more</source>
        <translation>+ %1 more</translation>
    </message>
    <message>
        <source>records in flight</source>
        <translation>records in flight</translation>
    </message>
    <message>
        <source>each replica&apos;s log end offset</source>
        <translation>each replica&apos;s log end offset</translation>
    </message>
    <message>
        <source>producers and the clients&apos; own state</source>
        <translation>producers and the clients&apos; own state</translation>
    </message>
    <message>
        <source>the past</source>
        <translation>the past</translation>
    </message>
    <message>
        <source>Not visible on a real cluster: %1.</source>
        <translation>Not visible on a real cluster: %1.</translation>
    </message>
    <message>
        <source>generation: not visible on a real cluster</source>
        <translation>generation: not visible on a real cluster</translation>
    </message>
    <message>
        <source>the inside of a rebalance</source>
        <translation>the inside of a rebalance</translation>
    </message>
    <message>
        <source>Cooperative: this rebalance assigns the partitions of the member that left; the others keep flowing</source>
        <translation>Cooperative: this rebalance assigns the partitions of the member that left; the others keep flowing</translation>
    </message>
    <message>
        <source>Without owner (their member left: this rebalance assigns them)</source>
        <translation>Without owner (their member left: this rebalance assigns them)</translation>
    </message>
    <message>
        <source>Without owner (their member left: the next rebalance assigns them)</source>
        <translation>Without owner (their member left: the next rebalance assigns them)</translation>
    </message>
    <message numerus="yes">
        <source>%n acked</source>
        <translation>
            <numerusform>%n acked</numerusform>
            <numerusform>%n acked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fluxolab::app::CommandLine</name>
    <message>
        <source>--watermark expects bounded:DURATION, sql:DURATION or monotonous (for example bounded:5s), got &quot;%1&quot;</source>
        <translation>--watermark expects bounded:DURATION, sql:DURATION or monotonous (for example bounded:5s), got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--window expects tumble:SIZE, hop:SLIDE,SIZE, session:GAP or cumulate:STEP,SIZE with positive durations (for example tumble:60s), got &quot;%1&quot;</source>
        <translation>--window expects tumble:SIZE, hop:SLIDE,SIZE, session:GAP or cumulate:STEP,SIZE with positive durations (for example tumble:60s), got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--agg expects count, or sum, min, max, avg or collect with a field (for example sum:valor), got &quot;%1&quot;</source>
        <translation>--agg expects count, or sum, min, max, avg or collect with a field (for example sum:valor), got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--what-if %1 does not apply to this window</source>
        <translation>--what-if %1 does not apply to this window</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>cannot write %1</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>unexpected argument &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--seed expects a non-negative integer, got &quot;%1&quot;</source>
        <translation>--seed expects a non-negative integer, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--at expects a duration such as 30s, 1500ms or 2m, got &quot;%1&quot;</source>
        <translation>--at expects a duration such as 30s, 1500ms or 2m, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--at is limited to 1h of virtual time, got &quot;%1&quot;</source>
        <translation>--at is limited to 1h of virtual time, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--view must be cluster, groups, tables, plots, stream, terminal, labs or compare, got &quot;%1&quot;</source>
        <translation>--view must be cluster, groups, tables, plots, stream, terminal, labs or compare, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--lang must be pt_PT or en, got &quot;%1&quot;</source>
        <translation>--lang must be pt_PT or en, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--size expects WIDTHxHEIGHT such as 1600x900, got &quot;%1&quot;</source>
        <translation>--size expects WIDTHxHEIGHT such as 1600x900, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--size must be from 320x240 to 8000x8000, got &quot;%1&quot;</source>
        <translation>--size must be from 320x240 to 8000x8000, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--%1 is missing its value (&quot;%2&quot; is another option)</source>
        <translation>--%1 is missing its value (&quot;%2&quot; is another option)</translation>
    </message>
    <message>
        <source>--%1 needs --trace FILE</source>
        <translation>--%1 needs --trace FILE</translation>
    </message>
    <message>
        <source>--%1 expects a duration such as 0s, 10s or 90s, got &quot;%2&quot;</source>
        <translation>--%1 expects a duration such as 0s, 10s or 90s, got &quot;%2&quot;</translation>
    </message>
    <message>
        <source>--watermark-interval expects per-event or a positive duration, got &quot;%1&quot;</source>
        <translation>--watermark-interval expects per-event or a positive duration, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--parallelism expects 1 to 8, got &quot;%1&quot;</source>
        <translation>--parallelism expects 1 to 8, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--trace options: %1</source>
        <translation>--trace options: %1</translation>
    </message>
    <message>
        <source>--step expects a non-negative integer, got &quot;%1&quot;</source>
        <translation>--step expects a non-negative integer, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--what-if must be idle or bound, got &quot;%1&quot;</source>
        <translation>--what-if must be idle or bound, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--what-if needs --why KEY</source>
        <translation>--what-if needs --why KEY</translation>
    </message>
    <message>
        <source>--screenshot expects a file name</source>
        <translation>--screenshot expects a file name</translation>
    </message>
    <message>
        <source>--lab: unknown lab &quot;%1&quot;: no lab was found in %2 (FLUXOLAB_LABS_DIR chooses another folder)</source>
        <translation>--lab: unknown lab &quot;%1&quot;: no lab was found in %2 (FLUXOLAB_LABS_DIR chooses another folder)</translation>
    </message>
    <message>
        <source>--lab: unknown lab &quot;%1&quot;; the labs are:
  %2</source>
        <translation>--lab: unknown lab &quot;%1&quot;; the labs are:
  %2</translation>
    </message>
    <message>
        <source>Usage: fluxolab [--scenario NAME|PATH] [--seed S] [--at 30s] [--view VIEW]
                [--lang pt_PT|en] [--size 1600x900] [--presentation] [--screenshot out.png]
                [--lab ID] [--run &apos;COMMAND&apos;]... [--fresh] [--help] [--version]
                [--trace FILE [--watermark bounded:5s|monotonous|sql:5s] [--window tumble:60s|hop:10s,60s|
                 session:30s|cumulate:10s,60s] [--agg count|sum:F|min:F|max:F|avg:F|collect:F] [--key F]
                 [--time-field F] [--arrival-field F] [--partition-field F] [--allowed-lateness 0s]
                 [--idle-timeout 0s] [--watermark-interval 200ms|per-event] [--parallelism 1..8] [--step N] [--why KEY]
                 [--what-if idle|bound]]
  VIEW: cluster, groups, tables, plots, stream, terminal, labs or compare
        (terminal and labs: the Kafka CLI and the guided labs)
  --at: at most 1h of virtual time; with --run the commands are typed at 0 s and --at counts after them
  --run: each command in a free terminal tab (a new one while a command runs there);
         &apos;>LINE&apos; is a line for a running console producer
  --fresh   start as on a new machine: ignore the saved lab progress, the last lab and the terminal
            history (they are kept for the next normal start); the language choice is kept.
  --lab ID  opens a guided lab on its own cluster and shows the lab panel (an unknown ID lists the labs)
  Without --scenario, --lab or --fresh the lab opened last reopens where it was left.
  --trace: runs a CSV / JSON Lines trace through the stream engine and shows it in the stream view
           (options as fluxolab-cli replay&apos;s; defaults bounded:5s, tumble:60s, count, --key key,
           --time-field ts). --step N shows the state after N events (default: the end).
</source>
        <extracomment>fluxolab --help. Keep the option names, VIEW&apos;s values and the alignment of the lines.</extracomment>
        <translation>Usage: fluxolab [--scenario NAME|PATH] [--seed S] [--at 30s] [--view VIEW]
                [--lang pt_PT|en] [--size 1600x900] [--presentation] [--screenshot out.png]
                [--lab ID] [--run &apos;COMMAND&apos;]... [--fresh] [--help] [--version]
                [--trace FILE [--watermark bounded:5s|monotonous|sql:5s] [--window tumble:60s|hop:10s,60s|
                 session:30s|cumulate:10s,60s] [--agg count|sum:F|min:F|max:F|avg:F|collect:F] [--key F]
                 [--time-field F] [--arrival-field F] [--partition-field F] [--allowed-lateness 0s]
                 [--idle-timeout 0s] [--watermark-interval 200ms|per-event] [--parallelism 1..8] [--step N] [--why KEY]
                 [--what-if idle|bound]]
  VIEW: cluster, groups, tables, plots, stream, terminal, labs or compare
        (terminal and labs: the Kafka CLI and the guided labs)
  --at: at most 1h of virtual time; with --run the commands are typed at 0 s and --at counts after them
  --run: each command in a free terminal tab (a new one while a command runs there);
         &apos;>LINE&apos; is a line for a running console producer
  --fresh   start as on a new machine: ignore the saved lab progress, the last lab and the terminal
            history (they are kept for the next normal start); the language choice is kept.
  --lab ID  opens a guided lab on its own cluster and shows the lab panel (an unknown ID lists the labs)
  Without --scenario, --lab or --fresh the lab opened last reopens where it was left.
  --trace: runs a CSV / JSON Lines trace through the stream engine and shows it in the stream view
           (options as fluxolab-cli replay&apos;s; defaults bounded:5s, tumble:60s, count, --key key,
           --time-field ts). --step N shows the state after N events (default: the end).
</translation>
    </message>
    <message>
        <source>fluxolab: no display found (DISPLAY and WAYLAND_DISPLAY are not set).
  Start it from a desktop session or under xvfb-run, or render a picture headless with
  --screenshot out.png (e.g. fluxolab --scenario rebalance-basico --screenshot out.png)
</source>
        <translation>fluxolab: no display found (DISPLAY and WAYLAND_DISPLAY are not set).
  Start it from a desktop session or under xvfb-run, or render a picture headless with
  --screenshot out.png (e.g. fluxolab --scenario rebalance-basico --screenshot out.png)
</translation>
    </message>
    <message>
        <source>--screenshot needs --scenario, --lab or --trace</source>
        <translation>--screenshot needs --scenario, --lab or --trace</translation>
    </message>
    <message>
        <source>--seed is out of range: it must be from 0 to %1, got &quot;%2&quot;</source>
        <translation>--seed is out of range: it must be from 0 to %1, got &quot;%2&quot;</translation>
    </message>
    <message>
        <source>--why: the key &quot;%1&quot; has no window at the end of the input (final watermark)</source>
        <translation>--why: the key &quot;%1&quot; has no window at the end of the input (final watermark)</translation>
    </message>
    <message>
        <source>--why: the key &quot;%1&quot; has no window after event %2 of %3</source>
        <translation>--why: the key &quot;%1&quot; has no window after event %2 of %3</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::CompareRealDialog</name>
    <message>
        <source>Compare with the real cluster</source>
        <translation>Compare with the real cluster</translation>
    </message>
    <message>
        <source>Simulation</source>
        <translation>Simulation</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Real cluster %1</source>
        <translation>Real cluster %1</translation>
    </message>
    <message>
        <source>Running the script on the simulation and on the cluster %1…</source>
        <translation>Running the script on the simulation and on the cluster %1…</translation>
    </message>
    <message>
        <source>No differences: the outputs are the same (ids, hosts and times masked).</source>
        <translation>No differences: the outputs are the same (ids, hosts and times masked).</translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s) (lines highlighted; ids, hosts and times masked).</source>
        <translation>
            <numerusform>%n difference (lines highlighted; ids, hosts and times masked).</numerusform>
            <numerusform>%n differences (lines highlighted; ids, hosts and times masked).</numerusform>
        </translation>
    </message>
    <message>
        <source>Note: the cluster already had topics or groups; the simulation starts empty.</source>
        <translation>Note: the cluster already had topics or groups; the simulation starts empty.</translation>
    </message>
    <message>
        <source>Afterwards, delete the topics and groups the script created on the cluster</source>
        <translation>Afterwards, delete the topics and groups the script created on the cluster</translation>
    </message>
    <message>
        <source>Only the topics the script&apos;s own kafka-topics.sh --create commands created, and the groups its consumers used that were not on the cluster before; never what another client created meanwhile (fluxolab-cli compare-real --clean).</source>
        <translation>Only the topics the script&apos;s own kafka-topics.sh --create commands created, and the groups its consumers used that were not on the cluster before; never what another client created meanwhile (fluxolab-cli compare-real --clean).</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Compare</translation>
    </message>
    <message>
        <source>Terminal commands</source>
        <translation>Terminal commands</translation>
    </message>
    <message>
        <source>Compare the commands typed in the terminal since the app started</source>
        <translation>Compare the commands typed in the terminal since the app started</translation>
    </message>
    <message>
        <source>Script file…</source>
        <translation>Script file…</translation>
    </message>
    <message numerus="yes">
        <source>Script: %1 (%n command(s)).</source>
        <translation>
            <numerusform>Script: %1 (%n command).</numerusform>
            <numerusform>Script: %1 (%n commands).</numerusform>
        </translation>
    </message>
    <message>
        <source>the commands typed in the terminal</source>
        <translation>the commands typed in the terminal</translation>
    </message>
    <message>
        <source>Script to compare</source>
        <translation>Script to compare</translation>
    </message>
    <message>
        <source>Terminal scripts (*.sh *.txt);;All files (*)</source>
        <translation>Terminal scripts (*.sh *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>given</source>
        <translation>given</translation>
    </message>
    <message>
        <source>Cancelling: the job stops sending commands to the cluster…</source>
        <translation>Cancelling: the job stops sending commands to the cluster…</translation>
    </message>
    <message>
        <source>The script has no commands: type some in the terminal first, or choose a script file.</source>
        <translation>The script has no commands: type some in the terminal first, or choose a script file.</translation>
    </message>
    <message>
        <source>The script cannot run: line %1 is not valid shell syntax.</source>
        <translation>The script cannot run: line %1 is not valid shell syntax.</translation>
    </message>
    <message>
        <source>The script cannot run: it is not valid shell syntax.</source>
        <translation>The script cannot run: it is not valid shell syntax.</translation>
    </message>
    <message>
        <source>The broker %1 cannot be reached: no broker accepted a connection there. Nothing was compared.</source>
        <translation>The broker %1 cannot be reached: no broker accepted a connection there. Nothing was compared.</translation>
    </message>
    <message>
        <source>Something at %1 accepted the connection but gave no Kafka answer in time (not a Kafka broker, or one that does not respond). Nothing was compared.</source>
        <translation>Something at %1 accepted the connection but gave no Kafka answer in time (not a Kafka broker, or one that does not respond). Nothing was compared.</translation>
    </message>
    <message>
        <source>The cluster %1 refused the login: wrong user, password or SASL mechanism. Nothing was compared.</source>
        <translation>The cluster %1 refused the login: wrong user, password or SASL mechanism. Nothing was compared.</translation>
    </message>
    <message>
        <source>The TLS connection to %1 failed (handshake or certificate check). Nothing was compared.</source>
        <translation>The TLS connection to %1 failed (handshake or certificate check). Nothing was compared.</translation>
    </message>
    <message>
        <source>The client refused the connection settings for %1. Nothing was compared.</source>
        <translation>The client refused the connection settings for %1. Nothing was compared.</translation>
    </message>
    <message>
        <source>The cluster %1 could not be used (client error). Nothing was compared.</source>
        <translation>The cluster %1 could not be used (client error). Nothing was compared.</translation>
    </message>
    <message>
        <source>Cancelled: the job stopped and closed its connection; what it had already created on the cluster stays there.</source>
        <translation>Cancelled: the job stopped and closed its connection; what it had already created on the cluster stays there.</translation>
    </message>
    <message>
        <source>Deleted from the cluster what the script created: %1 and %2.</source>
        <translation>Deleted from the cluster what the script created: %1 and %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n topic(s)</source>
        <translation>
            <numerusform>%n topic</numerusform>
            <numerusform>%n topics</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n group</numerusform>
            <numerusform>%n groups</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not delete: %1.</source>
        <translation>Could not delete: %1.</translation>
    </message>
    <message>
        <source>What the script created stays on the cluster: %1 and %2.</source>
        <translation>What the script created stays on the cluster: %1 and %2.</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::CompareWindow</name>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <source>t = %1</source>
        <translation>t = %1</translation>
    </message>
    <message>
        <source>Compare assignors — %1</source>
        <translation>Compare assignors — %1</translation>
    </message>
    <message>
        <source>The same scenario and seed under two assignors, at the same virtual time. With an eager assignor every consumer stops during a rebalance; with cooperative-sticky only the partitions that move stop, in two phases.</source>
        <translation>The same scenario and seed under two assignors, at the same virtual time. With an eager assignor every consumer stops during a rebalance; with cooperative-sticky only the partitions that move stop, in two phases.</translation>
    </message>
    <message>
        <source>Left:</source>
        <translation>Left:</translation>
    </message>
    <message>
        <source>Right:</source>
        <translation>Right:</translation>
    </message>
    <message>
        <source>No consumer group here at this moment: an assignor shares a group&apos;s partitions among the group&apos;s members, so until a group has members both sides are the same.</source>
        <translation>No consumer group here at this moment: an assignor shares a group&apos;s partitions among the group&apos;s members, so until a group has members both sides are the same.</translation>
    </message>
    <message>
        <source>Both sides to the next event</source>
        <translation>Both sides to the next event</translation>
    </message>
    <message>
        <source>Playback speed (virtual time per real second)</source>
        <translation>Playback speed (virtual time per real second)</translation>
    </message>
    <message>
        <source>Virtual time, shared by both sides</source>
        <translation>Virtual time, shared by both sides</translation>
    </message>
    <message>
        <source>Both sides are catching up with the main run: %1 of %2 (%3%)</source>
        <translation>Both sides are catching up with the main run: %1 of %2 (%3%)</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::ConnectionDialog</name>
    <message>
        <source>CA certificate</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <source>Write the bootstrap servers first (host:port, for example localhost:9092).</source>
        <translation>Write the bootstrap servers first (host:port, for example localhost:9092).</translation>
    </message>
    <message>
        <source>Testing the connection to %1…</source>
        <translation>Testing the connection to %1…</translation>
    </message>
    <message numerus="yes">
        <source>Reached: %n broker(s), cluster id %1. (Kafka does not report its release version to clients.)</source>
        <translation>
            <numerusform>Reached: %n broker, cluster id %1. (Kafka does not report its release version to clients.)</numerusform>
            <numerusform>Reached: %n brokers, cluster id %1. (Kafka does not report its release version to clients.)</numerusform>
        </translation>
    </message>
    <message>
        <source>Unreachable: no broker accepted a connection at this address (%1).</source>
        <translation>Unreachable: no broker accepted a connection at this address (%1).</translation>
    </message>
    <message>
        <source>No answer: a broker was reached but did not answer in time (%1).</source>
        <translation>No answer: a broker was reached but did not answer in time (%1).</translation>
    </message>
    <message>
        <source>Wrong credentials: the broker refused the user, password or SASL mechanism (%1).</source>
        <translation>Wrong credentials: the broker refused the user, password or SASL mechanism (%1).</translation>
    </message>
    <message>
        <source>TLS failure: the handshake or the certificate check failed (%1).</source>
        <translation>TLS failure: the handshake or the certificate check failed (%1).</translation>
    </message>
    <message>
        <source>Invalid settings: the client refused them (%1).</source>
        <translation>Invalid settings: the client refused them (%1).</translation>
    </message>
    <message>
        <source>Not reached: %1</source>
        <translation>Not reached: %1</translation>
    </message>
    <message>
        <source>The password is kept in the system keychain, never in the settings file.</source>
        <translation>The password is kept in the system keychain, never in the settings file.</translation>
    </message>
    <message>
        <source>No system keychain is available: the password is kept in memory for this session only and is never written to disk.</source>
        <translation>No system keychain is available: the password is kept in memory for this session only and is never written to disk.</translation>
    </message>
    <message>
        <source>Connect to a real cluster</source>
        <translation>Connect to a real cluster</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profile:</translation>
    </message>
    <message>
        <source>Bootstrap servers:</source>
        <translation>Bootstrap servers:</translation>
    </message>
    <message>
        <source>Client id:</source>
        <translation>Client id:</translation>
    </message>
    <message>
        <source>security.protocol:</source>
        <translation>security.protocol:</translation>
    </message>
    <message>
        <source>SASL mechanism:</source>
        <translation>SASL mechanism:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>User:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>CA file:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>host:port[,host:port…]</source>
        <translation>host:port[,host:port…]</translation>
    </message>
    <message numerus="yes">
        <source>Reached: %n broker(s), cluster id %1, Kafka %2 (inferred from the protocol versions the broker supports; Kafka does not report its exact version to clients).</source>
        <translation>
            <numerusform>Reached: %n broker, cluster id %1, Kafka %2 (inferred from the protocol versions the broker supports; Kafka does not report its exact version to clients).</numerusform>
            <numerusform>Reached: %n brokers, cluster id %1, Kafka %2 (inferred from the protocol versions the broker supports; Kafka does not report its exact version to clients).</numerusform>
        </translation>
    </message>
    <message>
        <source>But the broker is Kafka 4.x, which refuses every SCRAM login of the librdkafka %1 of this build, even with the right password (librdkafka bug #4895, fixed in 2.6.1): use the PLAIN mechanism (with SASL_SSL outside the classroom).</source>
        <translation>But the broker is Kafka 4.x, which refuses every SCRAM login of the librdkafka %1 of this build, even with the right password (librdkafka bug #4895, fixed in 2.6.1): use the PLAIN mechanism (with SASL_SSL outside the classroom).</translation>
    </message>
    <message>
        <source>If the broker is Kafka 4.x, it refuses every SCRAM login of the librdkafka %1 of this build, even with the right password (librdkafka bug #4895, fixed in 2.6.1): use the PLAIN mechanism (with SASL_SSL outside the classroom).</source>
        <translation>If the broker is Kafka 4.x, it refuses every SCRAM login of the librdkafka %1 of this build, even with the right password (librdkafka bug #4895, fixed in 2.6.1): use the PLAIN mechanism (with SASL_SSL outside the classroom).</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>Test cancelled.</translation>
    </message>
    <message>
        <source>Cancel the test</source>
        <translation>Cancel the test</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::CreateTopicDialog</name>
    <message>
        <source>Create topic</source>
        <translation>Create topic</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Partitions:</source>
        <translation>Partitions:</translation>
    </message>
    <message>
        <source>Replication factor:</source>
        <translation>Replication factor:</translation>
    </message>
    <message>
        <source>As kafka-topics --create --topic NAME --partitions P --replication-factor R</source>
        <translation>As kafka-topics --create --topic NAME --partitions P --replication-factor R</translation>
    </message>
    <message>
        <source>At most %1 partitions: a Kafka controller writes at most %2 metadata records per operation (one for the topic, one per partition). The replication factor cannot exceed the number of brokers (%3): each replica lives on a different broker.</source>
        <translation>At most %1 partitions: a Kafka controller writes at most %2 metadata records per operation (one for the topic, one per partition). The replication factor cannot exceed the number of brokers (%3): each replica lives on a different broker.</translation>
    </message>
    <message>
        <source>new-topic</source>
        <extracomment>The default name of a new topic: a valid Kafka topic name (ASCII letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;).</extracomment>
        <translation>new-topic</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::GalleryDialog</name>
    <message>
        <source>Scenario gallery</source>
        <translation>Scenario gallery</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>%1 (invalid file)</source>
        <translation>%1 (invalid file)</translation>
    </message>
    <message>
        <source>No scenarios found in %1.</source>
        <translation>No scenarios found in %1.</translation>
    </message>
    <message>
        <source>This file is not valid:</source>
        <translation>This file is not valid:</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::GroupPanel</name>
    <message>
        <source>Group / member</source>
        <translation>Group / member</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message numerus="yes">
        <source>generation %1 · assignor %2 · %3 · leader %4 · %n member(s)</source>
        <translation>
            <numerusform>generation %1 · assignor %2 · %3 · leader %4 · %n member</numerusform>
            <numerusform>generation %1 · assignor %2 · %3 · leader %4 · %n members</numerusform>
        </translation>
    </message>
    <message>
        <source> (leader)</source>
        <translation> (leader)</translation>
    </message>
    <message>
        <source>no partitions</source>
        <translation>no partitions</translation>
    </message>
    <message>
        <source>revoked (stopped): %1</source>
        <translation>revoked (stopped): %1</translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s): %1</source>
        <translation>
            <numerusform>%n partition: %1</numerusform>
            <numerusform>%n partitions: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>generation %1 · %2</source>
        <translation>generation %1 · %2</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::GroupsModel</name>
    <message>
        <source>GROUP</source>
        <translation>GROUP</translation>
    </message>
    <message>
        <source>COORDINATOR (ID)</source>
        <translation>COORDINATOR (ID)</translation>
    </message>
    <message>
        <source>ASSIGNMENT-STRATEGY</source>
        <translation>ASSIGNMENT-STRATEGY</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>STATE</translation>
    </message>
    <message>
        <source>#MEMBERS</source>
        <translation>#MEMBERS</translation>
    </message>
    <message>
        <source>GENERATION</source>
        <translation>GENERATION</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::KeyLanesCanvas</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>No trace loaded.</source>
        <translation>No trace loaded.</translation>
    </message>
    <message>
        <source>Keyed process function: state and timers per key</source>
        <translation>Keyed process function: state and timers per key</translation>
    </message>
    <message>
        <source>Window operator: the windows each key holds and their timers (end − 1 ms)</source>
        <translation>Window operator: the windows each key holds and their timers (end − 1 ms)</translation>
    </message>
    <message>
        <source>checkpoints completed: %1 (last #%2)</source>
        <translation>checkpoints completed: %1 (last #%2)</translation>
    </message>
    <message>
        <source>CRASH: a subtask failed; the job restarts from its last completed checkpoint</source>
        <translation>CRASH: a subtask failed; the job restarts from its last completed checkpoint</translation>
    </message>
    <message>
        <source>restored from checkpoint #%1: the lanes show the checkpoint&apos;s state, then the elements read again</source>
        <translation>restored from checkpoint #%1: the lanes show the checkpoint&apos;s state, then the elements read again</translation>
    </message>
    <message>
        <source>state: (empty)</source>
        <translation>state: (empty)</translation>
    </message>
    <message>
        <source>state: %1</source>
        <translation>state: %1</translation>
    </message>
    <message>
        <source>[%1, %2) fired ×%3</source>
        <translation>[%1, %2) fired ×%3</translation>
    </message>
    <message>
        <source>[%1, %2) open</source>
        <translation>[%1, %2) open</translation>
    </message>
    <message>
        <source>windows: %1</source>
        <translation>windows: %1</translation>
    </message>
    <message>
        <source>pending timers: none</source>
        <translation>pending timers: none</translation>
    </message>
    <message>
        <source>pending timers: %1</source>
        <translation>pending timers: %1</translation>
    </message>
    <message>
        <source>▶ now: %1</source>
        <translation>▶ now: %1</translation>
    </message>
    <message>
        <source>last output (event %1): %2</source>
        <translation>last output (event %1): %2</translation>
    </message>
    <message>
        <source>no output yet</source>
        <translation>no output yet</translation>
    </message>
    <message>
        <source>No key has reached the operator yet.</source>
        <translation>No key has reached the operator yet.</translation>
    </message>
    <message numerus="yes">
        <source>%n element(s)</source>
        <translation>
            <numerusform>%n element</numerusform>
            <numerusform>%n elements</numerusform>
        </translation>
    </message>
    <message>
        <source>processing time %1 (in %2)</source>
        <translation>processing time %1 (in %2)</translation>
    </message>
    <message>
        <source>processing time %1</source>
        <translation>processing time %1</translation>
    </message>
    <message>
        <source>event time %1 (watermark %2 behind)</source>
        <translation>event time %1 (watermark %2 behind)</translation>
    </message>
    <message>
        <source>event time %1</source>
        <translation>event time %1</translation>
    </message>
    <message numerus="yes">
        <source>end of input: %n processing-time timers dropped without firing</source>
        <translation>
            <numerusform>end of input: %n processing-time timer dropped without firing</numerusform>
            <numerusform>end of input: %n processing-time timers dropped without firing</numerusform>
        </translation>
    </message>
    <message>
        <source>timers dropped at the end of input, never fired: processing time %1</source>
        <translation>timers dropped at the end of input, never fired: processing time %1</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::LabPanel</name>
    <message>
        <source>No labs found</source>
        <translation>No labs found</translation>
    </message>
    <message>
        <source>Choose a lab…</source>
        <translation>Choose a lab…</translation>
    </message>
    <message>
        <source>Guided labs</source>
        <translation>Guided labs</translation>
    </message>
    <message>
        <source>beginner</source>
        <translation>beginner</translation>
    </message>
    <message>
        <source>intermediate</source>
        <translation>intermediate</translation>
    </message>
    <message>
        <source>advanced</source>
        <translation>advanced</translation>
    </message>
    <message>
        <source>Level: %1 · about %2 min · %3 steps</source>
        <translation>Level: %1 · about %2 min · %3 steps</translation>
    </message>
    <message>
        <source>%1 of %2 steps</source>
        <translation>%1 of %2 steps</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>In progress: checked after every command</source>
        <translation>In progress: checked after every command</translation>
    </message>
    <message>
        <source>Not reached yet</source>
        <translation>Not reached yet</translation>
    </message>
    <message>
        <source>Click a command to copy it into the terminal.</source>
        <translation>Click a command to copy it into the terminal.</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>Objectives</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Step %1 of %2: %3</translation>
    </message>
    <message>
        <source>Hint %1</source>
        <translation>Hint %1</translation>
    </message>
    <message>
        <source>Why it works</source>
        <translation>Why it works</translation>
    </message>
    <message>
        <source>Lab complete!</source>
        <translation>Lab complete!</translation>
    </message>
    <message>
        <source>Show a hint (%1 of %2)</source>
        <translation>Show a hint (%1 of %2)</translation>
    </message>
    <message>
        <source>No more hints</source>
        <translation>No more hints</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Restart</translation>
    </message>
    <message>
        <source>The saved progress of this lab could not be read: the lab starts over on a fresh cluster.</source>
        <translation>The saved progress of this lab could not be read: the lab starts over on a fresh cluster.</translation>
    </message>
    <message numerus="yes">
        <source>Progress restored: %n command(s) replayed</source>
        <translation>
            <numerusform>Progress restored: %n command replayed</numerusform>
            <numerusform>Progress restored: %n commands replayed</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (cannot be loaded)</source>
        <translation>%1 (cannot be loaded)</translation>
    </message>
    <message>
        <source>Restart the lab</source>
        <translation>Restart the lab</translation>
    </message>
    <message>
        <source>Start “%1” over?</source>
        <translation>Start “%1” over?</translation>
    </message>
    <message>
        <source>Keep my progress</source>
        <translation>Keep my progress</translation>
    </message>
    <message>
        <source>No lab could be loaded.</source>
        <translation>No lab could be loaded.</translation>
    </message>
    <message>
        <source>No lab open yet.</source>
        <translation>No lab open yet.</translation>
    </message>
    <message>
        <source>Not checked: another scenario replaced the lab&apos;s cluster</source>
        <translation>Not checked: another scenario replaced the lab&apos;s cluster</translation>
    </message>
    <message>
        <source>The steps are not being checked.</source>
        <translation>The steps are not being checked.</translation>
    </message>
    <message>
        <source>Click “Resume the lab” above to get the lab&apos;s cluster back.</source>
        <translation>Click “Resume the lab” above to get the lab&apos;s cluster back.</translation>
    </message>
    <message>
        <source>Every step passed. Choose the next lab in the list above, or “Restart” to do this one again.</source>
        <translation>Every step passed. Choose the next lab in the list above, or “Restart” to do this one again.</translation>
    </message>
    <message>
        <source>A guided lab is a short exercise in steps: you type commands in the terminal (the real Kafka tools, or fluxolab-cli replay in the stream labs) and each step is checked as you go, against the simulated cluster or what the command printed.</source>
        <translation>A guided lab is a short exercise in steps: you type commands in the terminal (the real Kafka tools, or fluxolab-cli replay in the stream labs) and each step is checked as you go, against the simulated cluster or what the command printed.</translation>
    </message>
    <message>
        <source>Choose a lab in the list above (they are in the course&apos;s order) or below.</source>
        <translation>Choose a lab in the list above (they are in the course&apos;s order) or below.</translation>
    </message>
    <message>
        <source>The lab gets its own fresh cluster (1 broker at localhost:9092, as the course&apos;s install): it replaces the scenario that is open.</source>
        <translation>The lab gets its own fresh cluster (1 broker at localhost:9092, as the course&apos;s install): it replaces the scenario that is open.</translation>
    </message>
    <message>
        <source>Click a command in the instructions to copy it into the terminal, then press Enter.</source>
        <translation>Click a command in the instructions to copy it into the terminal, then press Enter.</translation>
    </message>
    <message>
        <source>Your progress is saved: the lab continues where you left it, even after closing FluxoLab.</source>
        <translation>Your progress is saved: the lab continues where you left it, even after closing FluxoLab.</translation>
    </message>
    <message>
        <source>Labs</source>
        <translation>Labs</translation>
    </message>
    <message>
        <source>%1 · about %2 min · %3 steps</source>
        <translation>%1 · about %2 min · %3 steps</translation>
    </message>
    <message>
        <source>No lab was found in the folder %1. FluxoLab reads the *.json files of that folder (another folder can be chosen with the environment variable FLUXOLAB_LABS_DIR).</source>
        <translation>No lab was found in the folder %1. FluxoLab reads the *.json files of that folder (another folder can be chosen with the environment variable FLUXOLAB_LABS_DIR).</translation>
    </message>
    <message>
        <source>Lab files that could not be loaded</source>
        <translation>Lab files that could not be loaded</translation>
    </message>
    <message>
        <source>These files are left out until they are fixed (docs/labs.md describes the format):</source>
        <translation>These files are left out until they are fixed (docs/labs.md describes the format):</translation>
    </message>
    <message>
        <source>Resume the lab</source>
        <translation>Resume the lab</translation>
    </message>
    <message>
        <source>Give the lab its cluster back: your commands are replayed and the steps checked again</source>
        <translation>Give the lab its cluster back: your commands are replayed and the steps checked again</translation>
    </message>
    <message>
        <source>Another scenario replaced this lab&apos;s cluster, so its steps are no longer checked. Your progress is kept.</source>
        <translation>Another scenario replaced this lab&apos;s cluster, so its steps are no longer checked. Your progress is kept.</translation>
    </message>
    <message>
        <source>Start the lab over on a fresh cluster (1 broker, localhost:9092); asks first</source>
        <translation>Start the lab over on a fresh cluster (1 broker, localhost:9092); asks first</translation>
    </message>
    <message>
        <source>The steps you passed, the hints shown and the commands you typed in this lab are forgotten, and the lab gets a fresh cluster (1 broker, %1). This cannot be undone.</source>
        <translation>The steps you passed, the hints shown and the commands you typed in this lab are forgotten, and the lab gets a fresh cluster (1 broker, %1). This cannot be undone.</translation>
    </message>
    <message>
        <source>This lab runs on the real cluster %1: its setup and its checks act on that cluster, and the commands shown name it. A real cluster is not reset: what an earlier attempt created stays there.</source>
        <translation>This lab runs on the real cluster %1: its setup and its checks act on that cluster, and the commands shown name it. A real cluster is not reset: what an earlier attempt created stays there.</translation>
    </message>
    <message>
        <source>Restoring the lab: replaying your saved commands…</source>
        <translation>Restoring the lab: replaying your saved commands…</translation>
    </message>
    <message>
        <source>Stop here</source>
        <translation>Stop here</translation>
    </message>
    <message>
        <source>Restoring the lab</source>
        <translation>Restoring the lab</translation>
    </message>
    <message numerus="yes">
        <source>Restoring stopped: %n command(s) replayed; the rest of the saved session is not restored.</source>
        <translation>
            <numerusform>Restoring stopped: %n command replayed; the rest of the saved session is not restored.</numerusform>
            <numerusform>Restoring stopped: %n commands replayed; the rest of the saved session is not restored.</numerusform>
        </translation>
    </message>
    <message>
        <source>Folded while you type in the terminal: click to show the step</source>
        <translation>Folded while you type in the terminal: click to show the step</translation>
    </message>
    <message>
        <source>Show the step</source>
        <translation>Show the step</translation>
    </message>
    <message>
        <source>Unfold the lab panel: the step&apos;s instructions, the list of steps and the hints</source>
        <translation>Unfold the lab panel: the step&apos;s instructions, the list of steps and the hints</translation>
    </message>
    <message>
        <source>Not yet: %1</source>
        <translation>Not yet: %1</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::MainWindow</name>
    <message>
        <source>About FluxoLab</source>
        <translation>About FluxoLab</translation>
    </message>
    <message>
        <source>&lt;b&gt;FluxoLab&lt;/b&gt;&lt;br&gt;A teaching lab that animates a deterministic simulation of Apache Kafka: partitions, replicas, offsets and consumer-group rebalances.&lt;br&gt;Every picture comes from the simulation&apos;s state and journal.</source>
        <translation>&lt;b&gt;FluxoLab&lt;/b&gt;&lt;br&gt;A teaching lab that animates a deterministic simulation of Apache Kafka: partitions, replicas, offsets and consumer-group rebalances.&lt;br&gt;Every picture comes from the simulation&apos;s state and journal.</translation>
    </message>
    <message>
        <source>Broker %1</source>
        <translation>Broker %1</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Simulation</source>
        <translation>&amp;Simulation</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Stop broker</source>
        <translation>Stop broker</translation>
    </message>
    <message>
        <source>Crash broker</source>
        <translation>Crash broker</translation>
    </message>
    <message>
        <source>Start broker</source>
        <translation>Start broker</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>Scenario &amp;gallery…</source>
        <translation>Scenario &amp;gallery…</translation>
    </message>
    <message>
        <source>Choose one of the bundled scenarios</source>
        <translation>Choose one of the bundled scenarios</translation>
    </message>
    <message>
        <source>&amp;Open scenario…</source>
        <translation>&amp;Open scenario…</translation>
    </message>
    <message>
        <source>Open a scenario JSON file</source>
        <translation>Open a scenario JSON file</translation>
    </message>
    <message>
        <source>&amp;Save scenario as…</source>
        <translation>&amp;Save scenario as…</translation>
    </message>
    <message>
        <source>Save the scenario, including the actions you made and the terminal&apos;s commands, as JSON</source>
        <translation>Save the scenario, including the actions you made and the terminal&apos;s commands, as JSON</translation>
    </message>
    <message>
        <source>Export view as &amp;PNG…</source>
        <translation>Export view as &amp;PNG…</translation>
    </message>
    <message>
        <source>Save the current view as an image (for slides)</source>
        <translation>Save the current view as an image (for slides)</translation>
    </message>
    <message>
        <source>Export view as S&amp;VG…</source>
        <translation>Export view as S&amp;VG…</translation>
    </message>
    <message>
        <source>Save the current view as a vector drawing</source>
        <translation>Save the current view as a vector drawing</translation>
    </message>
    <message>
        <source>Export plot data as &amp;CSV…</source>
        <translation>Export plot data as &amp;CSV…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Step &amp;back</source>
        <translation>Step &amp;back</translation>
    </message>
    <message>
        <source>Previous journal event (←)</source>
        <translation>Previous journal event (←)</translation>
    </message>
    <message>
        <source>Step &amp;forward</source>
        <translation>Step &amp;forward</translation>
    </message>
    <message>
        <source>Next journal event (→)</source>
        <translation>Next journal event (→)</translation>
    </message>
    <message>
        <source>Go to &amp;now</source>
        <translation>Go to &amp;now</translation>
    </message>
    <message>
        <source>Back to the newest state</source>
        <translation>Back to the newest state</translation>
    </message>
    <message>
        <source>Add &amp;consumer…</source>
        <translation>Add &amp;consumer…</translation>
    </message>
    <message>
        <source>Start a new consumer in a group: watch the rebalance</source>
        <translation>Start a new consumer in a group: watch the rebalance</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>&amp;Presentation mode</translation>
    </message>
    <message>
        <source>Leave presentation mode</source>
        <translation>Leave presentation mode</translation>
    </message>
    <message>
        <source>&amp;Cluster</source>
        <translation>&amp;Cluster</translation>
    </message>
    <message>
        <source>&amp;Groups</source>
        <translation>&amp;Groups</translation>
    </message>
    <message>
        <source>&amp;Tables</source>
        <translation>&amp;Tables</translation>
    </message>
    <message>
        <source>P&amp;lots</source>
        <translation>P&amp;lots</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Consumer groups</source>
        <translation>Consumer groups</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tables</translation>
    </message>
    <message>
        <source>Plots</source>
        <translation>Plots</translation>
    </message>
    <message>
        <source>Topics (kafka-topics --describe)</source>
        <translation>Topics (kafka-topics --describe)</translation>
    </message>
    <message>
        <source>Partitions (kafka-topics --describe, with offsets)</source>
        <translation>Partitions (kafka-topics --describe, with offsets)</translation>
    </message>
    <message>
        <source>Groups (kafka-consumer-groups --describe --state, and the generation it does not print)</source>
        <translation>Groups (kafka-consumer-groups --describe --state, and the generation it does not print)</translation>
    </message>
    <message>
        <source>Offsets and lag (kafka-consumer-groups --describe)</source>
        <translation>Offsets and lag (kafka-consumer-groups --describe)</translation>
    </message>
    <message>
        <source>Could not open the scenario</source>
        <translation>Could not open the scenario</translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>Open scenario</translation>
    </message>
    <message>
        <source>Scenarios (*.json)</source>
        <translation>Scenarios (*.json)</translation>
    </message>
    <message>
        <source>Save scenario</source>
        <translation>Save scenario</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Could not write %1.</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG drawings (*.svg)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Co&amp;mpare assignors…</source>
        <translation>Co&amp;mpare assignors…</translation>
    </message>
    <message>
        <source>The same scenario and seed under two assignors, side by side</source>
        <translation>The same scenario and seed under two assignors, side by side</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Labs</source>
        <translation>Labs</translation>
    </message>
    <message>
        <source>&amp;Terminal (Kafka CLI)</source>
        <translation>&amp;Terminal (Kafka CLI)</translation>
    </message>
    <message>
        <source>La&amp;bs</source>
        <translation>La&amp;bs</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>Gallery</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>PNG</source>
        <translation>PNG</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Consumer +</source>
        <translation>Consumer +</translation>
    </message>
    <message>
        <source>Kafka CLI terminal (Ctrl+T)</source>
        <translation>Kafka CLI terminal (Ctrl+T)</translation>
    </message>
    <message>
        <source>Guided labs (Ctrl+Shift+L)</source>
        <translation>Guided labs (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>Open &amp;trace…</source>
        <translation>Open &amp;trace…</translation>
    </message>
    <message>
        <source>Read a CSV or JSON Lines trace of events into the stream view</source>
        <translation>Read a CSV or JSON Lines trace of events into the stream view</translation>
    </message>
    <message>
        <source>Save the data behind the plots (in the stream view: the window firings)</source>
        <translation>Save the data behind the plots (in the stream view: the window firings)</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Stream</translation>
    </message>
    <message>
        <source>&amp;Stream (event time)</source>
        <translation>&amp;Stream (event time)</translation>
    </message>
    <message>
        <source>Send trace to a topic</source>
        <translation>Send trace to a topic</translation>
    </message>
    <message>
        <source>The cluster has no topic yet: create one first (for example with kafka-topics --create in the terminal).</source>
        <translation>The cluster has no topic yet: create one first (for example with kafka-topics --create in the terminal).</translation>
    </message>
    <message>
        <source>Sending %1 into topic %2: play the simulation; the stream view reads the topic.</source>
        <translation>Sending %1 into topic %2: play the simulation; the stream view reads the topic.</translation>
    </message>
    <message>
        <source>Send trace to a top&amp;ic…</source>
        <translation>Send trace to a top&amp;ic…</translation>
    </message>
    <message>
        <source>Produce a trace&apos;s events into a topic of the simulation at their arrival times; the stream view reads the topic</source>
        <translation>Produce a trace&apos;s events into a topic of the simulation at their arrival times; the stream view reads the topic</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <source>Open, save, build (topics, producers, consumers) or export the scenario</source>
        <translation>Open, save, build (topics, producers, consumers) or export the scenario</translation>
    </message>
    <message>
        <source>Large fonts, thick lines, high contrast; only the toolbar stays (F11)</source>
        <translation>Large fonts, thick lines, high contrast; only the toolbar stays (F11)</translation>
    </message>
    <message>
        <source>The demo reached the end planned by its scenario (%1); the simulation goes on until you pause it.</source>
        <translation>The demo reached the end planned by its scenario (%1); the simulation goes on until you pause it.</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::OffsetsModel</name>
    <message>
        <source>GROUP</source>
        <translation>GROUP</translation>
    </message>
    <message>
        <source>TOPIC</source>
        <translation>TOPIC</translation>
    </message>
    <message>
        <source>PARTITION</source>
        <translation>PARTITION</translation>
    </message>
    <message>
        <source>CURRENT-OFFSET</source>
        <translation>CURRENT-OFFSET</translation>
    </message>
    <message>
        <source>LOG-END-OFFSET</source>
        <translation>LOG-END-OFFSET</translation>
    </message>
    <message>
        <source>LAG</source>
        <translation>LAG</translation>
    </message>
    <message>
        <source>CONSUMER-ID</source>
        <translation>CONSUMER-ID</translation>
    </message>
    <message>
        <source>HOST</source>
        <translation>HOST</translation>
    </message>
    <message>
        <source>CLIENT-ID</source>
        <translation>CLIENT-ID</translation>
    </message>
    <message>
        <source>LOG-END-OFFSET here is the high watermark (what ListOffsets(latest) returns), not the LEO.</source>
        <translation>LOG-END-OFFSET here is the high watermark (what ListOffsets(latest) returns), not the LEO.</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::PartitionsModel</name>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>Partition</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>Leader</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>Replicas</translation>
    </message>
    <message>
        <source>Isr</source>
        <translation>Isr</translation>
    </message>
    <message>
        <source>Log start</source>
        <translation>Log start</translation>
    </message>
    <message>
        <source>HW</source>
        <translation>HW</translation>
    </message>
    <message>
        <source>LEO</source>
        <translation>LEO</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::PipelineCanvas</name>
    <message>
        <source>Partitions (splits)</source>
        <translation>Partitions (splits)</translation>
    </message>
    <message>
        <source>Source + watermarks ×%1</source>
        <translation>Source + watermarks ×%1</translation>
    </message>
    <message>
        <source>keyBy</source>
        <translation>keyBy</translation>
    </message>
    <message>
        <source>Window %1 ×%2</source>
        <translation>Window %1 ×%2</translation>
    </message>
    <message>
        <source>Sink</source>
        <translation>Sink</translation>
    </message>
    <message>
        <source>P%1 · idle · wm %2</source>
        <translation>P%1 · idle · wm %2</translation>
    </message>
    <message>
        <source>P%1 · wm %2</source>
        <translation>P%1 · wm %2</translation>
    </message>
    <message>
        <source>Source %1/%2</source>
        <translation>Source %1/%2</translation>
    </message>
    <message>
        <source>wm %1</source>
        <translation>wm %1</translation>
    </message>
    <message>
        <source>Window %1/%2 · wm %3</source>
        <translation>Window %1/%2 · wm %3</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>idle</translation>
    </message>
    <message>
        <source>Late side output</source>
        <translation>Late side output</translation>
    </message>
    <message>
        <source>Late: dropped</source>
        <translation>Late: dropped</translation>
    </message>
    <message>
        <source>P%1 idle %2</source>
        <translation>P%1 idle %2</translation>
    </message>
    <message>
        <source>last: %1</source>
        <translation>last: %1</translation>
    </message>
    <message>
        <source>Keyed process %1 ×%2</source>
        <translation>Keyed process %1 ×%2</translation>
    </message>
    <message>
        <source>Process %1/%2 · wm %3</source>
        <translation>Process %1/%2 · wm %3</translation>
    </message>
    <message numerus="yes">
        <source>P%1 · %n read</source>
        <translation>
            <numerusform>P%1 · %n read</numerusform>
            <numerusform>P%1 · %n read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>P%1 · idle · %n read</source>
        <translation>
            <numerusform>P%1 · idle · %n read</numerusform>
            <numerusform>P%1 · idle · %n read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>idle · %n read</source>
        <translation>
            <numerusform>idle · %n read</numerusform>
            <numerusform>idle · %n read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n read</source>
        <translation>
            <numerusform>%n read</numerusform>
            <numerusform>%n read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n records</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n timers pending</source>
        <translation>
            <numerusform>%n timer pending</numerusform>
            <numerusform>%n timers pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open windows</source>
        <translation>
            <numerusform>%n open window</numerusform>
            <numerusform>%n open windows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rec.</source>
        <translation>
            <numerusform>%n rec.</numerusform>
            <numerusform>%n rec.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n timers</source>
        <translation>
            <numerusform>%n timer</numerusform>
            <numerusform>%n timers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open</source>
        <translation>
            <numerusform>%n open</numerusform>
            <numerusform>%n open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sink · %n outputs</source>
        <translation>
            <numerusform>Sink · %n output</numerusform>
            <numerusform>Sink · %n outputs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sink · %n results</source>
        <translation>
            <numerusform>Sink · %n result</numerusform>
            <numerusform>Sink · %n results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n late elements</source>
        <translation>
            <numerusform>%n late element</numerusform>
            <numerusform>%n late elements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n timers dropped</source>
        <translation>
            <numerusform>%n timer dropped</numerusform>
            <numerusform>%n timers dropped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dropped</source>
        <translation>
            <numerusform>%n dropped</numerusform>
            <numerusform>%n dropped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fluxolab::app::PlotsView</name>
    <message>
        <source>Consumer lag (HW − committed offset)</source>
        <translation>Consumer lag (HW − committed offset)</translation>
    </message>
    <message>
        <source>Produce and consume rate</source>
        <translation>Produce and consume rate</translation>
    </message>
    <message>
        <source>High watermark vs LEO (sum over partitions)</source>
        <translation>High watermark vs LEO (sum over partitions)</translation>
    </message>
    <message>
        <source>virtual time (s)</source>
        <translation>virtual time (s)</translation>
    </message>
    <message>
        <source>records</source>
        <translation>records</translation>
    </message>
    <message>
        <source>records/s</source>
        <translation>records/s</translation>
    </message>
    <message>
        <source>offset</source>
        <translation>offset</translation>
    </message>
    <message>
        <source>group %1 (total)</source>
        <translation>group %1 (total)</translation>
    </message>
    <message>
        <source>%1 · %2-%3</source>
        <translation>%1 · %2-%3</translation>
    </message>
    <message>
        <source>produced</source>
        <translation>produced</translation>
    </message>
    <message>
        <source>consumed</source>
        <translation>consumed</translation>
    </message>
    <message>
        <source>LEO</source>
        <translation>LEO</translation>
    </message>
    <message>
        <source>HW</source>
        <translation>HW</translation>
    </message>
    <message>
        <source>No consumer group: there is no lag to plot</source>
        <translation>No consumer group: there is no lag to plot</translation>
    </message>
    <message>
        <source>time since connecting (s)</source>
        <translation>time since connecting (s)</translation>
    </message>
    <message>
        <source>High watermark (sum over partitions); the LEO is not visible on a real cluster</source>
        <translation>High watermark (sum over partitions); the LEO is not visible on a real cluster</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::ProcTimeCanvas</name>
    <message>
        <source>No trace loaded.</source>
        <translation>No trace loaded.</translation>
    </message>
    <message>
        <source>Processing-time windows (%1) on the same input: a window holds what arrived during it</source>
        <translation>Processing-time windows (%1) on the same input: a window holds what arrived during it</translation>
    </message>
    <message>
        <source>arrival order (event number) →</source>
        <translation>arrival order (event number) →</translation>
    </message>
    <message>
        <source>keys shown without “%1”</source>
        <translation>keys shown without “%1”</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::RealModeController</name>
    <message>
        <source>Real cluster %1: connected, refreshed at %2</source>
        <translation>Real cluster %1: connected, refreshed at %2</translation>
    </message>
    <message>
        <source>Real cluster %1: connecting…</source>
        <translation>Real cluster %1: connecting…</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>unreachable</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>no answer in time</translation>
    </message>
    <message>
        <source>wrong credentials</source>
        <translation>wrong credentials</translation>
    </message>
    <message>
        <source>TLS failure</source>
        <translation>TLS failure</translation>
    </message>
    <message>
        <source>invalid settings</source>
        <translation>invalid settings</translation>
    </message>
    <message>
        <source>client error</source>
        <translation>client error</translation>
    </message>
    <message>
        <source>C&amp;luster</source>
        <translation>C&amp;luster</translation>
    </message>
    <message>
        <source>Simulated</source>
        <translation>Simulated</translation>
    </message>
    <message>
        <source>Show the simulation</source>
        <translation>Show the simulation</translation>
    </message>
    <message>
        <source>Real cluster</source>
        <translation>Real cluster</translation>
    </message>
    <message>
        <source>Show a real Kafka cluster (connects through librdkafka)</source>
        <translation>Show a real Kafka cluster (connects through librdkafka)</translation>
    </message>
    <message>
        <source>Connect to a real cluster…</source>
        <translation>Connect to a real cluster…</translation>
    </message>
    <message>
        <source>No connection to the broker %1 (%2) for %3 s: trying again</source>
        <translation>No connection to the broker %1 (%2) for %3 s: trying again</translation>
    </message>
    <message>
        <source>Compare with the real cluster…</source>
        <translation>Compare with the real cluster…</translation>
    </message>
    <message>
        <source>Run a terminal script on the simulation and on the connected cluster and show the two outputs side by side</source>
        <translation>Run a terminal script on the simulation and on the connected cluster and show the two outputs side by side</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::RealTimeline</name>
    <message>
        <source>%1  rebalance of %2</source>
        <translation>%1  rebalance of %2</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::RealView</name>
    <message>
        <source>committed %1</source>
        <translation>committed %1</translation>
    </message>
    <message>
        <source>lag %1</source>
        <translation>lag %1</translation>
    </message>
    <message>
        <source>state changed to rebalancing</source>
        <translation>state changed to rebalancing</translation>
    </message>
    <message>
        <source>members joined or left</source>
        <translation>members joined or left</translation>
    </message>
    <message>
        <source>assignment changed</source>
        <translation>assignment changed</translation>
    </message>
    <message>
        <source>%1  rebalance of %2: %3</source>
        <translation>%1  rebalance of %2: %3</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tables</translation>
    </message>
    <message>
        <source>Consumer groups</source>
        <translation>Consumer groups</translation>
    </message>
    <message>
        <source>Lag over time</source>
        <translation>Lag over time</translation>
    </message>
    <message>
        <source>Not visible on a real cluster</source>
        <translation>Not visible on a real cluster</translation>
    </message>
    <message>
        <source>Topics (kafka-topics --describe)</source>
        <translation>Topics (kafka-topics --describe)</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>Partitions</translation>
    </message>
    <message>
        <source>Groups (kafka-consumer-groups --describe --state)</source>
        <translation>Groups (kafka-consumer-groups --describe --state)</translation>
    </message>
    <message>
        <source>Offsets and lag (kafka-consumer-groups --describe)</source>
        <translation>Offsets and lag (kafka-consumer-groups --describe)</translation>
    </message>
    <message>
        <source>Group / member / partition</source>
        <translation>Group / member / partition</translation>
    </message>
    <message>
        <source>State / host / offset</source>
        <translation>State / host / offset</translation>
    </message>
    <message>
        <source>Assignor / assignment / lag</source>
        <translation>Assignor / assignment / lag</translation>
    </message>
    <message>
        <source>Coordinator / member id</source>
        <translation>Coordinator / member id</translation>
    </message>
    <message>
        <source>Real cluster %1: waiting for the first answer…</source>
        <translation>Real cluster %1: waiting for the first answer…</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>generation %1 stored by the coordinator</source>
        <translation>generation %1 stored by the coordinator</translation>
    </message>
    <message>
        <source>&lt;p&gt;A real cluster&apos;s Admin API shows topics, partitions, leaders, replicas, ISR, high watermarks, groups, members, assignments and committed offsets. This is refreshed every second.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Not visible on a real cluster&lt;/b&gt;, so not shown here:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;the animation of each record (produce, replication, fetch) and the records in flight;&lt;/li&gt;&lt;li&gt;each replica&apos;s log end offset (only the leader&apos;s high watermark and the ISR);&lt;/li&gt;&lt;li&gt;the inside of a rebalance (join and sync phases, revocations): a rebalance is seen when the group&apos;s coordinator stores a new generation in __consumer_offsets (where that topic cannot be read, when one refresh shows a change against the previous one);&lt;/li&gt;&lt;li&gt;the clients&apos; own state (positions, pauses, retries);&lt;/li&gt;&lt;li&gt;which controller is active (the KRaft quorum is not in the metadata clients get);&lt;/li&gt;&lt;li&gt;going back in time: a real cluster has no journal.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;The terminal and the open lab act on this real cluster.&lt;/p&gt;</source>
        <translation>&lt;p&gt;A real cluster&apos;s Admin API shows topics, partitions, leaders, replicas, ISR, high watermarks, groups, members, assignments and committed offsets. This is refreshed every second.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Not visible on a real cluster&lt;/b&gt;, so not shown here:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;the animation of each record (produce, replication, fetch) and the records in flight;&lt;/li&gt;&lt;li&gt;each replica&apos;s log end offset (only the leader&apos;s high watermark and the ISR);&lt;/li&gt;&lt;li&gt;the inside of a rebalance (join and sync phases, revocations): a rebalance is seen when the group&apos;s coordinator stores a new generation in __consumer_offsets (where that topic cannot be read, when one refresh shows a change against the previous one);&lt;/li&gt;&lt;li&gt;the clients&apos; own state (positions, pauses, retries);&lt;/li&gt;&lt;li&gt;which controller is active (the KRaft quorum is not in the metadata clients get);&lt;/li&gt;&lt;li&gt;going back in time: a real cluster has no journal.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;The terminal and the open lab act on this real cluster.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Real cluster %1: %2, %3, %4; last answer at %5.</source>
        <translation>Real cluster %1: %2, %3, %4; last answer at %5.</translation>
    </message>
    <message numerus="yes">
        <source>%n broker(s)</source>
        <translation>
            <numerusform>%n broker</numerusform>
            <numerusform>%n brokers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n topic(s)</source>
        <translation>
            <numerusform>%n topic</numerusform>
            <numerusform>%n topics</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n group</numerusform>
            <numerusform>%n groups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fluxolab::app::ScenarioBuilder</name>
    <message>
        <source>&amp;New scenario</source>
        <translation>&amp;New scenario</translation>
    </message>
    <message>
        <source>Start an empty cluster (3 brokers) and build a scenario from the toolbar</source>
        <translation>Start an empty cluster (3 brokers) and build a scenario from the toolbar</translation>
    </message>
    <message>
        <source>Create &amp;topic…</source>
        <translation>Create &amp;topic…</translation>
    </message>
    <message>
        <source>kafka-topics --create: name, partitions, replication factor</source>
        <translation>kafka-topics --create: name, partitions, replication factor</translation>
    </message>
    <message>
        <source>Add p&amp;roducer…</source>
        <translation>Add p&amp;roducer…</translation>
    </message>
    <message>
        <source>A producer sending keyed records to a topic</source>
        <translation>A producer sending keyed records to a topic</translation>
    </message>
    <message>
        <source>&amp;Remove consumer…</source>
        <translation>&amp;Remove consumer…</translation>
    </message>
    <message>
        <source>Close a consumer (it leaves its group: watch the rebalance)</source>
        <translation>Close a consumer (it leaves its group: watch the rebalance)</translation>
    </message>
    <message>
        <source>Remove consumer</source>
        <translation>Remove consumer</translation>
    </message>
    <message>
        <source>Consumer to close:</source>
        <translation>Consumer to close:</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::SimulationController</name>
    <message>
        <source>Scenario not found: &quot;%1&quot;. Use a gallery name or the path of a .json file.</source>
        <translation>Scenario not found: &quot;%1&quot;. Use a gallery name or the path of a .json file.</translation>
    </message>
    <message>
        <source>The scenario file %1 is not valid:
%2</source>
        <translation>The scenario file %1 is not valid:
%2</translation>
    </message>
    <message>
        <source>Kafka refused to create the topic: %1 (%2)</source>
        <translation>Kafka refused to create the topic: %1 (%2)</translation>
    </message>
    <message>
        <source>No scenario is loaded.</source>
        <translation>No scenario is loaded.</translation>
    </message>
    <message>
        <source>Could not send the trace to the topic: %1</source>
        <translation>Could not send the trace to the topic: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a folder, not a scenario file. Use a gallery name or the path of a .json file.</source>
        <translation>&quot;%1&quot; is a folder, not a scenario file. Use a gallery name or the path of a .json file.</translation>
    </message>
    <message>
        <source>The trace sent to the topic: %1</source>
        <translation>The trace sent to the topic: %1</translation>
    </message>
    <message>
        <source>The scenario&apos;s streams: %1</source>
        <translation>The scenario&apos;s streams: %1</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::StreamCanvas</name>
    <message>
        <source>processing time → arrival order (number · arrival time)</source>
        <translation>processing time → arrival order (number · arrival time)</translation>
    </message>
    <message>
        <source>processing time → arrival order (no arrival column)</source>
        <translation>processing time → arrival order (no arrival column)</translation>
    </message>
    <message numerus="yes">
        <source>%n results</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n results: %1</source>
        <translation>
            <numerusform>%n result: %1</numerusform>
            <numerusform>%n results: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n results: %1–%2</source>
        <translation>
            <numerusform>%n result: %1–%2</numerusform>
            <numerusform>%n results: %1–%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%n fired window(s) without a label</source>
        <translation>
            <numerusform>+%n fired window without a label</numerusform>
            <numerusform>+%n fired windows without a label</numerusform>
        </translation>
    </message>
    <message>
        <source>Late side output</source>
        <translation>Late side output</translation>
    </message>
    <message>
        <source>No trace loaded.
File ▸ Open trace… reads a CSV or JSON Lines file of events and runs it through the stream engine (event time, watermarks, windows).</source>
        <translation>No trace loaded.
File ▸ Open trace… reads a CSV or JSON Lines file of events and runs it through the stream engine (event time, watermarks, windows).</translation>
    </message>
    <message>
        <source>event (at its arrival)</source>
        <translation>event (at its arrival)</translation>
    </message>
    <message>
        <source>Late (dropped)</source>
        <translation>Late (dropped)</translation>
    </message>
    <message>
        <source>late event (dropped)</source>
        <translation>late event (dropped)</translation>
    </message>
    <message>
        <source>late event (side output)</source>
        <translation>late event (side output)</translation>
    </message>
    <message>
        <source>operator watermark</source>
        <translation>operator watermark</translation>
    </message>
    <message>
        <source>open window</source>
        <translation>open window</translation>
    </message>
    <message>
        <source>fired window (result)</source>
        <translation>fired window (result)</translation>
    </message>
    <message>
        <source>idle partition</source>
        <translation>idle partition</translation>
    </message>
    <message>
        <source>processing time → (events in arrival order: number and arrival time)</source>
        <translation>processing time → (events in arrival order: number and arrival time)</translation>
    </message>
    <message>
        <source>processing time → (events in arrival order; the trace has no arrival column)</source>
        <translation>processing time → (events in arrival order; the trace has no arrival column)</translation>
    </message>
    <message>
        <source>↑ event time</source>
        <translation>↑ event time</translation>
    </message>
    <message numerus="yes">
        <source>%n late</source>
        <translation>
            <numerusform>%n late</numerusform>
            <numerusform>%n late</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dropped</source>
        <translation>
            <numerusform>%n dropped</numerusform>
            <numerusform>%n dropped</numerusform>
        </translation>
    </message>
    <message>
        <source>partition %1</source>
        <translation>partition %1</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>idle</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>operator</translation>
    </message>
    <message>
        <source>partitions 0–%1</source>
        <translation>partitions 0–%1</translation>
    </message>
    <message>
        <source>all idle</source>
        <translation>all idle</translation>
    </message>
    <message>
        <source>P%1 %2</source>
        <translation>P%1 %2</translation>
    </message>
    <message>
        <source>CP %1</source>
        <translation>CP %1</translation>
    </message>
    <message>
        <source>✖ crash</source>
        <translation>✖ crash</translation>
    </message>
    <message>
        <source>↺ restore #%1</source>
        <translation>↺ restore #%1</translation>
    </message>
    <message>
        <source>↺ restart</source>
        <translation>↺ restart</translation>
    </message>
    <message numerus="yes">
        <source>%n timers dropped</source>
        <translation>
            <numerusform>%n timer dropped</numerusform>
            <numerusform>%n timers dropped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n windows fired at one watermark · %1</source>
        <translation>
            <numerusform>%n window fired at one watermark · %1</numerusform>
            <numerusform>%n windows fired at one watermark · %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n windows · %1</source>
        <translation>
            <numerusform>%n window · %1</numerusform>
            <numerusform>%n windows · %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fluxolab::app::StreamView</name>
    <message>
        <source>a control character inside a JSON string</source>
        <translation>a control character inside a JSON string</translation>
    </message>
    <message>
        <source>a JSON string that never ends (a line cut short?)</source>
        <translation>a JSON string that never ends (a line cut short?)</translation>
    </message>
    <message>
        <source>a bad \u escape in a JSON string</source>
        <translation>a bad \u escape in a JSON string</translation>
    </message>
    <message>
        <source>a JSON object or array that never ends (a line cut short?)</source>
        <translation>a JSON object or array that never ends (a line cut short?)</translation>
    </message>
    <message>
        <source>not a JSON object (a JSON Lines trace has one {...} per line)</source>
        <translation>not a JSON object (a JSON Lines trace has one {...} per line)</translation>
    </message>
    <message>
        <source>the JSON object is cut short</source>
        <translation>the JSON object is cut short</translation>
    </message>
    <message>
        <source>the JSON object is cut short (no closing &apos;}&apos;)</source>
        <translation>the JSON object is cut short (no closing &apos;}&apos;)</translation>
    </message>
    <message>
        <source>a field name in quotes was expected</source>
        <translation>a field name in quotes was expected</translation>
    </message>
    <message>
        <source>&apos;:&apos; was expected after a field name</source>
        <translation>&apos;:&apos; was expected after a field name</translation>
    </message>
    <message>
        <source>&apos;,&apos; or &apos;}&apos; was expected</source>
        <translation>&apos;,&apos; or &apos;}&apos; was expected</translation>
    </message>
    <message>
        <source>text after the JSON object</source>
        <translation>text after the JSON object</translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; is an object or a list, not a value</source>
        <translation>the field &quot;%1&quot; is an object or a list, not a value</translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; has no value</source>
        <translation>the field &quot;%1&quot; has no value</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>the file does not exist</translation>
    </message>
    <message>
        <source>it is a folder, not a trace file</source>
        <translation>it is a folder, not a trace file</translation>
    </message>
    <message>
        <source>the file cannot be read (permissions?)</source>
        <translation>the file cannot be read (permissions?)</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>the file is empty</translation>
    </message>
    <message>
        <source>it contains NUL bytes: this looks like a binary file, not a CSV or JSON Lines trace</source>
        <translation>it contains NUL bytes: this looks like a binary file, not a CSV or JSON Lines trace</translation>
    </message>
    <message>
        <source>the header has no column &quot;%1&quot; (columns: %2); choose the field in the trace options</source>
        <translation>the header has no column &quot;%1&quot; (columns: %2); choose the field in the trace options</translation>
    </message>
    <message>
        <source>%1 fields where the header has %2</source>
        <translation>%1 fields where the header has %2</translation>
    </message>
    <message>
        <source>the time %1 is not in epoch seconds</source>
        <translation>the time %1 is not in epoch seconds</translation>
    </message>
    <message>
        <source>the time %1 is not in epoch milliseconds</source>
        <translation>the time %1 is not in epoch milliseconds</translation>
    </message>
    <message>
        <source>cannot read the date of %1 (expected %2)</source>
        <translation>cannot read the date of %1 (expected %2)</translation>
    </message>
    <message>
        <source>the value %1 of the field &quot;%2&quot; is not a number</source>
        <translation>the value %1 of the field &quot;%2&quot; is not a number</translation>
    </message>
    <message>
        <source>the key field &quot;%1&quot; is missing</source>
        <translation>the key field &quot;%1&quot; is missing</translation>
    </message>
    <message>
        <source>the event time field &quot;%1&quot; is missing</source>
        <translation>the event time field &quot;%1&quot; is missing</translation>
    </message>
    <message>
        <source>the value field &quot;%1&quot; is missing</source>
        <translation>the value field &quot;%1&quot; is missing</translation>
    </message>
    <message>
        <source>The trace could not be loaded: %1</source>
        <translation>The trace could not be loaded: %1</translation>
    </message>
    <message>
        <source>The trace %1 could not be loaded: %2</source>
        <translation>The trace %1 could not be loaded: %2</translation>
    </message>
    <message>
        <source>The trace %1 could not be loaded.
Line %2: %3</source>
        <translation>The trace %1 could not be loaded.
Line %2: %3</translation>
    </message>
    <message>
        <source>Loading cancelled.</source>
        <translation>Loading cancelled.</translation>
    </message>
    <message>
        <source>Open trace</source>
        <translation>Open trace</translation>
    </message>
    <message>
        <source>all keys</source>
        <translation>all keys</translation>
    </message>
    <message>
        <source>Why has this window not fired?</source>
        <translation>Why has this window not fired?</translation>
    </message>
    <message>
        <source>When did this window fire?</source>
        <translation>When did this window fire?</translation>
    </message>
    <message>
        <source>Window [%1, %2) of key &lt;b&gt;%3&lt;/b&gt; (window subtask %4).</source>
        <translation>Window [%1, %2) of key &lt;b&gt;%3&lt;/b&gt; (window subtask %4).</translation>
    </message>
    <message>
        <source>It fires when the operator watermark reaches &lt;b&gt;%1&lt;/b&gt; (end − 1 ms).</source>
        <translation>It fires when the operator watermark reaches &lt;b&gt;%1&lt;/b&gt; (end − 1 ms).</translation>
    </message>
    <message>
        <source>Operator watermark now: &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>Operator watermark now: &lt;b&gt;%1&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>It has fired: result %1 (watermark %2, at event %3).</source>
        <translation>It has fired: result %1 (watermark %2, at event %3).</translation>
    </message>
    <message>
        <source>The watermark has passed its end: it fires now.</source>
        <translation>The watermark has passed its end: it fires now.</translation>
    </message>
    <message>
        <source>Every partition is idle: the watermark does not move until one of them sends data again.</source>
        <translation>Every partition is idle: the watermark does not move until one of them sends data again.</translation>
    </message>
    <message>
        <source>Partition %1 (source subtask %2) holds it back with watermark %3</source>
        <translation>Partition %1 (source subtask %2) holds it back with watermark %3</translation>
    </message>
    <message>
        <source>%1: it has not sent any event yet (empty).</source>
        <translation>%1: it has not sent any event yet (empty).</translation>
    </message>
    <message>
        <source>%1: it receives events, but older ones than the other partitions (slow).</source>
        <translation>%1: it receives events, but older ones than the other partitions (slow).</translation>
    </message>
    <message>
        <source>%1: no event late enough in event time has arrived yet.</source>
        <translation>%1: no event late enough in event time has arrived yet.</translation>
    </message>
    <message>
        <source>It needs an event with event time ≥ %1 in partition %2.</source>
        <translation>It needs an event with event time ≥ %1 in partition %2.</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>Partition</translation>
    </message>
    <message>
        <source>Watermark</source>
        <translation>Watermark</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>idle</translation>
    </message>
    <message>
        <source>holding it back</source>
        <translation>holding it back</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>the window still does not fire.</source>
        <translation>the window still does not fire.</translation>
    </message>
    <message>
        <source>the window fires at event %1 (now at %2) with result %3.</source>
        <translation>the window fires at event %1 (now at %2) with result %3.</translation>
    </message>
    <message>
        <source>Late elements: %1 → %2; firings: %3 → %4.</source>
        <translation>Late elements: %1 → %2; firings: %3 → %4.</translation>
    </message>
    <message>
        <source>With withIdleness(%1):</source>
        <translation>With withIdleness(%1):</translation>
    </message>
    <message>
        <source>With the watermark %1:</source>
        <translation>With the watermark %1:</translation>
    </message>
    <message>
        <source>What if… idle: withIdleness(%1)</source>
        <translation>What if… idle: withIdleness(%1)</translation>
    </message>
    <message>
        <source>What if… idle (needs an arrival column)</source>
        <translation>What if… idle (needs an arrival column)</translation>
    </message>
    <message>
        <source>What if… idle (the window has already fired)</source>
        <translation>What if… idle (the window has already fired)</translation>
    </message>
    <message>
        <source>What if… idle (no partition holds the watermark back)</source>
        <translation>What if… idle (no partition holds the watermark back)</translation>
    </message>
    <message>
        <source>What if… shorter bound: %1</source>
        <translation>What if… shorter bound: %1</translation>
    </message>
    <message>
        <source>What if… shorter bound (no bound)</source>
        <translation>What if… shorter bound (no bound)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <source>no arrival times: periodic watermarks only come at the end (choose a watermark after every event)</source>
        <translation>no arrival times: periodic watermarks only come at the end (choose a watermark after every event)</translation>
    </message>
    <message>
        <source>No trace loaded.</source>
        <translation>No trace loaded.</translation>
    </message>
    <message>
        <source>end of input (final watermark)</source>
        <translation>end of input (final watermark)</translation>
    </message>
    <message>
        <source>event %1 of %2</source>
        <translation>event %1 of %2</translation>
    </message>
    <message>
        <source>processing time %1</source>
        <translation>processing time %1</translation>
    </message>
    <message>
        <source>watermark %1</source>
        <translation>watermark %1</translation>
    </message>
    <message>
        <source>Stream view</source>
        <translation>Stream view</translation>
    </message>
    <message>
        <source>Open trace…</source>
        <translation>Open trace…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Previous event</source>
        <translation>Previous event</translation>
    </message>
    <message>
        <source>Next event</source>
        <translation>Next event</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>Play / pause</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Playback speed</translation>
    </message>
    <message>
        <source>Arrival order: drag to see the state after any event</source>
        <translation>Arrival order: drag to see the state after any event</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Show this run in the view</source>
        <translation>Show this run in the view</translation>
    </message>
    <message>
        <source>No partition is to blame: the watermark is emitted periodically, every %1 of processing time (pipeline.auto-watermark-interval), and this trace has no arrival column, so processing time never advances while it is read. No watermark comes before the end of input. Choose a watermark after every event, or an arrival column, in the trace options.</source>
        <translation>No partition is to blame: the watermark is emitted periodically, every %1 of processing time (pipeline.auto-watermark-interval), and this trace has no arrival column, so processing time never advances while it is read. No watermark comes before the end of input. Choose a watermark after every event, or an arrival column, in the trace options.</translation>
    </message>
    <message>
        <source>bad lines skipped: %1</source>
        <translation>bad lines skipped: %1</translation>
    </message>
    <message>
        <source>Pipeline and plot</source>
        <translation>Pipeline and plot</translation>
    </message>
    <message>
        <source>Show the job as operators and subtasks (the watermark of every input channel) and the plot of max event time, watermark and processing time</source>
        <translation>Show the job as operators and subtasks (the watermark of every input channel) and the plot of max event time, watermark and processing time</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Max event time · watermark · processing time</source>
        <translation>Max event time · watermark · processing time</translation>
    </message>
    <message>
        <source>This run already uses processing-time windows: the picture above shows them.</source>
        <translation>This run already uses processing-time windows: the picture above shows them.</translation>
    </message>
    <message>
        <source>The trace has no arrival column: processing time does not advance, so every processing-time window would hold the whole trace.</source>
        <translation>The trace has no arrival column: processing time does not advance, so every processing-time window would hold the whole trace.</translation>
    </message>
    <message>
        <source>The trace is too long to run a second time with processing-time windows here (fluxolab-cli replay --window-time processing does it).</source>
        <translation>The trace is too long to run a second time with processing-time windows here (fluxolab-cli replay --window-time processing does it).</translation>
    </message>
    <message>
        <source>Processing-time windows</source>
        <translation>Processing-time windows</translation>
    </message>
    <message>
        <source>Keys: state and timers</source>
        <translation>Keys: state and timers</translation>
    </message>
    <message>
        <source>checkpoint every %1</source>
        <translation>checkpoint every %1</translation>
    </message>
    <message>
        <source>the file could not be read to the end (a read error)</source>
        <translation>the file could not be read to the end (a read error)</translation>
    </message>
    <message>
        <source>the header line is longer than %1 KiB: is this a trace file?</source>
        <translation>the header line is longer than %1 KiB: is this a trace file?</translation>
    </message>
    <message>
        <source>the file is cut short: a quoted field of the header is never closed</source>
        <translation>the file is cut short: a quoted field of the header is never closed</translation>
    </message>
    <message>
        <source>the file has no header line (only blank lines)</source>
        <translation>the file has no header line (only blank lines)</translation>
    </message>
    <message>
        <source>the line is longer than %1 KiB (not read)</source>
        <translation>the line is longer than %1 KiB (not read)</translation>
    </message>
    <message>
        <source>the file is cut short: a quoted field opened here is never closed</source>
        <translation>the file is cut short: a quoted field opened here is never closed</translation>
    </message>
    <message>
        <source>a quoted field is never closed</source>
        <translation>a quoted field is never closed</translation>
    </message>
    <message>
        <source>text after a closing quote (expected %1)</source>
        <translation>text after a closing quote (expected %1)</translation>
    </message>
    <message>
        <source>the partition field is missing (an integer between 0 and 1023 is needed)</source>
        <translation>the partition field is missing (an integer between 0 and 1023 is needed)</translation>
    </message>
    <message>
        <source>the partition %1 is not an integer between 0 and 1023</source>
        <translation>the partition %1 is not an integer between 0 and 1023</translation>
    </message>
    <message>
        <source>the arrival time field is missing (epoch milliseconds are needed)</source>
        <translation>the arrival time field is missing (epoch milliseconds are needed)</translation>
    </message>
    <message>
        <source>the arrival time %1 is not in epoch milliseconds</source>
        <translation>the arrival time %1 is not in epoch milliseconds</translation>
    </message>
    <message>
        <source>the arrival time %1 is before the previous line&apos;s %2 (the file must be in arrival order)</source>
        <translation>the arrival time %1 is before the previous line&apos;s %2 (the file must be in arrival order)</translation>
    </message>
    <message>
        <source>the event time is empty</source>
        <translation>the event time is empty</translation>
    </message>
    <message>
        <source>cannot read the time of day of %1 (expected %2)</source>
        <translation>cannot read the time of day of %1 (expected %2)</translation>
    </message>
    <message>
        <source>cannot read the seconds of %1</source>
        <translation>cannot read the seconds of %1</translation>
    </message>
    <message>
        <source>bad fraction of a second in %1</source>
        <translation>bad fraction of a second in %1</translation>
    </message>
    <message>
        <source>text after the time in %1 (this format has no time zone)</source>
        <translation>text after the time in %1 (this format has no time zone)</translation>
    </message>
    <message>
        <source>bad time zone offset in %1</source>
        <translation>bad time zone offset in %1</translation>
    </message>
    <message>
        <source>the time zone offset in %1 is out of range</source>
        <translation>the time zone offset in %1 is out of range</translation>
    </message>
    <message>
        <source>text after the time in %1</source>
        <translation>text after the time in %1</translation>
    </message>
    <message>
        <source>there is no such date or time: %1</source>
        <translation>there is no such date or time: %1</translation>
    </message>
    <message>
        <source>the time %1 is out of range (years 1 to 9999)</source>
        <translation>the time %1 is out of range (years 1 to 9999)</translation>
    </message>
    <message>
        <source>the partition %1 is too large (at most %2)</source>
        <translation>the partition %1 is too large (at most %2)</translation>
    </message>
    <message>
        <source>the partition %1 is not below the number of partitions (%2)</source>
        <translation>the partition %1 is not below the number of partitions (%2)</translation>
    </message>
    <message>
        <source>more than %1 events: too long for this view (fluxolab-cli replay reads it)</source>
        <translation>more than %1 events: too long for this view (fluxolab-cli replay reads it)</translation>
    </message>
    <message>
        <source>bad header: %1</source>
        <translation>bad header: %1</translation>
    </message>
    <message>
        <source>; the header seems to be separated by tabs, which a trace cannot be: save the file with &apos;,&apos; or &apos;;&apos; between the fields</source>
        <translation>; the header seems to be separated by tabs, which a trace cannot be: save the file with &apos;,&apos; or &apos;;&apos; between the fields</translation>
    </message>
    <message>
        <source>; the header seems to be separated by &apos;%1&apos;: choose that delimiter in the trace options (fluxolab-cli replay: --delimiter &apos;%1&apos;)</source>
        <translation>; the header seems to be separated by &apos;%1&apos;: choose that delimiter in the trace options (fluxolab-cli replay: --delimiter &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>%1 · %2 · keyed process %3 · %4</source>
        <translation>%1 · %2 · keyed process %3 · %4</translation>
    </message>
    <message>
        <source>%1 · %2 · watermark %3 · window %4 · %5 · %6</source>
        <translation>%1 · %2 · watermark %3 · window %4 · %5 · %6</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n events</source>
        <translation>
            <numerusform>%1 of %n event</numerusform>
            <numerusform>%1 of %n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n events</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n outputs</source>
        <translation>
            <numerusform>%n output</numerusform>
            <numerusform>%n outputs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n firings</source>
        <translation>
            <numerusform>%n firing</numerusform>
            <numerusform>%n firings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n late</source>
        <translation>
            <numerusform>%n late</numerusform>
            <numerusform>%n late</numerusform>
        </translation>
    </message>
    <message>
        <source>crash after %1: %2, %3</source>
        <translation>crash after %1: %2, %3</translation>
    </message>
    <message numerus="yes">
        <source>%n elements</source>
        <translation>
            <numerusform>%n element</numerusform>
            <numerusform>%n elements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n read again</source>
        <translation>
            <numerusform>%n read again</numerusform>
            <numerusform>%n read again</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n results emitted twice</source>
        <translation>
            <numerusform>%n result emitted twice</numerusform>
            <numerusform>%n results emitted twice</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: it has been silent for the last %n event(s) while the other partitions kept sending (without withIdleness it still counts).</source>
        <translation>
            <numerusform>%1: it has been silent for the last %n event while the other partitions kept sending (without withIdleness it still counts).</numerusform>
            <numerusform>%1: it has been silent for the last %n events while the other partitions kept sending (without withIdleness it still counts).</numerusform>
        </translation>
    </message>
    <message>
        <source>the time %1 is neither epoch milliseconds (an integer, e.g. %2) nor a date-time (%3, or ISO-8601 e.g. %4); --time-format epoch-s reads epoch seconds</source>
        <translation>the time %1 is neither epoch milliseconds (an integer, e.g. %2) nor a date-time (%3, or ISO-8601 e.g. %4); --time-format epoch-s reads epoch seconds</translation>
    </message>
    <message>
        <source>the time %1 is a number, but --time-format iso|sql expects a date-time (%2 or ISO-8601); epoch times need --time-format epoch-ms, epoch-s or auto</source>
        <translation>the time %1 is a number, but --time-format iso|sql expects a date-time (%2 or ISO-8601); epoch times need --time-format epoch-ms, epoch-s or auto</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::TerminalConsole</name>
    <message>
        <source>Copy (Ctrl+Shift+C)</source>
        <translation>Copy (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>Paste (Ctrl+V)</source>
        <translation>Paste (Ctrl+V)</translation>
    </message>
    <message>
        <source>Stop the command (Ctrl+C)</source>
        <translation>Stop the command (Ctrl+C)</translation>
    </message>
    <message>
        <source>Clear (Ctrl+L)</source>
        <translation>Clear (Ctrl+L)</translation>
    </message>
    <message>
        <source>Kafka tools: kafka-topics.sh, kafka-console-producer.sh, kafka-console-consumer.sh, kafka-consumer-groups.sh, kafka-leader-election.sh, kafka-configs.sh, kafka-get-offsets.sh (with or without bin/).
Stream engine: fluxolab-cli replay TRACE ... (fluxolab-cli replay --help lists the options).
Keys: Tab completes, ↑/↓ history, Ctrl+C stops a consumer or producer, Ctrl+D ends the producer&apos;s input, Ctrl+L clears, Ctrl+Shift+C / Ctrl+V copy and paste.
Open another tab (+) to run a producer and a consumer side by side.
</source>
        <translation>Kafka tools: kafka-topics.sh, kafka-console-producer.sh, kafka-console-consumer.sh, kafka-consumer-groups.sh, kafka-leader-election.sh, kafka-configs.sh, kafka-get-offsets.sh (with or without bin/).
Stream engine: fluxolab-cli replay TRACE ... (fluxolab-cli replay --help lists the options).
Keys: Tab completes, ↑/↓ history, Ctrl+C stops a consumer or producer, Ctrl+D ends the producer&apos;s input, Ctrl+L clears, Ctrl+Shift+C / Ctrl+V copy and paste.
Open another tab (+) to run a producer and a consumer side by side.
</translation>
    </message>
    <message>
        <source>No cluster is loaded: open a scenario or a lab first.</source>
        <translation>No cluster is loaded: open a scenario or a lab first.</translation>
    </message>
    <message>
        <source>[the cluster was replaced: command stopped]</source>
        <translation>[the cluster was replaced: command stopped]</translation>
    </message>
    <message numerus="yes">
        <source>Java stack trace (%n line(s)) — click to hide</source>
        <translation>
            <numerusform>Java stack trace (%n line) — click to hide</numerusform>
            <numerusform>Java stack trace (%n lines) — click to hide</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Java stack trace (%n line(s)) — click to view</source>
        <translation>
            <numerusform>Java stack trace (%n line) — click to view</numerusform>
            <numerusform>Java stack trace (%n lines) — click to view</numerusform>
        </translation>
    </message>
    <message>
        <source>a pipe</source>
        <translation>a pipe</translation>
    </message>
    <message>
        <source>an output redirection</source>
        <translation>an output redirection</translation>
    </message>
    <message>
        <source>a command list</source>
        <translation>a command list</translation>
    </message>
    <message>
        <source>a command substitution</source>
        <translation>a command substitution</translation>
    </message>
    <message>
        <source>FluxoLab&apos;s terminal is not bash and does not run %1 (%2): it runs one command per line. Type each command on its own line, without |, &gt;, &gt;&gt;, ;, &amp;&amp;, ||, `...` or $(...); only &lt; file, &lt;&lt;EOF and a trailing &amp; work here.</source>
        <extracomment>%1: the shell operator as typed (|, &gt;, &amp;&amp;, `...`, $(...)); %2: what it does in bash (&quot;a pipe&quot;).</extracomment>
        <translation>FluxoLab&apos;s terminal is not bash and does not run %1 (%2): it runs one command per line. Type each command on its own line, without |, &gt;, &gt;&gt;, ;, &amp;&amp;, ||, `...` or $(...); only &lt; file, &lt;&lt;EOF and a trailing &amp; work here.</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::TerminalPanel</name>
    <message>
        <source>New terminal tab</source>
        <translation>New terminal tab</translation>
    </message>
    <message>
        <source>Terminal %1 (running)</source>
        <translation>Terminal %1 (running)</translation>
    </message>
    <message>
        <source>Terminal %1</source>
        <translation>Terminal %1</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::TimelineBar</name>
    <message>
        <source>Step back one event (←)</source>
        <translation>Step back one event (←)</translation>
    </message>
    <message>
        <source>Step to the next event (→)</source>
        <translation>Step to the next event (→)</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Back to the newest state of the simulation</source>
        <translation>Back to the newest state of the simulation</translation>
    </message>
    <message>
        <source>Playback speed (virtual time per real second)</source>
        <translation>Playback speed (virtual time per real second)</translation>
    </message>
    <message>
        <source>Drag to see any past moment: every journal event is a position</source>
        <translation>Drag to see any past moment: every journal event is a position</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>The random seed. Same scenario + same seed = the same run. Edit it and press Enter to restart.</source>
        <translation>The random seed. Same scenario + same seed = the same run. Edit it and press Enter to restart.</translation>
    </message>
    <message>
        <source>Copy the seed</source>
        <translation>Copy the seed</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>Pause (Space)</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>Play (Space)</translation>
    </message>
    <message>
        <source>t = %1</source>
        <translation>t = %1</translation>
    </message>
    <message>
        <source>Virtual time (minutes:seconds.milliseconds) · event %1 of %2</source>
        <translation>Virtual time (minutes:seconds.milliseconds) · event %1 of %2</translation>
    </message>
    <message>
        <source>past: %1</source>
        <translation>past: %1</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::TopicsModel</name>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>TopicId</source>
        <translation>TopicId</translation>
    </message>
    <message>
        <source>PartitionCount</source>
        <translation>PartitionCount</translation>
    </message>
    <message>
        <source>ReplicationFactor</source>
        <translation>ReplicationFactor</translation>
    </message>
    <message>
        <source>Configs</source>
        <translation>Configs</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::TraceDialog</name>
    <message>
        <source>Open trace</source>
        <translation>Open trace</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>File (CSV or JSON Lines):</source>
        <translation>File (CSV or JSON Lines):</translation>
    </message>
    <message>
        <source>none: file order is arrival order</source>
        <translation>none: file order is arrival order</translation>
    </message>
    <message>
        <source>none: one partition</source>
        <translation>none: one partition</translation>
    </message>
    <message>
        <source>Event time field:</source>
        <translation>Event time field:</translation>
    </message>
    <message>
        <source>Key field:</source>
        <translation>Key field:</translation>
    </message>
    <message>
        <source>Arrival (processing time) field:</source>
        <translation>Arrival (processing time) field:</translation>
    </message>
    <message>
        <source>Partition field:</source>
        <translation>Partition field:</translation>
    </message>
    <message>
        <source>bounded out-of-orderness (max − bound − 1 ms)</source>
        <translation>bounded out-of-orderness (max − bound − 1 ms)</translation>
    </message>
    <message>
        <source>monotonous (max − 1 ms)</source>
        <translation>monotonous (max − 1 ms)</translation>
    </message>
    <message>
        <source>SQL: ts − INTERVAL (no − 1 ms)</source>
        <translation>SQL: ts − INTERVAL (no − 1 ms)</translation>
    </message>
    <message>
        <source>bound:</source>
        <translation>bound:</translation>
    </message>
    <message>
        <source>Watermark strategy:</source>
        <translation>Watermark strategy:</translation>
    </message>
    <message>
        <source>tumbling (TUMBLE)</source>
        <translation>tumbling (TUMBLE)</translation>
    </message>
    <message>
        <source>sliding (HOP)</source>
        <translation>sliding (HOP)</translation>
    </message>
    <message>
        <source>session (SESSION)</source>
        <translation>session (SESSION)</translation>
    </message>
    <message>
        <source>cumulative (CUMULATE)</source>
        <translation>cumulative (CUMULATE)</translation>
    </message>
    <message>
        <source>slide:</source>
        <translation>slide:</translation>
    </message>
    <message>
        <source>step:</source>
        <translation>step:</translation>
    </message>
    <message>
        <source>gap:</source>
        <translation>gap:</translation>
    </message>
    <message>
        <source>size:</source>
        <translation>size:</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>Window:</translation>
    </message>
    <message>
        <source>field</source>
        <translation>field</translation>
    </message>
    <message>
        <source>Aggregate:</source>
        <translation>Aggregate:</translation>
    </message>
    <message>
        <source>0s: off</source>
        <translation>0s: off</translation>
    </message>
    <message>
        <source>Allowed lateness:</source>
        <translation>Allowed lateness:</translation>
    </message>
    <message>
        <source>Idle timeout (withIdleness):</source>
        <translation>Idle timeout (withIdleness):</translation>
    </message>
    <message>
        <source>Watermark after every event (otherwise every 200 ms of processing time)</source>
        <translation>Watermark after every event (otherwise every 200 ms of processing time)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Traces (*.csv *.jsonl *.json *.ndjson);;All files (*)</source>
        <translation>Traces (*.csv *.jsonl *.json *.ndjson);;All files (*)</translation>
    </message>
    <message>
        <source>Choose a trace file.</source>
        <translation>Choose a trace file.</translation>
    </message>
    <message>
        <source>The event time field cannot be empty.</source>
        <translation>The event time field cannot be empty.</translation>
    </message>
    <message>
        <source>The watermark bound &quot;%1&quot; is not a duration (examples: 5s, 200ms, 1m).</source>
        <translation>The watermark bound &quot;%1&quot; is not a duration (examples: 5s, 200ms, 1m).</translation>
    </message>
    <message>
        <source>The window durations are not valid (examples: 60s, 10s and 1m).</source>
        <translation>The window durations are not valid (examples: 60s, 10s and 1m).</translation>
    </message>
    <message>
        <source>The aggregate %1 needs the name of a numeric field.</source>
        <translation>The aggregate %1 needs the name of a numeric field.</translation>
    </message>
    <message>
        <source>The allowed lateness &quot;%1&quot; is not a duration (examples: 0s, 90s).</source>
        <translation>The allowed lateness &quot;%1&quot; is not a duration (examples: 0s, 90s).</translation>
    </message>
    <message>
        <source>The idle timeout &quot;%1&quot; is not a duration (examples: 0s, 10s).</source>
        <translation>The idle timeout &quot;%1&quot; is not a duration (examples: 0s, 10s).</translation>
    </message>
    <message>
        <source>These options are not valid: %1</source>
        <translation>These options are not valid: %1</translation>
    </message>
    <message>
        <source>Send trace to a topic</source>
        <translation>Send trace to a topic</translation>
    </message>
    <message>
        <source>Into topic (key → partition by murmur2):</source>
        <translation>Into topic (key → partition by murmur2):</translation>
    </message>
    <message>
        <source>the topic&apos;s partitions</source>
        <translation>the topic&apos;s partitions</translation>
    </message>
    <message>
        <source>Choose a topic.</source>
        <translation>Choose a topic.</translation>
    </message>
    <message>
        <source>detect from the header</source>
        <translation>detect from the header</translation>
    </message>
    <message>
        <source>comma ( , )</source>
        <translation>comma ( , )</translation>
    </message>
    <message>
        <source>semicolon ( ; )</source>
        <translation>semicolon ( ; )</translation>
    </message>
    <message>
        <source>stop at the first bad line</source>
        <translation>stop at the first bad line</translation>
    </message>
    <message>
        <source>skip bad lines and count them</source>
        <translation>skip bad lines and count them</translation>
    </message>
    <message>
        <source>bad lines:</source>
        <translation>bad lines:</translation>
    </message>
    <message>
        <source>CSV delimiter:</source>
        <translation>CSV delimiter:</translation>
    </message>
    <message>
        <source>Source and window subtasks (1 to 8); partition p is read by source subtask p mod N</source>
        <translation>Source and window subtasks (1 to 8); partition p is read by source subtask p mod N</translation>
    </message>
    <message>
        <source>Parallelism:</source>
        <translation>Parallelism:</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::WatermarkPlot</name>
    <message>
        <source>arrival order (event number) →</source>
        <translation>arrival order (event number) →</translation>
    </message>
    <message>
        <source>max event time seen</source>
        <translation>max event time seen</translation>
    </message>
    <message>
        <source>operator watermark</source>
        <translation>operator watermark</translation>
    </message>
    <message>
        <source>processing time</source>
        <translation>processing time</translation>
    </message>
    <message>
        <source>(no arrival column: processing time does not advance)</source>
        <translation>(no arrival column: processing time does not advance)</translation>
    </message>
    <message>
        <source>(processing time is on another clock: not drawn)</source>
        <translation>(processing time is on another clock: not drawn)</translation>
    </message>
</context>
</TS>
