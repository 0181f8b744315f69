#include "labs/common/teaching_notes.h"

#include <array>

namespace fluxolab::labs {

namespace {
struct NoteRow {
    NoteId id;
    const char* key;
    const char* pt;
    const char* en;
};

// pt-PT first: the course is taught in Portuguese.
constexpr std::array<NoteRow, static_cast<std::size_t>(NoteId::Count_)> kNotes{{
    {NoteId::TopicAlreadyExists, "topic_already_exists",
     "O tópico já existe: use --if-not-exists para não dar erro, ou --describe para o ver.",
     "The topic already exists: add --if-not-exists to make this a no-op, or --describe it."},
    {NoteId::ReplicationFactorTooLarge, "replication_factor_too_large",
     "Cada réplica vive num broker diferente: o fator de replicação não pode exceder o número de brokers.",
     "Each replica lives on a different broker: the replication factor cannot exceed the number of brokers."},
    {NoteId::ReplicationFactorOutOfRange, "replication_factor_out_of_range",
     "O fator de replicação tem de estar entre 1 e 32767 (é um short em Java).",
     "The replication factor must be between 1 and 32767 (it is a Java short)."},
    {NoteId::PartitionsNotPositive, "partitions_not_positive",
     "Um tópico precisa de pelo menos uma partição.",
     "A topic needs at least one partition."},
    {NoteId::TopicDoesNotExist, "topic_does_not_exist",
     "Esse tópico não existe: confirme o nome com kafka-topics.sh --list.",
     "That topic does not exist: check the name with kafka-topics.sh --list."},
    {NoteId::InvalidTopicName, "invalid_topic_name",
     "Nomes de tópicos: só letras ASCII, dígitos, '.', '_' e '-', até 249 caracteres.",
     "Topic names: ASCII letters, digits, '.', '_' and '-' only, up to 249 characters."},
    {NoteId::TopicNameCollisionChars, "topic_name_collision_chars",
     "Nas métricas '.' e '_' tornam-se iguais: 'a.b' e 'a_b' colidiriam. Use um dos dois, não ambos.",
     "In metric names '.' and '_' become the same: 'a.b' and 'a_b' would collide. Use one, not both."},
    {NoteId::PartitionsNotIncreased, "partitions_not_increased",
     "Só se pode aumentar o número de partições (diminuir perderia dados e a ordem por chave).",
     "Partitions can only be increased (decreasing would lose data and per-key ordering)."},
    {NoteId::InvalidTopicConfig, "invalid_topic_config",
     "Configuração de tópico desconhecida ou com valor inválido (veja a lista em --help).",
     "Unknown topic configuration or invalid value (see the list in --help)."},
    {NoteId::ZookeeperRemoved, "zookeeper_removed",
     "O Kafka 4 só funciona em modo KRaft: o ZooKeeper foi removido. Use --bootstrap-server localhost:9092.",
     "Kafka 4 runs in KRaft mode only: ZooKeeper was removed. Use --bootstrap-server localhost:9092."},
    {NoteId::BrokerListRemoved, "broker_list_removed",
     "--broker-list é a opção antiga (até ao Kafka 3.x); no Kafka 4 use --bootstrap-server.",
     "--broker-list is the old option (up to Kafka 3.x); in Kafka 4 use --bootstrap-server."},
    {NoteId::UnrecognizedOption, "unrecognized_option",
     "Opção desconhecida: veja as opções válidas com --help.",
     "Unknown option: see the valid options with --help."},
    {NoteId::MissingBootstrapServer, "missing_bootstrap_server",
     "As ferramentas precisam de saber onde está o cluster: --bootstrap-server localhost:9092.",
     "The tools need to know where the cluster is: --bootstrap-server localhost:9092."},
    {NoteId::UsageError, "usage_error",
     "A combinação de opções não é válida para esta ferramenta.",
     "This combination of options is not valid for this tool."},
    {NoteId::BootstrapUnreachable, "bootstrap_unreachable",
     "Nenhum broker responde nesse endereço: confirme host e porta (o broker 1 está em localhost:9092).",
     "No broker answers at that address: check host and port (broker 1 is at localhost:9092)."},
    {NoteId::NoKeySeparator, "no_key_separator",
     "Com parse.key=true cada linha tem de ter chave, separador e valor (por omissão o separador é TAB).",
     "With parse.key=true every line needs key, separator and value (the default separator is TAB)."},
    {NoteId::TopicAutoCreated, "topic_auto_created",
     "O tópico não existia e foi criado automaticamente (auto.create.topics.enable=true) com 1 partição.",
     "The topic did not exist and was created automatically (auto.create.topics.enable=true) with 1 partition."},
    {NoteId::ConsumerTimeout, "consumer_timeout",
     "Não chegaram mensagens durante --timeout-ms: o consumidor terminou (é o comportamento esperado).",
     "No message arrived within --timeout-ms: the consumer stopped (this is expected)."},
    {NoteId::FromBeginningIgnored, "from_beginning_ignored",
     "O grupo já tem offsets confirmados: --from-beginning só vale para um grupo sem offsets.",
     "The group already has committed offsets: --from-beginning only applies to a group without offsets."},
    {NoteId::FromBeginningConflict, "from_beginning_conflict",
     "--from-beginning equivale a auto.offset.reset=earliest: não os combine com valores diferentes.",
     "--from-beginning means auto.offset.reset=earliest: do not combine it with a different value."},
    {NoteId::GroupDoesNotExist, "group_does_not_exist",
     "Esse grupo não existe (ou já não tem membros nem offsets): veja --list.",
     "That group does not exist (or has no members and no offsets any more): see --list."},
    {NoteId::GroupRebalancing, "group_rebalancing",
     "O grupo está a rebalancear: as partições ainda estão a ser redistribuídas pelos membros.",
     "The group is rebalancing: partitions are still being redistributed among the members."},
    {NoteId::GroupNoActiveMembers, "group_no_active_members",
     "O grupo não tem consumidores ativos; os offsets confirmados continuam guardados.",
     "The group has no active consumers; its committed offsets are still stored."},
    {NoteId::ResetRequiresInactiveGroup, "reset_requires_inactive_group",
     "Só se podem repor offsets de um grupo sem consumidores ativos: pare-os primeiro (Ctrl+C).",
     "Offsets can only be reset for a group with no active consumers: stop them first (Ctrl+C)."},
    {NoteId::ResetIsDryRun, "reset_is_dry_run",
     "Sem --execute nada foi alterado: isto foi só uma simulação (dry run).",
     "Without --execute nothing changed: this was only a dry run."},
    {NoteId::GroupNotEmpty, "group_not_empty",
     "Não se pode apagar um grupo com consumidores ativos: pare-os primeiro.",
     "A group with active consumers cannot be deleted: stop them first."},
    {NoteId::UnknownCommand, "unknown_command",
     "Comando não suportado: use kafka-topics.sh, kafka-console-producer.sh, kafka-console-consumer.sh, "
     "kafka-consumer-groups.sh, kafka-leader-election.sh ou fluxolab-cli replay.",
     "Command not supported: use kafka-topics.sh, kafka-console-producer.sh, kafka-console-consumer.sh, "
     "kafka-consumer-groups.sh, kafka-leader-election.sh or fluxolab-cli replay."},
    {NoteId::ShellSyntax, "shell_syntax",
     "A linha não pôde ser interpretada (aspas por fechar, ou operador não suportado).",
     "The line could not be parsed (an unclosed quote, or an unsupported operator)."},
    {NoteId::BootstrapInvalid, "bootstrap_invalid",
     "Cada endereço de --bootstrap-server tem de ser host:porta, por exemplo localhost:9092.",
     "Each --bootstrap-server address must be host:port, for example localhost:9092."},
    {NoteId::BootstrapUnresolvable, "bootstrap_unresolvable",
     "Esse nome de máquina não existe (falhou o DNS): no curso o cluster está em localhost:9092.",
     "That host name does not resolve (DNS failed): in the course the cluster is at localhost:9092."},
    {NoteId::ProducerMetadataTimeout, "producer_metadata_timeout",
     "Sem ligação ao cluster, cada envio espera pelos metadados do tópico durante max.block.ms (60 s) e falha.",
     "Without a connection, every send waits max.block.ms (60 s) for the topic's metadata, then fails."},
    {NoteId::ResetScopeMissing, "reset_scope_missing",
     "Diga que partições repor: --topic t (ou t:0,1) ou --all-topics.",
     "Say which partitions to reset: --topic t (or t:0,1) or --all-topics."},
    {NoteId::ShiftWithoutCommittedOffset, "shift_without_committed_offset",
     "--shift-by desloca o offset confirmado: essa partição ainda não tem nenhum.",
     "--shift-by moves the committed offset: that partition has none yet."},
    {NoteId::InvalidDuration, "invalid_duration",
     "--by-duration usa o formato ISO-8601 de Java: PT10M (10 minutos), PT1H30M, P1D.",
     "--by-duration takes Java's ISO-8601 format: PT10M (10 minutes), PT1H30M, P1D."},
    {NoteId::ResetPlanFileMissing, "reset_plan_file_missing",
     "O ficheiro de --from-file não foi encontrado (o caminho é relativo à pasta atual).",
     "The --from-file file was not found (the path is relative to the current folder)."},
    {NoteId::ResetPlanHasNoGroup, "reset_plan_has_no_group",
     "O CSV não tem linhas para este grupo: com um só --group use topico,particao,offset; com vários, grupo,topico,particao,offset.",
     "The CSV has no rows for this group: with one --group use topic,partition,offset; with several, group,topic,partition,offset."},
    {NoteId::DeleteOffsetsOfSubscribedTopic, "delete_offsets_of_subscribed_topic",
     "Não se podem apagar offsets de um tópico que o grupo está a consumir: pare os consumidores primeiro.",
     "Offsets of a topic the group is consuming cannot be deleted: stop the consumers first."},
    {NoteId::DeleteOffsetsNeedsInactiveGroup, "delete_offsets_needs_inactive_group",
     "No FluxoLab só se apagam offsets de um grupo sem consumidores ativos: pare-os primeiro (Ctrl+C).",
     "In FluxoLab offsets can only be deleted for a group with no active consumers: stop them first (Ctrl+C)."},
    {NoteId::InvalidGroupFilter, "invalid_group_filter",
     "Estados válidos: Stable, Empty, PreparingRebalance, CompletingRebalance, Dead; tipos: classic, consumer.",
     "Valid states: Stable, Empty, PreparingRebalance, CompletingRebalance, Dead; types: classic, consumer."},
    {NoteId::InvalidDateTime, "invalid_date_time",
     "--to-datetime usa o formato ISO-8601 com milissegundos: 2025-01-01T10:00:00.000 (UTC se não indicar o fuso).",
     "--to-datetime takes ISO-8601 with milliseconds: 2025-01-01T10:00:00.000 (UTC unless a zone is given)."},
    {NoteId::ProducerPropertyDeprecated, "producer_property_deprecated",
     "Só um aviso: o comando do curso funciona e as mensagens são enviadas. No Kafka 4.x a mesma opção chama-se "
     "--reader-property (ex.: --reader-property parse.key=true); --property será removida numa versão futura.",
     "Just a warning: the course's command works and the messages are sent. In Kafka 4.x the same option is spelled "
     "--reader-property (e.g. --reader-property parse.key=true); --property will be removed in a future version."},
    {NoteId::ConsumerPropertyDeprecated, "consumer_property_deprecated",
     "Só um aviso: o comando do curso funciona e as mensagens são mostradas. No Kafka 4.x a mesma opção chama-se "
     "--formatter-property (ex.: --formatter-property print.key=true); --property será removida numa versão futura.",
     "Just a warning: the course's command works and the messages are shown. In Kafka 4.x the same option is spelled "
     "--formatter-property (e.g. --formatter-property print.key=true); --property will be removed in a future version."},
    {NoteId::ClassicProtocolBanner, "classic_protocol_banner",
     "Não é um erro: o consumidor usa o protocolo de grupos clássico (o do curso) e funciona normalmente. O Kafka 4 "
     "anuncia o protocolo novo (KIP-848), que se escolhe com --command-property group.protocol=consumer; o FluxoLab só "
     "simula o clássico.",
     "Not an error: the consumer uses the classic group protocol (the course's) and works as usual. Kafka 4 advertises "
     "the new protocol (KIP-848), chosen with --command-property group.protocol=consumer; FluxoLab only simulates the "
     "classic one."},
    {NoteId::PartitionsPerRequestLimit, "partitions_per_request_limit",
     "O controlador KRaft recusa pedidos de criação com mais de 10000 partições no total.",
     "The KRaft controller refuses create requests for more than 10000 partitions in all."},
    {NoteId::RecordsPerOperationLimit, "records_per_operation_limit",
     "Uma operação grava no máximo 10000 registos de metadados (1 do tópico + 1 por configuração + 1 por partição): sem --config, no máximo 9999 partições.",
     "One operation writes at most 10000 metadata records (1 for the topic + 1 per config + 1 per partition): without --config, at most 9999 partitions."},
    {NoteId::PartitionGrowthLimit, "partition_growth_limit",
     "Uma operação cria no máximo 10000 partições novas: o Kafka 4.3.1 dá erro, mas as primeiras 10000 ficam criadas (veja com --describe).",
     "One operation creates at most 10000 new partitions: Kafka 4.3.1 reports an error, yet the first 10000 are created (see --describe)."},
    {NoteId::InvalidClientConfig, "invalid_client_config",
     "O cliente Kafka valida cada propriedade ao arrancar: a primeira linha diz qual e porquê (um número, true/false, "
     "ou um dos valores da lista). Nada foi enviado nem lido.",
     "The Kafka client checks every property when it starts: the first line says which one and why (a number, "
     "true/false, or one of the listed values). Nothing was sent or read."},
    {NoteId::ClientConfigFileMissing, "client_config_file_missing",
     "O ficheiro de propriedades não foi encontrado (o caminho é relativo à pasta atual).",
     "The properties file was not found (the path is relative to the current folder)."},
    {NoteId::IncludePatternUnsupported, "include_pattern_unsupported",
     "O FluxoLab não consegue verificar esta expressão regular como o Java faz: usa sintaxe do Java que o FluxoLab "
     "não reproduz (por exemplo (?s), lookbehind ou [a-z&&[^b]]). Nada foi lido. Use uma mais simples, como "
     "'orders.*' ou 'orders|payments'.",
     "FluxoLab cannot check this regular expression the way Java does: it uses Java syntax FluxoLab does not "
     "reproduce (for example (?s), lookbehind or [a-z&&[^b]]). Nothing was read. Use a simpler one, such as "
     "'orders.*' or 'orders|payments'."},
    {NoteId::GroupCoordinatorDown, "group_coordinator_down",
     "O coordenador deste grupo está em baixo: nenhum broker vivo lidera a partição do __consumer_offsets do grupo, "
     "por isso a ferramenta repete o pedido até o --timeout acabar. Volte a arrancar esse broker.",
     "This group's coordinator is down: no live broker leads the group's __consumer_offsets partition, so the tool "
     "retries until --timeout runs out. Start that broker again."},
    {NoteId::CoordinatorUnreachable, "coordinator_unreachable",
     "O coordenador do grupo está num broker que caiu: até o controlador o vedar e outra réplica de "
     "__consumer_offsets assumir a liderança, o cliente volta a tentar. Depois a resposta vem do novo coordenador.",
     "The group's coordinator is on a broker that went down: until the controller fences it and another "
     "__consumer_offsets replica takes over as leader, the client keeps retrying. Then the new coordinator answers."},
    {NoteId::AssignorNotOnRealCluster, "assignor_not_on_real_cluster",
     "No cluster real o FluxoLab usa a librdkafka, que não tem o StickyAssignor (o sticky \"eager\" do Java): "
     "só tem range, roundrobin e cooperative-sticky. Em vez de usar outro sem avisar, o consumidor não arrancou. "
     "Use CooperativeStickyAssignor (o sticky incremental), RangeAssignor ou RoundRobinAssignor, ou experimente o "
     "StickyAssignor na simulação.",
     "On a real cluster FluxoLab uses librdkafka, which has no StickyAssignor (Java's eager sticky one): it has "
     "only range, roundrobin and cooperative-sticky. Rather than use another one without a word, the consumer did "
     "not start. Use CooperativeStickyAssignor (the incremental sticky one), RangeAssignor or RoundRobinAssignor, "
     "or try StickyAssignor on the simulation."},
    {NoteId::ReplicaAssignmentUnknownBroker, "replica_assignment_unknown_broker",
     "O --replica-assignment lista, para cada partição, os ids dos brokers das suas réplicas (1:2,2:3): só pode "
     "usar brokers que existem no cluster.",
     "--replica-assignment lists each partition's replica broker ids (1:2,2:3): it can only name brokers that "
     "exist in the cluster."},
    {NoteId::NoActiveController, "no_active_controller",
     "Não há controlador KRaft ativo: com a maioria dos nós do quórum em baixo ninguém é eleito. O broker recebe o "
     "pedido e reencaminha-o para o controlador, que não existe, por isso a ferramenta espera até "
     "default.api.timeout.ms (60 s, ou o valor do --command-config) e desiste. Criar, apagar ou aumentar tópicos e "
     "eleger líderes precisam do controlador: volte a arrancar um dos nós parados.",
     "There is no active KRaft controller: with most of the quorum's nodes down nobody is elected. The broker "
     "takes the request and forwards it to the controller, which does not exist, so the tool waits until "
     "default.api.timeout.ms (60 s, or the value in --command-config) and gives up. Creating, deleting or growing "
     "topics and electing leaders need the controller: start one of the stopped nodes again."},
    {NoteId::KafkaToolNotEmulated, "kafka_tool_not_emulated",
     "Esta ferramenta (ou esta parte dela) existe no Kafka, mas o FluxoLab ainda não a emula: use kafka-topics.sh, "
     "kafka-console-producer.sh, kafka-console-consumer.sh, kafka-consumer-groups.sh, kafka-leader-election.sh, "
     "kafka-configs.sh (tópicos e brokers) ou kafka-get-offsets.sh.",
     "This tool (or this part of it) exists in Kafka, but FluxoLab does not emulate it yet: use kafka-topics.sh, "
     "kafka-console-producer.sh, kafka-console-consumer.sh, kafka-consumer-groups.sh, kafka-leader-election.sh, "
     "kafka-configs.sh (topics and brokers) or kafka-get-offsets.sh."},
    {NoteId::LeaderUnreachable, "leader_unreachable",
     "O líder de uma destas partições foi abaixo, mas o controlador ainda não deu por isso: só o afasta quando "
     "deixa de receber os seus heartbeats durante broker.session.timeout.ms (9 s). Até lá os metadados ainda o "
     "dão como líder, e o cliente tenta ligar-se-lhe uma e outra vez (uma linha WARN por tentativa, de 50 ms a "
     "1 s de intervalo). Quando o controlador o afasta, outra réplica do ISR passa a líder e a ferramenta "
     "responde.",
     "The leader of one of these partitions went down, but the controller has not noticed yet: it fences a "
     "broker once it has had no heartbeat from it for broker.session.timeout.ms (9 s). Until then the metadata "
     "still names it leader, and the client tries to connect to it again and again (one WARN line per attempt, "
     "50 ms to 1 s apart). Once the controller fences it, another replica in the ISR becomes leader and the tool "
     "answers."},
    {NoteId::GetOffsetsUnsupportedTime, "get_offsets_unsupported_time",
     "Um --time negativo só tem sentido de -1 a -6 (-1 latest, -2 earliest, -3 max-timestamp, -4 earliest-local, "
     "-5 latest-tiered, -6 earliest-pending-upload). Qualquer outro valor negativo chega ao broker, que o recusa em "
     "cada partição com UNSUPPORTED_VERSION: a ferramenta salta-as todas e termina sem erro, sem mostrar nenhum "
     "offset. Para procurar por tempo, dê um timestamp em milissegundos desde 1970.",
     "A negative --time only means something from -1 to -6 (-1 latest, -2 earliest, -3 max-timestamp, "
     "-4 earliest-local, -5 latest-tiered, -6 earliest-pending-upload). Any other negative value reaches the broker, "
     "which refuses it on every partition with UNSUPPORTED_VERSION: the tool skips them all and ends without an "
     "error, showing no offset. To search by time, give a timestamp in milliseconds since 1970."},
    {NoteId::CdNotNeeded, "cd_not_needed",
     "Não é preciso mudar de pasta: neste terminal os comandos correm como na pasta do Kafka (bin/kafka-topics.sh "
     "e kafka-topics.sh funcionam ambos) e os traços encontram-se pelo nome.",
     "No need to change folders: in this terminal the commands run as in Kafka's folder (bin/kafka-topics.sh and "
     "kafka-topics.sh both work) and traces are found by name."},
    {NoteId::InactivityWithoutArrival, "inactivity_without_arrival",
     "Sem --arrival-field todos os eventos chegam no mesmo instante de tempo de processamento: ninguém fica "
     "calado durante o prazo e nenhum timer de inatividade dispara. Indique a coluna da hora de chegada, por "
     "exemplo --arrival-field arrival.",
     "Without --arrival-field every event arrives at the same instant of processing time: no one is silent for "
     "the timeout and no inactivity timer fires. Give the arrival time column, for example --arrival-field "
     "arrival."},
}};

const NoteRow& row(NoteId id) { return kNotes[static_cast<std::size_t>(id)]; }
} // namespace

std::string_view noteKey(NoteId id) { return row(id).key; }
std::string_view noteText(NoteId id, Language lang) { return lang == Language::Portuguese ? row(id).pt : row(id).en; }

std::optional<Language> parseLanguage(std::string_view code) {
    if (code == "pt" || code == "pt-PT" || code == "pt_PT") return Language::Portuguese;
    if (code == "en" || code == "en-US" || code == "en-GB" || code == "en_US") return Language::English;
    return std::nullopt;
}

} // namespace fluxolab::labs
