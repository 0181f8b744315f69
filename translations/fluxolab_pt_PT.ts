<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_PT">
<context>
    <name>ClusterLayoutBuilder</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; on broker %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; no broker %2</translation>
    </message>
    <message>
        <source>This replica &lt;b&gt;is in the ISR&lt;/b&gt;.</source>
        <translation>Esta réplica &lt;b&gt;está no ISR&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>This replica is &lt;b&gt;out of the ISR&lt;/b&gt;.</source>
        <translation>Esta réplica está &lt;b&gt;fora do ISR&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>LEO = %1, HW = %2, log start offset = %3</source>
        <translation>LEO = %1, HW = %2, offset inicial do log = %3</translation>
    </message>
    <message>
        <source>The colour of each cell is the record&apos;s key.</source>
        <translation>A cor de cada célula é a chave do registo.</translation>
    </message>
    <message numerus="yes">
        <source>%n older record(s) not drawn (offsets %1 to %2).</source>
        <translation>
            <numerusform>%n registo mais antigo não desenhado (offsets %1 a %2).</numerusform>
            <numerusform>%n registos mais antigos não desenhados (offsets %1 a %2).</numerusform>
        </translation>
    </message>
    <message>
        <source>HW = %1</source>
        <translation>HW = %1</translation>
    </message>
    <message>
        <source>Committed offset of group %1: %2</source>
        <translation>Offset confirmado (committed) do grupo %1: %2</translation>
    </message>
    <message>
        <source>◀ 12 or ◁ 12 at a row&apos;s left edge: the position or the committed offset (12) is before the records drawn in that row.</source>
        <translation>◀ 12 ou ◁ 12 na borda esquerda de uma linha: a posição ou o offset confirmado (committed) (12) está antes dos registos desenhados nessa linha.</translation>
    </message>
    <message>
        <source>It is before the records drawn here (the first one drawn is offset %1).</source>
        <translation>Está antes dos registos desenhados aqui (o primeiro desenhado é o offset %1).</translation>
    </message>
    <message>
        <source>Position of group %1: %2</source>
        <translation>Posição do grupo %1: %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Broker %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Broker %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>It is also the KRaft controller: it elects the partition leaders.</source>
        <translation>É também o controlador KRaft: é ele que elege os líderes das partições.</translation>
    </message>
    <message>
        <source>Key &quot;%1&quot;: murmur2(key) % %2 = %3</source>
        <translation>Chave &quot;%1&quot;: murmur2(chave) % %2 = %3</translation>
    </message>
    <message>
        <source>%1 · lag %2</source>
        <translation>%1 · lag %2</translation>
    </message>
    <message>
        <source>%1 is assigned to %2.</source>
        <translation>%1 está atribuída a %2.</translation>
    </message>
    <message>
        <source>%1 · revoked</source>
        <translation>%1 · revogada</translation>
    </message>
    <message>
        <source>Consumer &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Consumidor &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) from %1 travelling to %2 (grouped at this speed).</source>
        <translation>
            <numerusform>%n registo de %1 a caminho de %2 (agrupados a esta velocidade).</numerusform>
            <numerusform>%n registos de %1 a caminho de %2 (agrupados a esta velocidade).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) from %1 appended to %2.</source>
        <translation>
            <numerusform>%n registo de %1 acrescentado a %2.</numerusform>
            <numerusform>%n registos de %1 acrescentados a %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was revoked from %2: it stops consuming it until the new assignment.</source>
        <translation>%1 foi revogada a %2: deixa de a consumir até à nova atribuição.</translation>
    </message>
    <message>
        <source>Partitions without an owner: revoked in the first phase of the cooperative rebalance, they wait for the follow-up rebalance to get their new owner.</source>
        <translation>Partições sem dono: revogadas na primeira fase do rebalanceamento cooperativo, esperam pelo rebalanceamento seguinte para receberem o novo dono.</translation>
    </message>
    <message>
        <source>Broker %1 holds %2 partition replicas; %3 are drawn (the first by name), %4 are not.</source>
        <translation>O broker %1 tem %2 réplicas de partições; %3 estão desenhadas (as primeiras por nome), %4 não.</translation>
    </message>
    <message>
        <source>Leader: none</source>
        <translation>Leader: none</translation>
    </message>
    <message>
        <source>leader</source>
        <translation>líder</translation>
    </message>
    <message>
        <source>follower</source>
        <translation>seguidora</translation>
    </message>
    <message>
        <source>ISR</source>
        <translation>ISR</translation>
    </message>
    <message>
        <source>out of ISR</source>
        <translation>fora do ISR</translation>
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
        <translation>posição do consumidor</translation>
    </message>
    <message>
        <source>committed offset</source>
        <translation>offset confirmado</translation>
    </message>
    <message>
        <source>LEO (log end)</source>
        <translation>LEO (fim do log)</translation>
    </message>
    <message>
        <source>HW (high watermark)</source>
        <translation>HW (high watermark)</translation>
    </message>
    <message>
        <source>colour = record key</source>
        <translation>cor = chave do registo</translation>
    </message>
    <message>
        <source>above the HW</source>
        <translation>acima do HW (por confirmar)</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legenda</translation>
    </message>
    <message>
        <source>▲ filled: the position of a consumer group (next offset it reads).&lt;br&gt;△ hollow: the group&apos;s committed offset.&lt;br&gt;</source>
        <translation>▲ cheio: a posição de um grupo de consumidores (o próximo offset que lê).&lt;br&gt;△ vazio: o offset confirmado (committed) do grupo.&lt;br&gt;</translation>
    </message>
    <message>
        <source>Scroll with the mouse wheel over the brokers to see the others; kafka-topics.sh --describe in the terminal lists every partition.</source>
        <translation>Role a roda do rato sobre os brokers para ver as restantes; kafka-topics.sh --describe no terminal lista todas as partições.</translation>
    </message>
    <message>
        <source>HW = %1, log start offset = %2</source>
        <translation>HW = %1, offset de início do registo = %2</translation>
    </message>
    <message>
        <source>This follower&apos;s log end offset is not visible on a real cluster (no replica fetch state).</source>
        <translation>O LEO desta réplica seguidora não é visível num cluster real (sem estado de fetch das réplicas).</translation>
    </message>
    <message>
        <source>HW %1</source>
        <translation>HW %1</translation>
    </message>
    <message>
        <source>negative lag: committed past the end</source>
        <translation>lag negativo: confirmado além do fim</translation>
    </message>
    <message>
        <source>+N: older records not drawn</source>
        <translation>+N: registos antigos não desenhados</translation>
    </message>
    <message>
        <source>A purple lag badge: a negative lag, the group&apos;s committed offset is past the partition&apos;s end (as kafka-consumer-groups prints it, e.g. after an unclean leader election truncated the log).</source>
        <translation>Uma etiqueta de lag roxa: lag negativo, o offset confirmado do grupo está além do fim da partição (como o kafka-consumer-groups o mostra, por exemplo depois de uma eleição de líder não limpa ter truncado o log).</translation>
    </message>
    <message>
        <source>position / committed offset before the drawn cells</source>
        <translation>posição / offset confirmado antes das células desenhadas</translation>
    </message>
    <message>
        <source>log start %1</source>
        <translation>início do log %1</translation>
    </message>
    <message>
        <source>Log start offset %1: offsets 0 to %2 no longer exist (their segments were deleted). Offsets are never renumbered: the first record is still offset %1.</source>
        <translation>Offset inicial do log %1: os offsets 0 a %2 já não existem (os seus segmentos foram apagados). Os offsets nunca são renumerados: o primeiro registo continua a ser o offset %1.</translation>
    </message>
    <message>
        <source>Partitions without an owner: their member left the group. No second rebalance is needed: nothing was taken from a member that stays, so the rebalance that follows the departure assigns them.</source>
        <translation>Partições sem dono: o seu membro saiu do grupo. Não é preciso um segundo rebalanceamento: nada foi retirado a um membro que fica, por isso o rebalanceamento que se segue à saída atribui-as.</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n more partition(s) assigned (not drawn); the Consumer groups tab and kafka-consumer-groups.sh --describe list them all.</source>
        <translation>
            <numerusform>%1 tem mais %n partição atribuída (não desenhada); o separador Grupos de consumidores e kafka-consumer-groups.sh --describe listam-nas todas.</numerusform>
            <numerusform>%1 tem mais %n partições atribuídas (não desenhadas); o separador Grupos de consumidores e kafka-consumer-groups.sh --describe listam-nas todas.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · lost</source>
        <translation>%1 · perdida</translation>
    </message>
    <message>
        <source>%1 was lost by %2: it was no longer a member of the group (it left, or the coordinator no longer knew it), so its next poll() called onPartitionsLost, not onPartitionsRevoked, and it rejoins as a new member.</source>
        <translation>%1 foi perdida por %2: já não era membro do grupo (saiu, ou o coordenador já não o conhecia), por isso o poll() seguinte chamou onPartitionsLost, e não onPartitionsRevoked, e volta a entrar como membro novo.</translation>
    </message>
</context>
<context>
    <name>ErrorTexts</name>
    <message>
        <source>the file cannot be opened (does it exist, and may it be read?)</source>
        <translation>não é possível abrir o ficheiro (existe? pode ser lido?)</translation>
    </message>
    <message>
        <source>the file is empty; a scenario is a JSON object (see the scenarios of the gallery)</source>
        <translation>o ficheiro está vazio; um cenário é um objeto JSON (veja os cenários da galeria)</translation>
    </message>
    <message>
        <source>the file is not valid JSON: the error is at column %1 of this line</source>
        <translation>o ficheiro não é JSON válido: o erro está na coluna %1 desta linha</translation>
    </message>
    <message>
        <source>the file is not valid JSON</source>
        <translation>o ficheiro não é JSON válido</translation>
    </message>
    <message>
        <source>a number is too large for JSON (beyond a double)</source>
        <translation>um número é grande demais para JSON (ultrapassa um double)</translation>
    </message>
    <message>
        <source>the required field &quot;%1&quot; is missing</source>
        <translation>falta o campo obrigatório &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; does not exist here (a typo?)</source>
        <translation>o campo &quot;%1&quot; não existe aqui (engano na escrita?)</translation>
    </message>
    <message>
        <source>expected a text in quotes, found %1</source>
        <translation>esperava-se um texto entre aspas, encontrou-se %1</translation>
    </message>
    <message>
        <source>expected an integer, found %1</source>
        <translation>esperava-se um número inteiro, encontrou-se %1</translation>
    </message>
    <message>
        <source>expected a number, found %1</source>
        <translation>esperava-se um número, encontrou-se %1</translation>
    </message>
    <message>
        <source>expected true or false, found %1</source>
        <translation>esperava-se true ou false, encontrou-se %1</translation>
    </message>
    <message>
        <source>expected a duration such as &quot;250ms&quot;, &quot;30s&quot;, &quot;5m&quot; or a number of milliseconds, found %1</source>
        <translation>esperava-se uma duração como &quot;250ms&quot;, &quot;30s&quot;, &quot;5m&quot; ou um número de milissegundos, encontrou-se %1</translation>
    </message>
    <message>
        <source>expected an object {...}, found %1</source>
        <translation>esperava-se um objeto {...}, encontrou-se %1</translation>
    </message>
    <message>
        <source>expected a list [...], found %1</source>
        <translation>esperava-se uma lista [...], encontrou-se %1</translation>
    </message>
    <message>
        <source>expected a list that is not empty, found %1</source>
        <translation>esperava-se uma lista não vazia, encontrou-se %1</translation>
    </message>
    <message>
        <source>expected a non-empty list of texts, found %1</source>
        <translation>esperava-se uma lista não vazia de textos, encontrou-se %1</translation>
    </message>
    <message>
        <source>expected a non-empty list of topic names, found %1</source>
        <translation>esperava-se uma lista não vazia de nomes de tópicos, encontrou-se %1</translation>
    </message>
    <message>
        <source>expected an object of config names and their values, found %1</source>
        <translation>esperava-se um objeto com nomes de configurações e os seus valores, encontrou-se %1</translation>
    </message>
    <message>
        <source>a config value is a text, an integer or true/false, found %1</source>
        <translation>o valor de uma configuração é um texto, um inteiro ou true/false, encontrou-se %1</translation>
    </message>
    <message>
        <source>%1 is out of range: it must be between %2 and %3</source>
        <translation>%1 está fora do intervalo: tem de estar entre %2 e %3</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>não pode estar vazio</translation>
    </message>
    <message>
        <source>the duration must be positive (found %1 ms)</source>
        <translation>a duração tem de ser positiva (encontrou-se %1 ms)</translation>
    </message>
    <message>
        <source>the group id must not be empty</source>
        <translation>o id do grupo não pode estar vazio</translation>
    </message>
    <message>
        <source>unknown key distribution &quot;%1&quot; (use none, uniform, zipf, sequence or list)</source>
        <translation>distribuição de chaves desconhecida &quot;%1&quot; (use none, uniform, zipf, sequence ou list)</translation>
    </message>
    <message>
        <source>the list distribution needs a list of keys</source>
        <translation>a distribuição list precisa de uma lista de chaves</translation>
    </message>
    <message>
        <source>acks is &quot;%1&quot;; it must be 0, 1, all or -1</source>
        <translation>acks é &quot;%1&quot;; tem de ser 0, 1, all ou -1</translation>
    </message>
    <message>
        <source>partitioner is &quot;%1&quot;; it must be &quot;sticky&quot; or &quot;round_robin&quot;</source>
        <translation>partitioner é &quot;%1&quot;; tem de ser &quot;sticky&quot; ou &quot;round_robin&quot;</translation>
    </message>
    <message>
        <source>unknown assignor &quot;%1&quot; (use range, roundrobin, sticky or cooperative-sticky)</source>
        <translation>atribuidor desconhecido &quot;%1&quot; (use range, roundrobin, sticky ou cooperative-sticky)</translation>
    </message>
    <message>
        <source>auto_offset_reset is &quot;%1&quot;; it must be earliest, latest or none</source>
        <translation>auto_offset_reset é &quot;%1&quot;; tem de ser earliest, latest ou none</translation>
    </message>
    <message>
        <source>heartbeat.interval.ms must be lower than session.timeout.ms</source>
        <translation>heartbeat.interval.ms tem de ser menor do que session.timeout.ms</translation>
    </message>
    <message>
        <source>FluxoLab does not simulate the broker config &quot;%1&quot;</source>
        <translation>o FluxoLab não simula a configuração de broker &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the topic &quot;%1&quot; is not declared under &quot;topics&quot;</source>
        <translation>o tópico &quot;%1&quot; não está declarado em &quot;topics&quot;</translation>
    </message>
    <message>
        <source>unknown action &quot;%1&quot; (use stop_broker, crash_broker, start_broker, add_consumer, remove_consumer, crash_consumer, pause_consumer, alter_partitions, create_topic, delete_topic, producer_rate or elect_preferred_leaders)</source>
        <translation>ação desconhecida &quot;%1&quot; (use stop_broker, crash_broker, start_broker, add_consumer, remove_consumer, crash_consumer, pause_consumer, alter_partitions, create_topic, delete_topic, producer_rate ou elect_preferred_leaders)</translation>
    </message>
    <message>
        <source>&quot;terminal&quot; must be an object (the terminal&apos;s commands, as FluxoLab saves them), found %1</source>
        <translation>&quot;terminal&quot; tem de ser um objeto (os comandos do terminal, como o FluxoLab os guarda), encontrou-se %1</translation>
    </message>
    <message>
        <source>the terminal&apos;s commands saved in the file cannot be replayed (%1)</source>
        <translation>não é possível repetir os comandos do terminal guardados no ficheiro (%1)</translation>
    </message>
    <message>
        <source>time_format is &quot;%1&quot;; it must be auto, epoch-ms, epoch-s, iso or sql</source>
        <translation>time_format é &quot;%1&quot;; tem de ser auto, epoch-ms, epoch-s, iso ou sql</translation>
    </message>
    <message>
        <source>pacing is &quot;%1&quot;; it must be &quot;arrival&quot; (the arrival column) or &quot;event_time&quot;</source>
        <translation>pacing é &quot;%1&quot;; tem de ser &quot;arrival&quot; (a coluna de chegada) ou &quot;event_time&quot;</translation>
    </message>
    <message>
        <source>pacing by arrival needs the &quot;arrival&quot; column (or use &quot;pacing&quot;: &quot;event_time&quot;)</source>
        <translation>o ritmo pela chegada precisa da coluna &quot;arrival&quot; (ou use &quot;pacing&quot;: &quot;event_time&quot;)</translation>
    </message>
    <message>
        <source>two stream jobs are called &quot;%1&quot;</source>
        <translation>há dois jobs de stream chamados &quot;%1&quot;</translation>
    </message>
    <message>
        <source>event_time is &quot;%1&quot;; it must be &quot;timestamp&quot; or &quot;field:NAME&quot;</source>
        <translation>event_time é &quot;%1&quot;; tem de ser &quot;timestamp&quot; ou &quot;field:NOME&quot;</translation>
    </message>
    <message>
        <source>Kafka would refuse it: %1 (%2)</source>
        <translation>O Kafka recusá-lo-ia: %1 (%2)</translation>
    </message>
    <message>
        <source>unexpected error: %1</source>
        <translation>erro inesperado: %1</translation>
    </message>
    <message>
        <source>Line %1, at %2: %3</source>
        <translation>Linha %1, em %2: %3</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Linha %1: %2</translation>
    </message>
    <message>
        <source>At %1: %2</source>
        <translation>Em %1: %2</translation>
    </message>
    <message>
        <source>the watermark is &quot;%1&quot;; it must be bounded:DURATION, sql:DURATION or monotonous (for example bounded:5s)</source>
        <translation>a watermark é &quot;%1&quot;; tem de ser bounded:DURAÇÃO, sql:DURAÇÃO ou monotonous (por exemplo bounded:5s)</translation>
    </message>
    <message>
        <source>the window is &quot;%1&quot;; it must be tumble:SIZE, hop:SLIDE,SIZE, session:GAP or cumulate:STEP,SIZE with positive durations (for example tumble:60s)</source>
        <translation>a janela é &quot;%1&quot;; tem de ser tumble:TAMANHO, hop:DESLIZE,TAMANHO, session:INTERVALO ou cumulate:PASSO,TAMANHO com durações positivas (por exemplo tumble:60s)</translation>
    </message>
    <message>
        <source>the aggregate is &quot;%1&quot;; it must be count, or sum, min, max, avg or collect with a field (for example sum:valor)</source>
        <translation>a agregação é &quot;%1&quot;; tem de ser count, ou sum, min, max, avg ou collect com um campo (por exemplo sum:valor)</translation>
    </message>
    <message>
        <source>watermark_interval is &quot;%1&quot;; it must be per-event or a positive duration</source>
        <translation>watermark_interval é &quot;%1&quot;; tem de ser per-event ou uma duração positiva</translation>
    </message>
    <message>
        <source>the stream job&apos;s settings do not go together: %1</source>
        <translation>as definições do job de stream não são compatíveis entre si: %1</translation>
    </message>
    <message>
        <source>the file is not valid JSON: %1</source>
        <translation>o ficheiro não é JSON válido: %1</translation>
    </message>
    <message>
        <source>the file cannot be read (does it exist, and may it be read?)</source>
        <translation>não é possível ler o ficheiro (existe? pode ser lido?)</translation>
    </message>
    <message>
        <source>the labs folder cannot be listed: %1</source>
        <translation>não é possível listar a pasta dos laboratórios: %1</translation>
    </message>
    <message>
        <source>another lab file already uses the id &quot;%1&quot;</source>
        <translation>outro ficheiro de laboratório já usa o id &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the required property &quot;%1&quot; is missing</source>
        <translation>falta a propriedade obrigatória &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected a text in quotes</source>
        <translation>esperava-se um texto entre aspas</translation>
    </message>
    <message>
        <source>expected an integer</source>
        <translation>esperava-se um número inteiro</translation>
    </message>
    <message>
        <source>must be between %1 and %2</source>
        <translation>tem de estar entre %1 e %2</translation>
    </message>
    <message>
        <source>expected an object with the texts &quot;pt&quot; and &quot;en&quot;</source>
        <translation>esperava-se um objeto com os textos &quot;pt&quot; e &quot;en&quot;</translation>
    </message>
    <message>
        <source>unknown language &quot;%1&quot; (use &quot;pt&quot; and &quot;en&quot;)</source>
        <translation>língua desconhecida &quot;%1&quot; (use &quot;pt&quot; e &quot;en&quot;)</translation>
    </message>
    <message>
        <source>the property &quot;%1&quot; does not exist here (a typo?)</source>
        <translation>a propriedade &quot;%1&quot; não existe aqui (um erro de escrita?)</translation>
    </message>
    <message>
        <source>a check must be an object</source>
        <translation>uma verificação tem de ser um objeto</translation>
    </message>
    <message>
        <source>checks are nested too deeply (at most %1 levels)</source>
        <translation>as verificações estão encaixadas em demasiados níveis (no máximo %1)</translation>
    </message>
    <message>
        <source>unknown check type &quot;%1&quot;</source>
        <translation>tipo de verificação desconhecido: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected a list of texts in quotes</source>
        <translation>esperava-se uma lista de textos entre aspas</translation>
    </message>
    <message>
        <source>expected a non-empty list of checks</source>
        <translation>esperava-se uma lista de verificações não vazia</translation>
    </message>
    <message>
        <source>the check &quot;%1&quot; needs the property &quot;%2&quot;</source>
        <translation>a verificação &quot;%1&quot; precisa da propriedade &quot;%2&quot;</translation>
    </message>
    <message>
        <source>a setup action must be an object</source>
        <translation>uma ação de preparação tem de ser um objeto</translation>
    </message>
    <message>
        <source>unknown setup action &quot;%1&quot;</source>
        <translation>ação de preparação desconhecida: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation>esperava-se uma lista</translation>
    </message>
    <message>
        <source>a record must be an object with &quot;value&quot; (and optionally &quot;key&quot;)</source>
        <translation>um registo tem de ser um objeto com &quot;value&quot; (e, opcionalmente, &quot;key&quot;)</translation>
    </message>
    <message>
        <source>a lab file must be a JSON object</source>
        <translation>um ficheiro de laboratório tem de ser um objeto JSON</translation>
    </message>
    <message>
        <source>the id &quot;%1&quot; may only use lower-case letters, digits and &quot;-&quot;</source>
        <translation>o id &quot;%1&quot; só pode usar letras minúsculas, algarismos e &quot;-&quot;</translation>
    </message>
    <message>
        <source>the level &quot;%1&quot; must be beginner, intermediate or advanced</source>
        <translation>o nível &quot;%1&quot; tem de ser beginner, intermediate ou advanced</translation>
    </message>
    <message>
        <source>expected a non-empty list</source>
        <translation>esperava-se uma lista não vazia</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>esperava-se um objeto</translation>
    </message>
    <message>
        <source>a step must be an object</source>
        <translation>um passo tem de ser um objeto</translation>
    </message>
    <message>
        <source>the step id &quot;%1&quot; is used twice</source>
        <translation>o id de passo &quot;%1&quot; está repetido</translation>
    </message>
    <message>
        <source>the topic name &quot;%1&quot; is not valid; Kafka says: %2</source>
        <translation>o nome de tópico &quot;%1&quot; não é válido; o Kafka diz: %2</translation>
    </message>
    <message>
        <source>a replication factor of %1 needs %1 brokers, and the lab&apos;s cluster has %2 (/cluster/brokers); Kafka says: %3</source>
        <translation>um fator de replicação %1 precisa de %1 brokers e o cluster do laboratório tem %2 (/cluster/brokers); o Kafka diz: %3</translation>
    </message>
    <message>
        <source>unknown group state &quot;%1&quot; (Empty, PreparingRebalance, CompletingRebalance, Stable or Dead)</source>
        <translation>estado de grupo desconhecido: &quot;%1&quot; (Empty, PreparingRebalance, CompletingRebalance, Stable ou Dead)</translation>
    </message>
    <message>
        <source>unknown command kind &quot;%1&quot;</source>
        <translation>tipo de comando desconhecido: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>a command_run takes only &quot;state&quot;: &quot;Stable&quot;, with the kind consumer-groups.describe (a describe that showed a stable group); here it is &quot;%1&quot;</source>
        <translation>um command_run só aceita &quot;state&quot;: &quot;Stable&quot;, com o tipo consumer-groups.describe (um describe que mostrou um grupo estável); aqui é &quot;%1&quot;</translation>
    </message>
    <message>
        <source>firing must be on-time or late-update, not &quot;%1&quot;</source>
        <translation>firing tem de ser on-time ou late-update, e não &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the topic &quot;%1&quot; does not exist in the scenario</source>
        <translation>o tópico &quot;%1&quot; não existe no cenário</translation>
    </message>
    <message>
        <source>the event time is read from the value, but the name of its field is missing</source>
        <translation>o tempo do evento é lido do valor, mas falta o nome do seu campo</translation>
    </message>
    <message>
        <source>the topic &quot;%1&quot; cannot be read by this job (%2)</source>
        <translation>este job não consegue ler o tópico &quot;%1&quot; (%2)</translation>
    </message>
    <message>
        <source>the parallelism is %1; it must be between 1 and 8</source>
        <translation>o paralelismo é %1; tem de estar entre 1 e 8</translation>
    </message>
    <message>
        <source>the number of partitions is %1; it must be between 1 and 1024</source>
        <translation>o número de partições é %1; tem de estar entre 1 e 1024</translation>
    </message>
    <message>
        <source>the allowed lateness is %1 ms; it must not be negative</source>
        <translation>o atraso permitido é %1 ms; não pode ser negativo</translation>
    </message>
    <message>
        <source>Flink SQL window aggregations have no allowed lateness (late rows are dropped); it is %1 ms here</source>
        <translation>as agregações por janela do Flink SQL não têm atraso permitido (as linhas atrasadas são descartadas); aqui é %1 ms</translation>
    </message>
    <message>
        <source>the watermark bound is %1 ms; it must not be negative</source>
        <translation>o limite da watermark é %1 ms; não pode ser negativo</translation>
    </message>
    <message>
        <source>the watermark interval is %1 ms; it must be positive (or per-event)</source>
        <translation>o intervalo das watermarks é %1 ms; tem de ser positivo (ou per-event)</translation>
    </message>
    <message>
        <source>the idle timeout is %1 ms; it must not be negative</source>
        <translation>o tempo de inatividade é %1 ms; não pode ser negativo</translation>
    </message>
    <message>
        <source>the window size is %1 ms; it must be positive</source>
        <translation>o tamanho da janela é %1 ms; tem de ser positivo</translation>
    </message>
    <message>
        <source>the window offset is %1 ms; Flink&apos;s TumblingEventTimeWindows needs abs(offset) &lt; size (%2 ms)</source>
        <translation>o desvio da janela é %1 ms; as TumblingEventTimeWindows do Flink exigem abs(offset) &lt; size (%2 ms)</translation>
    </message>
    <message>
        <source>the window size (%1 ms) and slide (%2 ms) must be positive</source>
        <translation>o tamanho da janela (%1 ms) e o deslize (%2 ms) têm de ser positivos</translation>
    </message>
    <message>
        <source>the window offset is %1 ms; Flink&apos;s SlidingEventTimeWindows needs abs(offset) &lt; slide (%2 ms)</source>
        <translation>o desvio da janela é %1 ms; as SlidingEventTimeWindows do Flink exigem abs(offset) &lt; slide (%2 ms)</translation>
    </message>
    <message>
        <source>Flink SQL&apos;s HOP needs the size to be a multiple of the slide; here the size is %1 ms and the slide %2 ms</source>
        <translation>o HOP do Flink SQL exige que o tamanho seja múltiplo do deslize; aqui o tamanho é %1 ms e o deslize %2 ms</translation>
    </message>
    <message>
        <source>a sliding window of size %1 ms and slide %2 ms puts every element in %3 windows; FluxoLab builds at most %4 per element</source>
        <translation>uma janela deslizante de tamanho %1 ms e deslize %2 ms põe cada elemento em %3 janelas; o FluxoLab constrói no máximo %4 por elemento</translation>
    </message>
    <message>
        <source>the session gap is %1 ms; it must be positive</source>
        <translation>o intervalo da sessão é %1 ms; tem de ser positivo</translation>
    </message>
    <message>
        <source>session windows have no offset (it is %1 ms here)</source>
        <translation>as janelas de sessão não têm desvio (aqui é %1 ms)</translation>
    </message>
    <message>
        <source>the cumulate window&apos;s size (%1 ms) and step (%2 ms) must be positive</source>
        <translation>o tamanho (%1 ms) e o passo (%2 ms) da janela cumulativa têm de ser positivos</translation>
    </message>
    <message>
        <source>the cumulate window&apos;s size (%1 ms) must be a multiple of its step (%2 ms)</source>
        <translation>o tamanho da janela cumulativa (%1 ms) tem de ser múltiplo do seu passo (%2 ms)</translation>
    </message>
    <message>
        <source>a cumulate window of size %1 ms and step %2 ms puts every element in %3 windows; FluxoLab builds at most %4 per element</source>
        <translation>uma janela cumulativa de tamanho %1 ms e passo %2 ms põe cada elemento em %3 janelas; o FluxoLab constrói no máximo %4 por elemento</translation>
    </message>
    <message>
        <source>the window offset is %1 ms; it must satisfy abs(offset) &lt; size (%2 ms)</source>
        <translation>o desvio da janela é %1 ms; tem de cumprir abs(offset) &lt; size (%2 ms)</translation>
    </message>
    <message>
        <source>--help shows the options; it is not a run to show</source>
        <translation>--help mostra as opções; não é uma execução para mostrar</translation>
    </message>
    <message>
        <source>only one trace file can be given (&quot;%1&quot; and &quot;%2&quot; were)</source>
        <translation>só se pode indicar um ficheiro de traço (foram indicados &quot;%1&quot; e &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>the option %1 does not exist (see fluxolab-cli replay --help)</source>
        <translation>a opção %1 não existe (veja fluxolab-cli replay --help)</translation>
    </message>
    <message>
        <source>the option %1 needs a value after it</source>
        <translation>a opção %1 precisa de um valor a seguir</translation>
    </message>
    <message>
        <source>%1 is given twice (&quot;%2&quot; and &quot;%3&quot;): give it once</source>
        <translation>%1 aparece duas vezes (&quot;%2&quot; e &quot;%3&quot;): indique-a só uma vez</translation>
    </message>
    <message>
        <source>--watermark monotonous takes no bound (&quot;%1&quot; was given)</source>
        <translation>--watermark monotonous não leva limite (foi indicado &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>--watermark %1 needs a bound, for example %1:5s</source>
        <translation>--watermark %1 precisa de um limite, por exemplo %1:5s</translation>
    </message>
    <message>
        <source>--watermark &quot;%1&quot; is not a strategy (%2)</source>
        <translation>--watermark &quot;%1&quot; não é uma estratégia (%2)</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a duration (for example %3)</source>
        <translation>%1: &quot;%2&quot; não é uma duração (por exemplo %3)</translation>
    </message>
    <message>
        <source>--watermark-interval must be positive, or per-event</source>
        <translation>--watermark-interval tem de ser positivo, ou per-event</translation>
    </message>
    <message>
        <source>--parallelism is &quot;%1&quot;; it must be an integer from 1 to 8</source>
        <translation>--parallelism é &quot;%1&quot;; tem de ser um inteiro de 1 a 8</translation>
    </message>
    <message>
        <source>--partitions is &quot;%1&quot;; it must be an integer from 1 to 1024</source>
        <translation>--partitions é &quot;%1&quot;; tem de ser um inteiro de 1 a 1024</translation>
    </message>
    <message>
        <source>--window %1 needs two durations, for example %1:10s,60s</source>
        <translation>--window %1 precisa de duas durações, por exemplo %1:10s,60s</translation>
    </message>
    <message>
        <source>--window &quot;%1&quot; is not a window (%2)</source>
        <translation>--window &quot;%1&quot; não é uma janela (%2)</translation>
    </message>
    <message>
        <source>--window-time is &quot;%1&quot;; it must be event or processing</source>
        <translation>--window-time é &quot;%1&quot;; tem de ser event ou processing</translation>
    </message>
    <message>
        <source>--late is &quot;%1&quot;; it must be side-output or drop</source>
        <translation>--late é &quot;%1&quot;; tem de ser side-output ou drop</translation>
    </message>
    <message>
        <source>--agg count takes no field (&quot;%1&quot; was given)</source>
        <translation>--agg count não leva campo (foi indicado &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>--agg &quot;%1&quot; is not an aggregate (%2)</source>
        <translation>--agg &quot;%1&quot; não é uma agregação (%2)</translation>
    </message>
    <message>
        <source>--agg %1 needs a field, for example %1:valor</source>
        <translation>--agg %1 precisa de um campo, por exemplo %1:valor</translation>
    </message>
    <message>
        <source>--process &quot;%1&quot; is not a function (%2)</source>
        <translation>--process &quot;%1&quot; não é uma função (%2)</translation>
    </message>
    <message>
        <source>--process inactivity needs a positive timeout (&quot;%1&quot; was given)</source>
        <translation>--process inactivity precisa de um tempo limite positivo (foi indicado &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>--lang is &quot;%1&quot;; it must be pt or en</source>
        <translation>--lang é &quot;%1&quot;; tem de ser pt ou en</translation>
    </message>
    <message>
        <source>--checkpoint-interval must be positive</source>
        <translation>--checkpoint-interval tem de ser positivo</translation>
    </message>
    <message>
        <source>--crash-at is &quot;%1&quot;; it needs the number of elements read before the crash (1 or more)</source>
        <translation>--crash-at é &quot;%1&quot;; precisa do número de elementos lidos antes da falha (1 ou mais)</translation>
    </message>
    <message>
        <source>--time-format is &quot;%1&quot;; it must be %2</source>
        <translation>--time-format é &quot;%1&quot;; tem de ser %2</translation>
    </message>
    <message>
        <source>--format is &quot;%1&quot;; it must be csv or jsonl</source>
        <translation>--format é &quot;%1&quot;; tem de ser csv ou jsonl</translation>
    </message>
    <message>
        <source>--delimiter is &quot;%1&quot;; it must be &apos;,&apos; or &apos;;&apos;</source>
        <translation>--delimiter é &quot;%1&quot;; tem de ser &apos;,&apos; ou &apos;;&apos;</translation>
    </message>
    <message>
        <source>--on-error is &quot;%1&quot;; it must be fail or skip</source>
        <translation>--on-error é &quot;%1&quot;; tem de ser fail ou skip</translation>
    </message>
    <message>
        <source>the trace file to read is missing</source>
        <translation>falta o ficheiro de traço a ler</translation>
    </message>
    <message>
        <source>--process and --window exclude each other: give one of them</source>
        <translation>--process e --window excluem-se: indique só um deles</translation>
    </message>
    <message>
        <source>--idle-timeout 0: Flink&apos;s withIdleness refuses 0; leave the option out for no idleness</source>
        <translation>--idle-timeout 0: o withIdleness do Flink recusa 0; para não haver inatividade, omita a opção</translation>
    </message>
    <message>
        <source>--crash-at needs --checkpoint-interval: without checkpoints Flink does not restart a failed job (restart-strategy none), so there is nothing to recover</source>
        <translation>--crash-at precisa de --checkpoint-interval: sem checkpoints o Flink não reinicia um job que falhou (restart-strategy none), por isso não há nada a recuperar</translation>
    </message>
    <message>
        <source>--watermark is required (%1)</source>
        <translation>falta --watermark (%1)</translation>
    </message>
    <message>
        <source>--window is required (%1)</source>
        <translation>falta --window (%1)</translation>
    </message>
    <message>
        <source>fluxolab-cli replay: %1</source>
        <translation>fluxolab-cli replay: %1</translation>
    </message>
    <message>
        <source>the stream job does not run on the simulation&apos;s clock</source>
        <translation>o job de stream não corre no relógio da simulação</translation>
    </message>
    <message>
        <source>the poll interval is %1 ms; it must be positive</source>
        <translation>o intervalo de poll é %1 ms; tem de ser positivo</translation>
    </message>
    <message>
        <source>the topic &quot;%1&quot; refused the trace&apos;s records (Kafka: %2); %3 were sent before it, the rest of the trace was not sent</source>
        <translation>o tópico &quot;%1&quot; recusou os registos do traço (Kafka: %2); %3 foram enviados antes disso, o resto do traço não foi enviado</translation>
    </message>
    <message>
        <source>--source is &quot;%1&quot;; it must be bounded or open</source>
        <translation>--source é &quot;%1&quot;; tem de ser bounded ou open</translation>
    </message>
    <message>
        <source>no &quot;%1&quot; text: every text a student reads must be given in &quot;pt&quot; and &quot;en&quot;, neither empty</source>
        <translation>falta o texto &quot;%1&quot;: cada texto que o aluno lê tem de existir em &quot;pt&quot; e em &quot;en&quot;, nenhum vazio</translation>
    </message>
    <message numerus="yes">
        <source>At most %1 partitions with %n configs: a topic&apos;s metadata records may not exceed %2.</source>
        <translation>
            <numerusform>No máximo %1 partições com %n configuração: os registos de metadados de um tópico não podem passar de %2.</numerusform>
            <numerusform>No máximo %1 partições com %n configurações: os registos de metadados de um tópico não podem passar de %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>the stream job reads %1, but the topic &quot;%2&quot; has %3</source>
        <translation>o job de stream lê %1, mas o tópico &quot;%2&quot; tem %3</translation>
    </message>
    <message numerus="yes">
        <source>%n splits of &quot;%1&quot;</source>
        <translation>
            <numerusform>%n split de &quot;%1&quot;</numerusform>
            <numerusform>%n splits de &quot;%1&quot;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n partitions</source>
        <translation>
            <numerusform>%n partição</numerusform>
            <numerusform>%n partições</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n records of the trace were not delivered to the topic &quot;%1&quot; (Kafka: %2; the first on partition %3): the producer gave them up</source>
        <translation>
            <numerusform>%n registo do traço não foi entregue ao tópico &quot;%1&quot; (Kafka: %2; na partição %3): o produtor desistiu dele</numerusform>
            <numerusform>%n registos do traço não foram entregues ao tópico &quot;%1&quot; (Kafka: %2; o primeiro na partição %3): o produtor desistiu deles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n records of the trace were not delivered to the topic &quot;%1&quot; (Kafka: %2): the producer gave them up</source>
        <translation>
            <numerusform>%n registo do traço não foi entregue ao tópico &quot;%1&quot; (Kafka: %2): o produtor desistiu dele</numerusform>
            <numerusform>%n registos do traço não foram entregues ao tópico &quot;%1&quot; (Kafka: %2): o produtor desistiu deles</numerusform>
        </translation>
    </message>
    <message>
        <source>Kafka&apos;s producer would refuse these settings when it is created (ConfigException): %1</source>
        <translation>o produtor do Kafka recusaria estas definições ao ser criado (ConfigException): %1</translation>
    </message>
    <message numerus="yes">
        <source>%n records of the trace were not delivered to the topic &quot;%1&quot; (Kafka: %2; the first on partition %3): each record carries its event time as its timestamp, and the broker refuses timestamps more than message.timestamp.after.max.ms (3600000 ms, one hour, by default) ahead of its clock, which does not run at the trace&apos;s dates. Create the topic with --config message.timestamp.after.max.ms=1000000000000000, as the scenario sensores-no-topico does.</source>
        <translation>
            <numerusform>%n registo do traço não foi entregue ao tópico &quot;%1&quot; (Kafka: %2; na partição %3): cada registo leva o seu event time como timestamp, e o broker recusa timestamps mais de message.timestamp.after.max.ms (3600000 ms, uma hora, por omissão) à frente do seu relógio, que não está nas datas do traço. Crie o tópico com --config message.timestamp.after.max.ms=1000000000000000, como faz o cenário sensores-no-topico.</numerusform>
            <numerusform>%n registos do traço não foram entregues ao tópico &quot;%1&quot; (Kafka: %2; o primeiro na partição %3): cada registo leva o seu event time como timestamp, e o broker recusa timestamps mais de message.timestamp.after.max.ms (3600000 ms, uma hora, por omissão) à frente do seu relógio, que não está nas datas do traço. Crie o tópico com --config message.timestamp.after.max.ms=1000000000000000, como faz o cenário sensores-no-topico.</numerusform>
        </translation>
    </message>
    <message>
        <source>the trace %1 changed while it was replayed</source>
        <translation>o traço %1 mudou enquanto era reproduzido</translation>
    </message>
    <message>
        <source>%1:%2: the partition %3 is not below --partitions %4</source>
        <translation>%1:%2: a partição %3 não é menor do que --partitions %4</translation>
    </message>
    <message>
        <source>the temporary file for the late elements could not be written</source>
        <translation>não foi possível escrever o ficheiro temporário dos elementos atrasados</translation>
    </message>
    <message>
        <source>skipped %1</source>
        <translation>ignorado %1</translation>
    </message>
    <message>
        <source>%1 bad record(s) skipped (--on-error skip):</source>
        <translation>%1 registo(s) inválido(s) ignorado(s) (--on-error skip):</translation>
    </message>
    <message>
        <source>... and %1 more</source>
        <translation>... e mais %1</translation>
    </message>
    <message>
        <source>%1 late element(s) dropped (numLateRecordsDropped)</source>
        <translation>%1 elemento(s) atrasado(s) descartado(s) (numLateRecordsDropped)</translation>
    </message>
    <message>
        <source>--crash-at %1: the trace has only %2 element(s), so the job did not crash</source>
        <translation>--crash-at %1: o trace só tem %2 elemento(s), por isso o job não falhou</translation>
    </message>
    <message>
        <source>note: without --arrival-field processing time does not advance, so no key is silent for the timeout while the input lasts; the alerts come only after its end</source>
        <translation>nota: sem --arrival-field o tempo de processamento não avança, por isso nenhuma chave fica em silêncio durante o timeout enquanto a entrada dura; os alertas só chegam depois do fim dela</translation>
    </message>
    <message>
        <source>note: without --arrival-field processing time does not advance, so the inactivity timers never fire (the end of the input drops them)</source>
        <translation>nota: sem --arrival-field o tempo de processamento não avança, por isso os timers de inatividade nunca disparam (o fim da entrada descarta-os)</translation>
    </message>
    <message>
        <source>note: without --arrival-field processing time does not advance, so processing-time windows never fire</source>
        <translation>nota: sem --arrival-field o tempo de processamento não avança, por isso as janelas de tempo de processamento nunca disparam</translation>
    </message>
    <message>
        <source>note: without --arrival-field processing time does not advance, so the periodic watermark (every %1 ms of processing time) never moves before the end of the input, where the final watermark (MAX) fires the windows; --watermark-interval per-event emits one after every event</source>
        <translation>nota: sem --arrival-field o tempo de processamento não avança, por isso a watermark periódica (a cada %1 ms de tempo de processamento) nunca avança antes do fim da entrada, onde a watermark final (MAX) dispara as janelas; --watermark-interval per-event emite uma depois de cada evento</translation>
    </message>
    <message>
        <source>the consumer &quot;%1&quot; is not declared under &quot;consumers&quot; nor added by an earlier add_consumer action</source>
        <translation>o consumidor &quot;%1&quot; não está declarado em &quot;consumers&quot; nem é acrescentado por uma ação add_consumer anterior</translation>
    </message>
    <message>
        <source>the producer &quot;%1&quot; is not declared under &quot;producers&quot;</source>
        <translation>o produtor &quot;%1&quot; não está declarado em &quot;producers&quot;</translation>
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
        <translation>O grupo existe (pode ter offsets confirmados) mas não tem membros ativos.</translation>
    </message>
    <message>
        <source>A member joined or left: the coordinator waits for every member to send JoinGroup again.</source>
        <translation>Um membro entrou ou saiu: o coordenador espera que todos os membros voltem a enviar JoinGroup.</translation>
    </message>
    <message>
        <source>Everyone rejoined; the leader is computing the assignment and the others wait for SyncGroup.</source>
        <translation>Todos voltaram a entrar; o líder calcula a atribuição e os outros esperam pelo SyncGroup.</translation>
    </message>
    <message>
        <source>Every member has its partitions and is consuming.</source>
        <translation>Todos os membros têm as suas partições e estão a consumir.</translation>
    </message>
    <message>
        <source>The group was deleted.</source>
        <translation>O grupo foi apagado.</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(ainda nenhum)</translation>
    </message>
    <message>
        <source>cooperative (incremental)</source>
        <translation>cooperativo (incremental)</translation>
    </message>
    <message>
        <source>eager (stop-the-world)</source>
        <translation>eager (para tudo)</translation>
    </message>
    <message>
        <source>left the group (LeaveGroup)</source>
        <translation>saiu do grupo (LeaveGroup)</translation>
    </message>
    <message>
        <source>session timeout (no heartbeats)</source>
        <translation>sessão expirada (sem heartbeats)</translation>
    </message>
    <message>
        <source>max.poll.interval.ms exceeded</source>
        <translation>max.poll.interval.ms excedido</translation>
    </message>
    <message>
        <source>did not rejoin in time</source>
        <translation>não voltou a entrar a tempo</translation>
    </message>
    <message>
        <source>fenced</source>
        <translation>isolado (fenced)</translation>
    </message>
    <message>
        <source>no error</source>
        <translation>sem erro</translation>
    </message>
    <message>
        <source>not enough in-sync replicas (NOT_ENOUGH_REPLICAS)</source>
        <translation>réplicas sincronizadas insuficientes (NOT_ENOUGH_REPLICAS)</translation>
    </message>
    <message>
        <source>written, but not enough in-sync replicas (NOT_ENOUGH_REPLICAS_AFTER_APPEND)</source>
        <translation>escrito, mas com réplicas sincronizadas insuficientes (NOT_ENOUGH_REPLICAS_AFTER_APPEND)</translation>
    </message>
    <message>
        <source>the broker is no longer the leader (NOT_LEADER_OR_FOLLOWER)</source>
        <translation>o broker já não é o líder (NOT_LEADER_OR_FOLLOWER)</translation>
    </message>
    <message>
        <source>no leader available (LEADER_NOT_AVAILABLE)</source>
        <translation>nenhum líder disponível (LEADER_NOT_AVAILABLE)</translation>
    </message>
    <message>
        <source>request timed out (REQUEST_TIMED_OUT)</source>
        <translation>o pedido expirou (REQUEST_TIMED_OUT)</translation>
    </message>
    <message>
        <source>network error (NETWORK_EXCEPTION)</source>
        <translation>erro de rede (NETWORK_EXCEPTION)</translation>
    </message>
    <message>
        <source>rebalance in progress (REBALANCE_IN_PROGRESS)</source>
        <translation>rebalanceamento em curso (REBALANCE_IN_PROGRESS)</translation>
    </message>
    <message>
        <source>old generation (ILLEGAL_GENERATION)</source>
        <translation>geração antiga (ILLEGAL_GENERATION)</translation>
    </message>
    <message>
        <source>unknown member (UNKNOWN_MEMBER_ID)</source>
        <translation>membro desconhecido (UNKNOWN_MEMBER_ID)</translation>
    </message>
    <message>
        <source>delivery.timeout.ms expired</source>
        <translation>delivery.timeout.ms expirou</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administração</translation>
    </message>
    <message>
        <source>HW (high watermark): the first offset not yet copied to every replica in the ISR. Consumers only read below the HW; records after it are not committed yet.</source>
        <translation>HW (high watermark): o primeiro offset que ainda não foi copiado para todas as réplicas do ISR. Os consumidores só leem abaixo do HW; os registos a seguir ainda não estão confirmados.</translation>
    </message>
    <message>
        <source>LEO (log end offset): the offset the next record written to this replica will get.</source>
        <translation>LEO (log end offset): o offset que o próximo registo escrito nesta réplica vai receber.</translation>
    </message>
    <message>
        <source>ISR (in-sync replicas): the replicas that are up to date with the leader. Only they can become leader without losing data.</source>
        <translation>ISR (réplicas sincronizadas): as réplicas que estão em dia com o líder. Só elas podem passar a líder sem perder dados.</translation>
    </message>
    <message>
        <source>Lag: how many records the group still has to read, HW minus the committed offset (the LAG column of kafka-consumer-groups).</source>
        <translation>Desfasamento (lag): quantos registos o grupo ainda tem para ler, o HW menos o offset confirmado (a coluna LAG do kafka-consumer-groups).</translation>
    </message>
    <message>
        <source>Generation: a counter the coordinator increments at every rebalance. Commits from an old generation are rejected.</source>
        <translation>Geração: um contador que o coordenador incrementa em cada rebalanceamento. Os commits de uma geração antiga são rejeitados.</translation>
    </message>
    <message>
        <source>Leader replica: receives the writes of producers and serves the reads of consumers.</source>
        <translation>Réplica líder: recebe as escritas dos produtores e serve as leituras dos consumidores.</translation>
    </message>
    <message>
        <source>Follower replica: copies the leader&apos;s log by fetching from it, like a consumer.</source>
        <translation>Réplica seguidora: copia o log do líder pedindo-lhe os registos, como um consumidor.</translation>
    </message>
    <message>
        <source>Log start offset: the oldest offset still stored. Retention deleted everything before it.</source>
        <translation>Offset inicial do log: o offset mais antigo ainda guardado. A retenção apagou tudo o que estava antes.</translation>
    </message>
    <message>
        <source>Leader: none. No replica of the ISR is alive, so the partition can be neither written nor read.</source>
        <translation>Leader: none. Nenhuma réplica do ISR está viva, por isso a partição não pode ser escrita nem lida.</translation>
    </message>
    <message>
        <source>Position: the next offset this consumer will fetch.</source>
        <translation>Posição: o próximo offset que este consumidor vai pedir.</translation>
    </message>
    <message>
        <source>Committed offset: where the group will resume after a rebalance or restart (the next record to read).</source>
        <translation>Offset confirmado (committed): onde o grupo retoma depois de um rebalanceamento ou reinício (o próximo registo a ler).</translation>
    </message>
    <message>
        <source>With a key, the producer picks the partition as murmur2(key) % number of partitions, so the same key always goes to the same partition.</source>
        <translation>Com chave, o produtor escolhe a partição com murmur2(chave) % número de partições, por isso a mesma chave vai sempre para a mesma partição.</translation>
    </message>
    <message>
        <source>Eager rebalance: every consumer gives up all its partitions and stops until the new assignment arrives (stop-the-world).</source>
        <translation>Rebalanceamento eager: todos os consumidores largam todas as partições e param até chegar a nova atribuição (para tudo).</translation>
    </message>
    <message>
        <source>Cooperative rebalance: only the partitions that change owner are revoked, in two phases; the others keep being consumed.</source>
        <translation>Rebalanceamento cooperativo: só as partições que mudam de dono são revogadas, em duas fases; as outras continuam a ser consumidas.</translation>
    </message>
    <message>
        <source>Broker: a Kafka server. It stores replicas of partitions. Right-click to stop or start it.</source>
        <translation>Broker: um servidor Kafka. Guarda réplicas de partições. Clique com o botão direito para o parar ou arrancar.</translation>
    </message>
    <message>
        <source>Producer: an application that writes records to a topic.</source>
        <translation>Produtor: uma aplicação que escreve registos num tópico.</translation>
    </message>
    <message>
        <source>Consumer group: consumers that share the partitions of the topics they read; each partition is read by a single member of the group.</source>
        <translation>Grupo de consumidores: consumidores que dividem entre si as partições dos tópicos que leem; cada partição é lida por um único membro do grupo.</translation>
    </message>
    <message>
        <source>consuming</source>
        <translation>a consumir</translation>
    </message>
    <message>
        <source>no partitions</source>
        <translation>sem partições</translation>
    </message>
    <message>
        <source>stopped: waiting</source>
        <translation>parado: à espera</translation>
    </message>
    <message>
        <source>left the group (does not know yet)</source>
        <translation>saiu do grupo (ainda não sabe)</translation>
    </message>
    <message>
        <source>not calling poll()</source>
        <translation>não chama poll()</translation>
    </message>
    <message>
        <source>A member of the group: it fetches and processes its partitions.</source>
        <translation>Membro do grupo: lê e processa as suas partições.</translation>
    </message>
    <message>
        <source>A member of the group with no partition assigned (more consumers than partitions, or waiting for the assignment).</source>
        <translation>Membro do grupo sem partições atribuídas (há mais consumidores do que partições, ou ainda espera pela atribuição).</translation>
    </message>
    <message>
        <source>The group is rebalancing: this consumer gave up its partitions and waits for the new assignment.</source>
        <translation>O grupo está a rebalancear: este consumidor largou as suas partições e espera pela nova atribuição.</translation>
    </message>
    <message>
        <source>It did not call poll() within max.poll.interval.ms, so its heartbeat thread left the group and the partitions went to other members. The application does not know yet: it still holds the records it was processing and finds out at its next poll(), when it loses its partitions and joins again.</source>
        <translation>Não chamou poll() dentro de max.poll.interval.ms, por isso a sua thread de heartbeat saiu do grupo e as partições passaram para outros membros. A aplicação ainda não sabe: continua com os registos que estava a processar e só descobre no próximo poll(), quando perde as partições e volta a entrar no grupo.</translation>
    </message>
    <message>
        <source>The application is busy and does not call poll(). It stays in the group while its heartbeats go on, until max.poll.interval.ms passes.</source>
        <translation>A aplicação está ocupada e não chama poll(). Continua no grupo enquanto os heartbeats continuam, até passar max.poll.interval.ms.</translation>
    </message>
    <message>
        <source>No coordinator</source>
        <translation>Sem coordenador</translation>
    </message>
    <message>
        <source>no broker leads its __consumer_offsets partition</source>
        <translation>nenhum broker lidera a sua partição de __consumer_offsets</translation>
    </message>
    <message>
        <source>coordinator broker %1 is down</source>
        <translation>o broker coordenador %1 está em baixo</translation>
    </message>
    <message>
        <source>Broker {broker} started</source>
        <translation>Broker {broker} arrancou</translation>
    </message>
    <message>
        <source>Broker {broker} crashed</source>
        <translation>Broker {broker} falhou (crash)</translation>
    </message>
    <message>
        <source>Broker {broker} stopped (controlled shutdown)</source>
        <translation>Broker {broker} parado (paragem controlada)</translation>
    </message>
    <message>
        <source>The controller fenced broker {broker}</source>
        <translation>O controlador isolou (fenced) o broker {broker}</translation>
    </message>
    <message>
        <source>The controller unfenced broker {broker}: it registered and caught up with the metadata</source>
        <translation>O controlador levantou o isolamento (unfenced) do broker {broker}: registou-se e alcançou os metadados</translation>
    </message>
    <message>
        <source>Topic {topic} deleted</source>
        <translation>Tópico {topic} apagado</translation>
    </message>
    <message>
        <source>Topic {topic}: override {config} removed, the broker&apos;s default applies</source>
        <translation>Tópico {topic}: a configuração {config} foi removida, aplica-se o valor por omissão do broker</translation>
    </message>
    <message>
        <source>Topic {topic}: config {config} set</source>
        <translation>Tópico {topic}: configuração {config} definida</translation>
    </message>
    <message>
        <source>Partition {topic}-{partition} created</source>
        <translation>Partição {topic}-{partition} criada</translation>
    </message>
    <message>
        <source>{topic}-{partition} has no leader (offline)</source>
        <translation>{topic}-{partition} está sem líder (offline)</translation>
    </message>
    <message>
        <source>{topic}-{partition}: broker {leader} elected leader (unclean), epoch {leader_epoch}</source>
        <translation>{topic}-{partition}: broker {leader} eleito líder (unclean), época {leader_epoch}</translation>
    </message>
    <message>
        <source>{topic}-{partition}: broker {leader} elected leader, epoch {leader_epoch}</source>
        <translation>{topic}-{partition}: broker {leader} eleito líder, época {leader_epoch}</translation>
    </message>
    <message>
        <source>{topic}-{partition}: broker {replica} left the ISR</source>
        <translation>{topic}-{partition}: o broker {replica} saiu do ISR</translation>
    </message>
    <message>
        <source>{topic}-{partition}: broker {replica} rejoined the ISR</source>
        <translation>{topic}-{partition}: o broker {replica} voltou ao ISR</translation>
    </message>
    <message>
        <source>{topic}-{partition}: high watermark advanced to {hw}</source>
        <translation>{topic}-{partition}: high watermark avançou para {hw}</translation>
    </message>
    <message>
        <source>{topic}-{partition}: retention moved the log start offset to {log_start_offset}</source>
        <translation>{topic}-{partition}: a retenção moveu o offset inicial do log para {log_start_offset}</translation>
    </message>
    <message>
        <source>Producer {producer} started</source>
        <translation>Produtor {producer} arrancou</translation>
    </message>
    <message>
        <source>Producer {producer} started: the lab&apos;s setup writes this step&apos;s starting records</source>
        <translation>Produtor {producer} arrancou: a preparação do laboratório escreve os registos iniciais deste passo</translation>
    </message>
    <message>
        <source>{topic}-{partition}: send by {producer} failed: {error}</source>
        <translation>{topic}-{partition}: o envio de {producer} falhou: {error}</translation>
    </message>
    <message>
        <source>Consumer {consumer} started</source>
        <translation>Consumidor {consumer} arrancou</translation>
    </message>
    <message>
        <source>Consumer {consumer} closed</source>
        <translation>Consumidor {consumer} fechado</translation>
    </message>
    <message>
        <source>Consumer {consumer} stops calling poll() for {pause_ms} ms</source>
        <translation>O consumidor {consumer} deixa de chamar poll() durante {pause_ms} ms</translation>
    </message>
    <message>
        <source>{consumer} joined group {group}</source>
        <translation>{consumer} entrou no grupo {group}</translation>
    </message>
    <message>
        <source>{consumer} left group {group}: {reason}</source>
        <translation>{consumer} saiu do grupo {group}: {reason}</translation>
    </message>
    <message>
        <source>Group {group} is now {state} (generation {generation})</source>
        <translation>O grupo {group} está agora em {state} (geração {generation})</translation>
    </message>
    <message>
        <source>Group {group}: generation {generation} with assignor {protocol}, leader {leader}</source>
        <translation>Grupo {group}: geração {generation} com o atribuidor {protocol}, líder {leader}</translation>
    </message>
    <message>
        <source>{consumer}: position of {topic}-{partition} set to the committed offset {position}</source>
        <translation>{consumer}: posição em {topic}-{partition} posta no offset confirmado {position}</translation>
    </message>
    <message>
        <source>{consumer}: position of {topic}-{partition} reset to {position}</source>
        <translation>{consumer}: posição em {topic}-{partition} reposta para {position}</translation>
    </message>
    <message>
        <source>Group {group} committed offset {offset} on {topic}-{partition}</source>
        <translation>O grupo {group} confirmou (commit) o offset {offset} em {topic}-{partition}</translation>
    </message>
    <message>
        <source>Commit by {consumer} failed: {error}</source>
        <translation>O commit de {consumer} falhou: {error}</translation>
    </message>
    <message>
        <source>Group {group} has no coordinator</source>
        <translation>O grupo {group} está sem coordenador</translation>
    </message>
    <message>
        <source>Group {group}: coordinator is now broker {coordinator}</source>
        <translation>Grupo {group}: o coordenador é agora o broker {coordinator}</translation>
    </message>
    <message>
        <source>Group {group} deleted</source>
        <translation>Grupo {group} apagado</translation>
    </message>
    <message>
        <source>Group {group} deleted its committed offset on {topic}-{partition}</source>
        <translation>O grupo {group} apagou o offset confirmado em {topic}-{partition}</translation>
    </message>
    <message>
        <source>Scenario action: {description}</source>
        <translation>Ação do cenário: {description}</translation>
    </message>
    <message numerus="yes">
        <source>Broker {coordinator} loaded group {group} from __consumer_offsets: {state}, generation {generation}, %n member(s)</source>
        <translation>
            <numerusform>O broker {coordinator} carregou o grupo {group} de __consumer_offsets: {state}, geração {generation}, %n membro</numerusform>
            <numerusform>O broker {coordinator} carregou o grupo {group} de __consumer_offsets: {state}, geração {generation}, %n membros</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>The broker reported a state this version of Kafka&apos;s admin client does not know.</source>
        <translation>O broker indicou um estado que esta versão do cliente de administração do Kafka não conhece.</translation>
    </message>
    <message>
        <source>no assignor: the group has no members</source>
        <translation>sem atribuidor: o grupo não tem membros</translation>
    </message>
    <message>
        <source>Producer {producer} closed</source>
        <translation>Produtor {producer} fechado</translation>
    </message>
    <message>
        <source>{producer}: connection to broker {broker} could not be established (next attempt in {retry_in_ms} ms)</source>
        <translation>{producer}: não foi possível ligar ao broker {broker} (nova tentativa dentro de {retry_in_ms} ms)</translation>
    </message>
    <message>
        <source>The KRaft quorum has no leader: no active controller (epoch {epoch})</source>
        <translation>O quórum KRaft está sem líder: não há controlador ativo (época {epoch})</translation>
    </message>
    <message>
        <source>Broker {broker} is the active controller: the KRaft quorum elected it (epoch {epoch})</source>
        <translation>O broker {broker} é o controlador ativo: o quórum KRaft elegeu-o (época {epoch})</translation>
    </message>
    <message>
        <source>Producer {producer} closed: the lab&apos;s setup wrote this step&apos;s starting records</source>
        <translation>Produtor {producer} fechado: a preparação do laboratório escreveu os registos iniciais deste passo</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message numerus="yes">
        <source>Topic {topic} created (%n partition(s), replication factor {replication_factor})</source>
        <translation>
            <numerusform>Tópico {topic} criado (%n partição, fator de replicação {replication_factor})</numerusform>
            <numerusform>Tópico {topic} criado (%n partições, fator de replicação {replication_factor})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{topic}-{partition}: %n record(s) appended at offset {base_offset} by {producer}, the lab&apos;s setup</source>
        <translation>
            <numerusform>{topic}-{partition}: %n registo escrito no offset {base_offset} por {producer}, a preparação do laboratório</numerusform>
            <numerusform>{topic}-{partition}: %n registos escritos no offset {base_offset} por {producer}, a preparação do laboratório</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{topic}-{partition}: %n record(s) appended at offset {base_offset} by {producer}</source>
        <translation>
            <numerusform>{topic}-{partition}: %n registo escrito no offset {base_offset} por {producer}</numerusform>
            <numerusform>{topic}-{partition}: %n registos escritos no offset {base_offset} por {producer}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{topic}-{partition}: follower {follower} fetched %n record(s), LEO {leo}</source>
        <translation>
            <numerusform>{topic}-{partition}: a seguidora {follower} copiou %n registo, LEO {leo}</numerusform>
            <numerusform>{topic}-{partition}: a seguidora {follower} copiou %n registos, LEO {leo}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{topic}-{partition}: replica on broker {replica} truncated to {leo} (%n record(s) lost)</source>
        <translation>
            <numerusform>{topic}-{partition}: réplica no broker {replica} truncada para {leo} (%n registo perdido)</numerusform>
            <numerusform>{topic}-{partition}: réplica no broker {replica} truncada para {leo} (%n registos perdidos)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{topic}-{partition}: {producer} (the lab&apos;s setup) acknowledged %n record(s)</source>
        <translation>
            <numerusform>{topic}-{partition}: {producer} (a preparação do laboratório) recebeu confirmação de %n registo</numerusform>
            <numerusform>{topic}-{partition}: {producer} (a preparação do laboratório) recebeu confirmação de %n registos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{topic}-{partition}: {producer} acknowledged %n record(s)</source>
        <translation>
            <numerusform>{topic}-{partition}: {producer} recebeu confirmação de %n registo</numerusform>
            <numerusform>{topic}-{partition}: {producer} recebeu confirmação de %n registos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{consumer} gave up %n partition(s)</source>
        <translation>
            <numerusform>{consumer} largou %n partição</numerusform>
            <numerusform>{consumer} largou %n partições</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{consumer} received %n partition(s)</source>
        <translation>
            <numerusform>{consumer} recebeu %n partição</numerusform>
            <numerusform>{consumer} recebeu %n partições</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{consumer} consumed %n record(s) from {topic}-{partition} at offset {offset}</source>
        <translation>
            <numerusform>{consumer} consumiu %n registo de {topic}-{partition} a partir do offset {offset}</numerusform>
            <numerusform>{consumer} consumiu %n registos de {topic}-{partition} a partir do offset {offset}</numerusform>
        </translation>
    </message>
    <message>
        <source>the topic was not in the metadata within max.block.ms (METADATA_TIMEOUT)</source>
        <translation>o tópico não apareceu nos metadados dentro de max.block.ms (METADATA_TIMEOUT)</translation>
    </message>
    <message>
        <source>{topic}: send by {producer} failed before a partition was chosen: {error}</source>
        <translation>{topic}: o envio de {producer} falhou antes de escolher uma partição: {error}</translation>
    </message>
    <message numerus="yes">
        <source>{consumer} lost %n partition(s): it is no longer a member of the group (onPartitionsLost)</source>
        <translation>
            <numerusform>{consumer} perdeu %n partição: já não é membro do grupo (onPartitionsLost)</numerusform>
            <numerusform>{consumer} perdeu %n partições: já não é membro do grupo (onPartitionsLost)</numerusform>
        </translation>
    </message>
    <message>
        <source>no longer in the group: the client failed it without sending it (CommitFailedException)</source>
        <translation>já não está no grupo: o cliente recusou-o sem o enviar (CommitFailedException)</translation>
    </message>
    <message>
        <source>rebalancing: the client failed it without sending it (RebalanceInProgressException)</source>
        <translation>a rebalancear: o cliente recusou-o sem o enviar (RebalanceInProgressException)</translation>
    </message>
    <message>
        <source>the producer was closed while send() waited for metadata (KafkaException)</source>
        <translation>o produtor foi fechado enquanto o send() esperava pelos metadados (KafkaException)</translation>
    </message>
    <message>
        <source>the batch is larger than the topic&apos;s max.message.bytes (MESSAGE_TOO_LARGE)</source>
        <translation>o lote é maior do que o max.message.bytes do tópico (MESSAGE_TOO_LARGE)</translation>
    </message>
    <message>
        <source>the record is larger than max.request.size (RecordTooLargeException)</source>
        <translation>o registo é maior do que o max.request.size (RecordTooLargeException)</translation>
    </message>
    <message>
        <source>a record&apos;s timestamp is outside the range the topic accepts (INVALID_TIMESTAMP)</source>
        <translation>o timestamp de um registo está fora do intervalo que o tópico aceita (INVALID_TIMESTAMP)</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::AddConsumerDialog</name>
    <message>
        <source>Add consumer</source>
        <translation>Adicionar consumidor</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>Grupo:</translation>
    </message>
    <message>
        <source>Topics:</source>
        <translation>Tópicos:</translation>
    </message>
    <message>
        <source>Assignor:</source>
        <translation>Atribuidor (assignor):</translation>
    </message>
    <message>
        <source>Type a group name.</source>
        <translation>Escreva o nome de um grupo.</translation>
    </message>
    <message>
        <source>Pick at least one topic (create one first).</source>
        <translation>Escolha pelo menos um tópico (crie um primeiro).</translation>
    </message>
    <message>
        <source>group-1</source>
        <extracomment>The default name of a new consumer group: ASCII letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;.</extracomment>
        <translation>grupo-1</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::AddProducerDialog</name>
    <message>
        <source>Add producer</source>
        <translation>Adicionar produtor</translation>
    </message>
    <message>
        <source> records/s</source>
        <translation> registos/s</translation>
    </message>
    <message>
        <source>uniform keys</source>
        <translation>chaves uniformes</translation>
    </message>
    <message>
        <source>skewed keys (Zipf)</source>
        <translation>chaves desequilibradas (Zipf)</translation>
    </message>
    <message>
        <source>keys in sequence</source>
        <translation>chaves em sequência</translation>
    </message>
    <message>
        <source>no key (null)</source>
        <translation>sem chave (null)</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>Tópico:</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>Ritmo:</translation>
    </message>
    <message>
        <source>Keys:</source>
        <translation>Chaves:</translation>
    </message>
    <message>
        <source>Distinct keys:</source>
        <translation>Chaves distintas:</translation>
    </message>
    <message>
        <source>Key prefix:</source>
        <translation>Prefixo das chaves:</translation>
    </message>
    <message>
        <source>Create a topic first.</source>
        <translation>Crie primeiro um tópico.</translation>
    </message>
    <message>
        <source>customer-</source>
        <extracomment>The default prefix of a new producer&apos;s keys (&quot;customer-0&quot;, &quot;customer-1&quot;, …): ASCII, no spaces.</extracomment>
        <translation>cliente-</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::ClusterCanvas</name>
    <message>
        <source>Remove consumer %1</source>
        <translation>Remover o consumidor %1</translation>
    </message>
    <message>
        <source>Add consumer to group %1</source>
        <translation>Adicionar consumidor ao grupo %1</translation>
    </message>
    <message>
        <source>Stop broker %1 (controlled shutdown)</source>
        <translation>Parar o broker %1 (paragem controlada)</translation>
    </message>
    <message>
        <source>Crash broker %1</source>
        <translation>Provocar falha (crash) no broker %1</translation>
    </message>
    <message>
        <source>Start broker %1</source>
        <translation>Arrancar o broker %1</translation>
    </message>
    <message>
        <source>Open a scenario from the gallery to start.</source>
        <translation>Abra um cenário da galeria para começar.</translation>
    </message>
    <message>
        <source>Producers</source>
        <translation>Produtores</translation>
    </message>
    <message>
        <source>Consumer groups</source>
        <translation>Grupos de consumidores</translation>
    </message>
    <message>
        <source>Broker %1</source>
        <translation>Broker %1</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>parado</translation>
    </message>
    <message>
        <source>fenced</source>
        <translation>isolado (fenced)</translation>
    </message>
    <message>
        <source>running</source>
        <translation>a correr</translation>
    </message>
    <message>
        <source> · controller</source>
        <translation> · controlador</translation>
    </message>
    <message numerus="yes">
        <source>%n leader(s)</source>
        <translation>
            <numerusform>%n líder</numerusform>
            <numerusform>%n líderes</numerusform>
        </translation>
    </message>
    <message>
        <source> · none</source>
        <translation> · sem líder</translation>
    </message>
    <message>
        <source> · L</source>
        <translation> · L</translation>
    </message>
    <message>
        <source> · out</source>
        <translation> · fora</translation>
    </message>
    <message>
        <source>empty log</source>
        <translation>log vazio</translation>
    </message>
    <message>
        <source>HW</source>
        <translation>HW</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>Grupo %1</translation>
    </message>
    <message>
        <source>generation %1</source>
        <translation>geração %1</translation>
    </message>
    <message>
        <source> (leader)</source>
        <translation> (líder)</translation>
    </message>
    <message>
        <source>Without owner (waiting for phase 2)</source>
        <translation>Sem dono (à espera da fase 2)</translation>
    </message>
    <message>
        <source>Eager rebalance: stop-the-world, every consumer stops</source>
        <translation>Rebalanceamento ansioso (eager): tudo para, todos os consumidores param</translation>
    </message>
    <message>
        <source>Cooperative, phase 1: rejoin, unaffected partitions keep flowing</source>
        <translation>Cooperativo, fase 1: os membros voltam a juntar-se, as partições que não mudam continuam a ser consumidas</translation>
    </message>
    <message>
        <source>Cooperative: moved partitions revoked, now without owner</source>
        <translation>Cooperativo: as partições que mudam foram revogadas e estão sem dono</translation>
    </message>
    <message>
        <source>Cooperative, phase 2: moved partitions go to their new owner</source>
        <translation>Cooperativo, fase 2: as partições que mudam passam para o novo dono</translation>
    </message>
    <message>
        <source>+ %1 more · %2 of %3 partitions shown</source>
        <translation>+ mais %1 · %2 de %3 partições mostradas</translation>
    </message>
    <message>
        <source>+ %1 more</source>
        <translation>+ mais %1</translation>
    </message>
    <message>
        <source>records in flight</source>
        <translation>registos em voo</translation>
    </message>
    <message>
        <source>each replica&apos;s log end offset</source>
        <translation>o log end offset de cada réplica</translation>
    </message>
    <message>
        <source>producers and the clients&apos; own state</source>
        <translation>os produtores e o estado dos próprios clientes</translation>
    </message>
    <message>
        <source>the past</source>
        <translation>o passado</translation>
    </message>
    <message>
        <source>Not visible on a real cluster: %1.</source>
        <translation>Não visível num cluster real: %1.</translation>
    </message>
    <message>
        <source>generation: not visible on a real cluster</source>
        <translation>geração: não visível num cluster real</translation>
    </message>
    <message>
        <source>the inside of a rebalance</source>
        <translation>o interior de um rebalanceamento</translation>
    </message>
    <message>
        <source>Cooperative: this rebalance assigns the partitions of the member that left; the others keep flowing</source>
        <translation>Cooperativo: este rebalanceamento atribui as partições do membro que saiu; as outras continuam a ser consumidas</translation>
    </message>
    <message>
        <source>Without owner (their member left: this rebalance assigns them)</source>
        <translation>Sem dono (o membro saiu: este rebalanceamento atribui-as)</translation>
    </message>
    <message>
        <source>Without owner (their member left: the next rebalance assigns them)</source>
        <translation>Sem dono (o membro saiu: o próximo rebalanceamento atribui-as)</translation>
    </message>
    <message numerus="yes">
        <source>%n acked</source>
        <translation>
            <numerusform>%n confirmado</numerusform>
            <numerusform>%n confirmados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fluxolab::app::CommandLine</name>
    <message>
        <source>--watermark expects bounded:DURATION, sql:DURATION or monotonous (for example bounded:5s), got &quot;%1&quot;</source>
        <translation>--watermark espera bounded:DURAÇÃO, sql:DURAÇÃO ou monotonous (por exemplo bounded:5s), e recebeu &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--window expects tumble:SIZE, hop:SLIDE,SIZE, session:GAP or cumulate:STEP,SIZE with positive durations (for example tumble:60s), got &quot;%1&quot;</source>
        <translation>--window espera tumble:TAMANHO, hop:AVANÇO,TAMANHO, session:INTERVALO ou cumulate:PASSO,TAMANHO com durações positivas (por exemplo tumble:60s), e recebeu &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--agg expects count, or sum, min, max, avg or collect with a field (for example sum:valor), got &quot;%1&quot;</source>
        <translation>--agg espera count, ou sum, min, max, avg ou collect com um campo (por exemplo sum:valor), e recebeu &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--what-if %1 does not apply to this window</source>
        <translation>--what-if %1 não se aplica a esta janela</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>não foi possível escrever %1</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>argumento inesperado &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--seed expects a non-negative integer, got &quot;%1&quot;</source>
        <translation>--seed espera um inteiro não negativo, e recebeu &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--at expects a duration such as 30s, 1500ms or 2m, got &quot;%1&quot;</source>
        <translation>--at espera uma duração como 30s, 1500ms ou 2m, e recebeu &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--at is limited to 1h of virtual time, got &quot;%1&quot;</source>
        <translation>--at está limitado a 1h de tempo virtual, e recebeu &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--view must be cluster, groups, tables, plots, stream, terminal, labs or compare, got &quot;%1&quot;</source>
        <translation>--view tem de ser cluster, groups, tables, plots, stream, terminal, labs ou compare, e recebeu &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--lang must be pt_PT or en, got &quot;%1&quot;</source>
        <translation>--lang tem de ser pt_PT ou en, e recebeu &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--size expects WIDTHxHEIGHT such as 1600x900, got &quot;%1&quot;</source>
        <translation>--size espera LARGURAxALTURA, por exemplo 1600x900, e recebeu &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--size must be from 320x240 to 8000x8000, got &quot;%1&quot;</source>
        <translation>--size tem de estar entre 320x240 e 8000x8000, e recebeu &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--%1 is missing its value (&quot;%2&quot; is another option)</source>
        <translation>falta o valor de --%1 (&quot;%2&quot; é outra opção)</translation>
    </message>
    <message>
        <source>--%1 needs --trace FILE</source>
        <translation>--%1 precisa de --trace FICHEIRO</translation>
    </message>
    <message>
        <source>--%1 expects a duration such as 0s, 10s or 90s, got &quot;%2&quot;</source>
        <translation>--%1 espera uma duração como 0s, 10s ou 90s, e recebeu &quot;%2&quot;</translation>
    </message>
    <message>
        <source>--watermark-interval expects per-event or a positive duration, got &quot;%1&quot;</source>
        <translation>--watermark-interval espera per-event ou uma duração positiva, e recebeu &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--parallelism expects 1 to 8, got &quot;%1&quot;</source>
        <translation>--parallelism espera de 1 a 8, e recebeu &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--trace options: %1</source>
        <translation>opções de --trace: %1</translation>
    </message>
    <message>
        <source>--step expects a non-negative integer, got &quot;%1&quot;</source>
        <translation>--step espera um inteiro não negativo, e recebeu &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--what-if must be idle or bound, got &quot;%1&quot;</source>
        <translation>--what-if tem de ser idle ou bound, e recebeu &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--what-if needs --why KEY</source>
        <translation>--what-if precisa de --why CHAVE</translation>
    </message>
    <message>
        <source>--screenshot expects a file name</source>
        <translation>--screenshot espera um nome de ficheiro</translation>
    </message>
    <message>
        <source>--lab: unknown lab &quot;%1&quot;: no lab was found in %2 (FLUXOLAB_LABS_DIR chooses another folder)</source>
        <translation>--lab: laboratório desconhecido &quot;%1&quot;: não foi encontrado nenhum laboratório em %2 (FLUXOLAB_LABS_DIR escolhe outra pasta)</translation>
    </message>
    <message>
        <source>--lab: unknown lab &quot;%1&quot;; the labs are:
  %2</source>
        <translation>--lab: laboratório desconhecido &quot;%1&quot;; os laboratórios são:
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
        <translation>Utilização: fluxolab [--scenario NOME|CAMINHO] [--seed S] [--at 30s] [--view VISTA]
                     [--lang pt_PT|en] [--size 1600x900] [--presentation] [--screenshot saida.png]
                     [--lab ID] [--run &apos;COMANDO&apos;]... [--fresh] [--help] [--version]
                     [--trace FICHEIRO [--watermark bounded:5s|monotonous|sql:5s] [--window tumble:60s|hop:10s,60s|
                      session:30s|cumulate:10s,60s] [--agg count|sum:C|min:C|max:C|avg:C|collect:C] [--key C]
                      [--time-field C] [--arrival-field C] [--partition-field C] [--allowed-lateness 0s]
                      [--idle-timeout 0s] [--watermark-interval 200ms|per-event] [--parallelism 1..8] [--step N] [--why CHAVE]
                      [--what-if idle|bound]]
  VISTA: cluster, groups, tables, plots, stream, terminal, labs ou compare
         (terminal e labs: a CLI do Kafka e os laboratórios guiados)
  --at: no máximo 1h de tempo virtual; com --run os comandos são escritos aos 0 s e o --at conta depois deles
  --run: cada comando num separador livre do terminal (um novo enquanto lá corre um comando);
         &apos;>LINHA&apos; é uma linha para um produtor de consola a correr
  --fresh   arranca como numa máquina nova: ignora o progresso guardado dos laboratórios, o último
            laboratório e o histórico do terminal (ficam guardados para o próximo arranque normal);
            a escolha do idioma mantém-se.
  --lab ID  abre um laboratório guiado no seu próprio cluster e mostra o painel dos laboratórios
            (um ID desconhecido lista os laboratórios)
  Sem --scenario, --lab ou --fresh, o último laboratório aberto reabre onde ficou.
  --trace: passa um traço CSV / JSON Lines pelo motor de streaming e mostra-o na vista de streaming
           (opções como as de fluxolab-cli replay; por omissão bounded:5s, tumble:60s, count, --key key,
           --time-field ts). --step N mostra o estado depois de N eventos (por omissão: o fim).
</translation>
    </message>
    <message>
        <source>fluxolab: no display found (DISPLAY and WAYLAND_DISPLAY are not set).
  Start it from a desktop session or under xvfb-run, or render a picture headless with
  --screenshot out.png (e.g. fluxolab --scenario rebalance-basico --screenshot out.png)
</source>
        <translation>fluxolab: nenhum ecrã encontrado (DISPLAY e WAYLAND_DISPLAY não estão definidas).
  Arranque-o numa sessão gráfica ou com xvfb-run, ou gere uma imagem sem ecrã com
  --screenshot saida.png (por exemplo fluxolab --scenario rebalance-basico --screenshot saida.png)
</translation>
    </message>
    <message>
        <source>--screenshot needs --scenario, --lab or --trace</source>
        <translation>--screenshot precisa de --scenario, --lab ou --trace</translation>
    </message>
    <message>
        <source>--seed is out of range: it must be from 0 to %1, got &quot;%2&quot;</source>
        <translation>--seed está fora do intervalo: tem de estar entre 0 e %1; recebeu &quot;%2&quot;</translation>
    </message>
    <message>
        <source>--why: the key &quot;%1&quot; has no window at the end of the input (final watermark)</source>
        <translation>--why: a chave &quot;%1&quot; não tem nenhuma janela no fim da entrada (watermark final)</translation>
    </message>
    <message>
        <source>--why: the key &quot;%1&quot; has no window after event %2 of %3</source>
        <translation>--why: a chave &quot;%1&quot; não tem nenhuma janela depois do evento %2 de %3</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::CompareRealDialog</name>
    <message>
        <source>Compare with the real cluster</source>
        <translation>Comparar com o cluster real</translation>
    </message>
    <message>
        <source>Simulation</source>
        <translation>Simulação</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>Real cluster %1</source>
        <translation>Cluster real %1</translation>
    </message>
    <message>
        <source>Running the script on the simulation and on the cluster %1…</source>
        <translation>A correr o script na simulação e no cluster %1…</translation>
    </message>
    <message>
        <source>No differences: the outputs are the same (ids, hosts and times masked).</source>
        <translation>Sem diferenças: as saídas são iguais (ids, anfitriões e tempos mascarados).</translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s) (lines highlighted; ids, hosts and times masked).</source>
        <translation>
            <numerusform>%n diferença (linhas realçadas; ids, anfitriões e tempos mascarados).</numerusform>
            <numerusform>%n diferenças (linhas realçadas; ids, anfitriões e tempos mascarados).</numerusform>
        </translation>
    </message>
    <message>
        <source>Note: the cluster already had topics or groups; the simulation starts empty.</source>
        <translation>Nota: o cluster já tinha tópicos ou grupos; a simulação começa vazia.</translation>
    </message>
    <message>
        <source>Afterwards, delete the topics and groups the script created on the cluster</source>
        <translation>No fim, apagar os tópicos e grupos que o script criou no cluster</translation>
    </message>
    <message>
        <source>Only the topics the script&apos;s own kafka-topics.sh --create commands created, and the groups its consumers used that were not on the cluster before; never what another client created meanwhile (fluxolab-cli compare-real --clean).</source>
        <translation>Só os tópicos que os próprios comandos kafka-topics.sh --create do script criaram, e os grupos usados pelos seus consumidores que não estavam no cluster antes; nunca o que outro cliente criou entretanto (fluxolab-cli compare-real --clean).</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparar</translation>
    </message>
    <message>
        <source>Terminal commands</source>
        <translation>Comandos do terminal</translation>
    </message>
    <message>
        <source>Compare the commands typed in the terminal since the app started</source>
        <translation>Comparar os comandos escritos no terminal desde que a aplicação abriu</translation>
    </message>
    <message>
        <source>Script file…</source>
        <translation>Ficheiro de script…</translation>
    </message>
    <message numerus="yes">
        <source>Script: %1 (%n command(s)).</source>
        <translation>
            <numerusform>Script: %1 (%n comando).</numerusform>
            <numerusform>Script: %1 (%n comandos).</numerusform>
        </translation>
    </message>
    <message>
        <source>the commands typed in the terminal</source>
        <translation>os comandos escritos no terminal</translation>
    </message>
    <message>
        <source>Script to compare</source>
        <translation>Script a comparar</translation>
    </message>
    <message>
        <source>Terminal scripts (*.sh *.txt);;All files (*)</source>
        <translation>Scripts do terminal (*.sh *.txt);;Todos os ficheiros (*)</translation>
    </message>
    <message>
        <source>given</source>
        <translation>dado</translation>
    </message>
    <message>
        <source>Cancelling: the job stops sending commands to the cluster…</source>
        <translation>A cancelar: o trabalho deixa de enviar comandos ao cluster…</translation>
    </message>
    <message>
        <source>The script has no commands: type some in the terminal first, or choose a script file.</source>
        <translation>O script não tem comandos: escreva alguns no terminal primeiro, ou escolha um ficheiro de script.</translation>
    </message>
    <message>
        <source>The script cannot run: line %1 is not valid shell syntax.</source>
        <translation>O script não pode correr: a linha %1 não tem sintaxe de shell válida.</translation>
    </message>
    <message>
        <source>The script cannot run: it is not valid shell syntax.</source>
        <translation>O script não pode correr: não tem sintaxe de shell válida.</translation>
    </message>
    <message>
        <source>The broker %1 cannot be reached: no broker accepted a connection there. Nothing was compared.</source>
        <translation>Não é possível chegar ao broker %1: nenhum broker aceitou aí uma ligação. Nada foi comparado.</translation>
    </message>
    <message>
        <source>Something at %1 accepted the connection but gave no Kafka answer in time (not a Kafka broker, or one that does not respond). Nothing was compared.</source>
        <translation>Algo em %1 aceitou a ligação mas não deu uma resposta Kafka a tempo (não é um broker Kafka, ou é um que não responde). Nada foi comparado.</translation>
    </message>
    <message>
        <source>The cluster %1 refused the login: wrong user, password or SASL mechanism. Nothing was compared.</source>
        <translation>O cluster %1 recusou a autenticação: utilizador, palavra-passe ou mecanismo SASL errados. Nada foi comparado.</translation>
    </message>
    <message>
        <source>The TLS connection to %1 failed (handshake or certificate check). Nothing was compared.</source>
        <translation>A ligação TLS a %1 falhou (negociação ou verificação do certificado). Nada foi comparado.</translation>
    </message>
    <message>
        <source>The client refused the connection settings for %1. Nothing was compared.</source>
        <translation>O cliente recusou as definições de ligação para %1. Nada foi comparado.</translation>
    </message>
    <message>
        <source>The cluster %1 could not be used (client error). Nothing was compared.</source>
        <translation>Não foi possível usar o cluster %1 (erro do cliente). Nada foi comparado.</translation>
    </message>
    <message>
        <source>Cancelled: the job stopped and closed its connection; what it had already created on the cluster stays there.</source>
        <translation>Cancelado: o trabalho parou e fechou a sua ligação; o que já tinha criado no cluster fica lá.</translation>
    </message>
    <message>
        <source>Deleted from the cluster what the script created: %1 and %2.</source>
        <translation>Apagado do cluster o que o script criou: %1 e %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n topic(s)</source>
        <translation>
            <numerusform>%n tópico</numerusform>
            <numerusform>%n tópicos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n grupo</numerusform>
            <numerusform>%n grupos</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not delete: %1.</source>
        <translation>Não foi possível apagar: %1.</translation>
    </message>
    <message>
        <source>What the script created stays on the cluster: %1 and %2.</source>
        <translation>O que o script criou fica no cluster: %1 e %2.</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::CompareWindow</name>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Reproduzir</translation>
    </message>
    <message>
        <source>t = %1</source>
        <translation>t = %1</translation>
    </message>
    <message>
        <source>Compare assignors — %1</source>
        <translation>Comparar atribuidores — %1</translation>
    </message>
    <message>
        <source>The same scenario and seed under two assignors, at the same virtual time. With an eager assignor every consumer stops during a rebalance; with cooperative-sticky only the partitions that move stop, in two phases.</source>
        <translation>O mesmo cenário e a mesma semente com dois atribuidores, no mesmo instante virtual. Com um atribuidor ansioso (eager) todos os consumidores param durante o rebalanceamento; com cooperative-sticky só param as partições que mudam de dono, em duas fases.</translation>
    </message>
    <message>
        <source>Left:</source>
        <translation>Esquerda:</translation>
    </message>
    <message>
        <source>Right:</source>
        <translation>Direita:</translation>
    </message>
    <message>
        <source>No consumer group here at this moment: an assignor shares a group&apos;s partitions among the group&apos;s members, so until a group has members both sides are the same.</source>
        <translation>Nenhum grupo de consumidores aqui neste instante: um atribuidor reparte as partições de um grupo pelos membros do grupo, por isso, enquanto nenhum grupo tiver membros, os dois lados são iguais.</translation>
    </message>
    <message>
        <source>Both sides to the next event</source>
        <translation>Os dois lados para o evento seguinte</translation>
    </message>
    <message>
        <source>Playback speed (virtual time per real second)</source>
        <translation>Velocidade de reprodução (tempo virtual por segundo real)</translation>
    </message>
    <message>
        <source>Virtual time, shared by both sides</source>
        <translation>Tempo virtual, comum aos dois lados</translation>
    </message>
    <message>
        <source>Both sides are catching up with the main run: %1 of %2 (%3%)</source>
        <translation>Os dois lados estão a alcançar a execução principal: %1 de %2 (%3%)</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::ConnectionDialog</name>
    <message>
        <source>CA certificate</source>
        <translation>Certificado da CA</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificados (*.pem *.crt *.cer);;Todos os ficheiros (*)</translation>
    </message>
    <message>
        <source>Write the bootstrap servers first (host:port, for example localhost:9092).</source>
        <translation>Escreva primeiro os servidores de bootstrap (anfitrião:porta, por exemplo localhost:9092).</translation>
    </message>
    <message>
        <source>Testing the connection to %1…</source>
        <translation>A testar a ligação a %1…</translation>
    </message>
    <message numerus="yes">
        <source>Reached: %n broker(s), cluster id %1. (Kafka does not report its release version to clients.)</source>
        <translation>
            <numerusform>Alcançado: %n broker, id do cluster %1. (O Kafka não diz a sua versão aos clientes.)</numerusform>
            <numerusform>Alcançado: %n brokers, id do cluster %1. (O Kafka não diz a sua versão aos clientes.)</numerusform>
        </translation>
    </message>
    <message>
        <source>Unreachable: no broker accepted a connection at this address (%1).</source>
        <translation>Inalcançável: nenhum broker aceitou uma ligação neste endereço (%1).</translation>
    </message>
    <message>
        <source>No answer: a broker was reached but did not answer in time (%1).</source>
        <translation>Sem resposta: um broker foi alcançado mas não respondeu a tempo (%1).</translation>
    </message>
    <message>
        <source>Wrong credentials: the broker refused the user, password or SASL mechanism (%1).</source>
        <translation>Credenciais erradas: o broker recusou o utilizador, a palavra-passe ou o mecanismo SASL (%1).</translation>
    </message>
    <message>
        <source>TLS failure: the handshake or the certificate check failed (%1).</source>
        <translation>Falha de TLS: o handshake ou a verificação do certificado falhou (%1).</translation>
    </message>
    <message>
        <source>Invalid settings: the client refused them (%1).</source>
        <translation>Definições inválidas: o cliente recusou-as (%1).</translation>
    </message>
    <message>
        <source>Not reached: %1</source>
        <translation>Não alcançado: %1</translation>
    </message>
    <message>
        <source>The password is kept in the system keychain, never in the settings file.</source>
        <translation>A palavra-passe fica no chaveiro do sistema, nunca no ficheiro de definições.</translation>
    </message>
    <message>
        <source>No system keychain is available: the password is kept in memory for this session only and is never written to disk.</source>
        <translation>Não há chaveiro do sistema disponível: a palavra-passe fica só em memória durante esta sessão e nunca é escrita em disco.</translation>
    </message>
    <message>
        <source>Connect to a real cluster</source>
        <translation>Ligar a um cluster real</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Perfil:</translation>
    </message>
    <message>
        <source>Bootstrap servers:</source>
        <translation>Servidores de bootstrap:</translation>
    </message>
    <message>
        <source>Client id:</source>
        <translation>Id do cliente:</translation>
    </message>
    <message>
        <source>security.protocol:</source>
        <translation>security.protocol:</translation>
    </message>
    <message>
        <source>SASL mechanism:</source>
        <translation>Mecanismo SASL:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Utilizador:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Palavra-passe:</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>Ficheiro da CA:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Escolher…</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Testar ligação</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Ligar</translation>
    </message>
    <message>
        <source>host:port[,host:port…]</source>
        <translation>anfitrião:porta[,anfitrião:porta…]</translation>
    </message>
    <message numerus="yes">
        <source>Reached: %n broker(s), cluster id %1, Kafka %2 (inferred from the protocol versions the broker supports; Kafka does not report its exact version to clients).</source>
        <translation>
            <numerusform>Alcançado: %n broker, id do cluster %1, Kafka %2 (deduzido das versões do protocolo que o broker suporta; o Kafka não diz a versão exata aos clientes).</numerusform>
            <numerusform>Alcançado: %n brokers, id do cluster %1, Kafka %2 (deduzido das versões do protocolo que o broker suporta; o Kafka não diz a versão exata aos clientes).</numerusform>
        </translation>
    </message>
    <message>
        <source>But the broker is Kafka 4.x, which refuses every SCRAM login of the librdkafka %1 of this build, even with the right password (librdkafka bug #4895, fixed in 2.6.1): use the PLAIN mechanism (with SASL_SSL outside the classroom).</source>
        <translation>Mas o broker é um Kafka 4.x, que recusa todas as autenticações SCRAM da librdkafka %1 desta compilação, mesmo com a palavra-passe certa (erro #4895 da librdkafka, corrigido na 2.6.1): use o mecanismo PLAIN (com SASL_SSL fora da sala de aula).</translation>
    </message>
    <message>
        <source>If the broker is Kafka 4.x, it refuses every SCRAM login of the librdkafka %1 of this build, even with the right password (librdkafka bug #4895, fixed in 2.6.1): use the PLAIN mechanism (with SASL_SSL outside the classroom).</source>
        <translation>Se o broker for um Kafka 4.x, recusa todas as autenticações SCRAM da librdkafka %1 desta compilação, mesmo com a palavra-passe certa (erro #4895 da librdkafka, corrigido na 2.6.1): use o mecanismo PLAIN (com SASL_SSL fora da sala de aula).</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>Teste cancelado.</translation>
    </message>
    <message>
        <source>Cancel the test</source>
        <translation>Cancelar o teste</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::CreateTopicDialog</name>
    <message>
        <source>Create topic</source>
        <translation>Criar tópico</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nome:</translation>
    </message>
    <message>
        <source>Partitions:</source>
        <translation>Partições:</translation>
    </message>
    <message>
        <source>Replication factor:</source>
        <translation>Fator de replicação:</translation>
    </message>
    <message>
        <source>As kafka-topics --create --topic NAME --partitions P --replication-factor R</source>
        <translation>Como kafka-topics --create --topic NOME --partitions P --replication-factor R</translation>
    </message>
    <message>
        <source>At most %1 partitions: a Kafka controller writes at most %2 metadata records per operation (one for the topic, one per partition). The replication factor cannot exceed the number of brokers (%3): each replica lives on a different broker.</source>
        <translation>No máximo %1 partições: um controlador Kafka grava no máximo %2 registos de metadados por operação (um do tópico, um por partição). O fator de replicação não pode exceder o número de brokers (%3): cada réplica vive num broker diferente.</translation>
    </message>
    <message>
        <source>new-topic</source>
        <extracomment>The default name of a new topic: a valid Kafka topic name (ASCII letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;).</extracomment>
        <translation>novo-topico</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::GalleryDialog</name>
    <message>
        <source>Scenario gallery</source>
        <translation>Galeria de cenários</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>%1 (invalid file)</source>
        <translation>%1 (ficheiro inválido)</translation>
    </message>
    <message>
        <source>No scenarios found in %1.</source>
        <translation>Não foram encontrados cenários em %1.</translation>
    </message>
    <message>
        <source>This file is not valid:</source>
        <translation>Este ficheiro não é válido:</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::GroupPanel</name>
    <message>
        <source>Group / member</source>
        <translation>Grupo / membro</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalhes</translation>
    </message>
    <message numerus="yes">
        <source>generation %1 · assignor %2 · %3 · leader %4 · %n member(s)</source>
        <translation>
            <numerusform>geração %1 · atribuidor %2 · %3 · líder %4 · %n membro</numerusform>
            <numerusform>geração %1 · atribuidor %2 · %3 · líder %4 · %n membros</numerusform>
        </translation>
    </message>
    <message>
        <source> (leader)</source>
        <translation> (líder)</translation>
    </message>
    <message>
        <source>no partitions</source>
        <translation>sem partições</translation>
    </message>
    <message>
        <source>revoked (stopped): %1</source>
        <translation>revogadas (paradas): %1</translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s): %1</source>
        <translation>
            <numerusform>%n partição: %1</numerusform>
            <numerusform>%n partições: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>generation %1 · %2</source>
        <translation>geração %1 · %2</translation>
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
        <translation>GERAÇÃO</translation>
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
        <translation>Nenhum traço carregado.</translation>
    </message>
    <message>
        <source>Keyed process function: state and timers per key</source>
        <translation>Função de processamento por chave: estado e timers de cada chave</translation>
    </message>
    <message>
        <source>Window operator: the windows each key holds and their timers (end − 1 ms)</source>
        <translation>Operador de janelas: as janelas que cada chave guarda e os seus timers (fim − 1 ms)</translation>
    </message>
    <message>
        <source>checkpoints completed: %1 (last #%2)</source>
        <translation>checkpoints concluídos: %1 (último #%2)</translation>
    </message>
    <message>
        <source>CRASH: a subtask failed; the job restarts from its last completed checkpoint</source>
        <translation>FALHA: uma subtarefa falhou; o job recomeça do último checkpoint concluído</translation>
    </message>
    <message>
        <source>restored from checkpoint #%1: the lanes show the checkpoint&apos;s state, then the elements read again</source>
        <translation>reposto do checkpoint #%1: as faixas mostram o estado do checkpoint e depois os elementos lidos de novo</translation>
    </message>
    <message>
        <source>state: (empty)</source>
        <translation>estado: (vazio)</translation>
    </message>
    <message>
        <source>state: %1</source>
        <translation>estado: %1</translation>
    </message>
    <message>
        <source>[%1, %2) fired ×%3</source>
        <translation>[%1, %2) disparou ×%3</translation>
    </message>
    <message>
        <source>[%1, %2) open</source>
        <translation>[%1, %2) aberta</translation>
    </message>
    <message>
        <source>windows: %1</source>
        <translation>janelas: %1</translation>
    </message>
    <message>
        <source>pending timers: none</source>
        <translation>timers pendentes: nenhum</translation>
    </message>
    <message>
        <source>pending timers: %1</source>
        <translation>timers pendentes: %1</translation>
    </message>
    <message>
        <source>▶ now: %1</source>
        <translation>▶ agora: %1</translation>
    </message>
    <message>
        <source>last output (event %1): %2</source>
        <translation>última saída (evento %1): %2</translation>
    </message>
    <message>
        <source>no output yet</source>
        <translation>ainda sem saídas</translation>
    </message>
    <message>
        <source>No key has reached the operator yet.</source>
        <translation>Ainda nenhuma chave chegou ao operador.</translation>
    </message>
    <message numerus="yes">
        <source>%n element(s)</source>
        <translation>
            <numerusform>%n elemento</numerusform>
            <numerusform>%n elementos</numerusform>
        </translation>
    </message>
    <message>
        <source>processing time %1 (in %2)</source>
        <translation>tempo de processamento %1 (daqui a %2)</translation>
    </message>
    <message>
        <source>processing time %1</source>
        <translation>tempo de processamento %1</translation>
    </message>
    <message>
        <source>event time %1 (watermark %2 behind)</source>
        <translation>tempo de evento %1 (a watermark está %2 atrás)</translation>
    </message>
    <message>
        <source>event time %1</source>
        <translation>tempo de evento %1</translation>
    </message>
    <message numerus="yes">
        <source>end of input: %n processing-time timers dropped without firing</source>
        <translation>
            <numerusform>fim da entrada: %n timer de tempo de processamento descartado sem disparar</numerusform>
            <numerusform>fim da entrada: %n timers de tempo de processamento descartados sem disparar</numerusform>
        </translation>
    </message>
    <message>
        <source>timers dropped at the end of input, never fired: processing time %1</source>
        <translation>timers descartados no fim da entrada, sem disparar: tempo de processamento %1</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::LabPanel</name>
    <message>
        <source>No labs found</source>
        <translation>Nenhum laboratório encontrado</translation>
    </message>
    <message>
        <source>Choose a lab…</source>
        <translation>Escolha um laboratório…</translation>
    </message>
    <message>
        <source>Guided labs</source>
        <translation>Laboratórios guiados</translation>
    </message>
    <message>
        <source>beginner</source>
        <translation>iniciante</translation>
    </message>
    <message>
        <source>intermediate</source>
        <translation>intermédio</translation>
    </message>
    <message>
        <source>advanced</source>
        <translation>avançado</translation>
    </message>
    <message>
        <source>Level: %1 · about %2 min · %3 steps</source>
        <translation>Nível: %1 · cerca de %2 min · %3 passos</translation>
    </message>
    <message>
        <source>%1 of %2 steps</source>
        <translation>%1 de %2 passos</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Concluído</translation>
    </message>
    <message>
        <source>In progress: checked after every command</source>
        <translation>Em curso: verificado depois de cada comando</translation>
    </message>
    <message>
        <source>Not reached yet</source>
        <translation>Ainda por fazer</translation>
    </message>
    <message>
        <source>Click a command to copy it into the terminal.</source>
        <translation>Clique num comando para o copiar para o terminal.</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>Objetivos</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Passo %1 de %2: %3</translation>
    </message>
    <message>
        <source>Hint %1</source>
        <translation>Dica %1</translation>
    </message>
    <message>
        <source>Why it works</source>
        <translation>Porque funciona</translation>
    </message>
    <message>
        <source>Lab complete!</source>
        <translation>Laboratório concluído!</translation>
    </message>
    <message>
        <source>Show a hint (%1 of %2)</source>
        <translation>Mostrar uma dica (%1 de %2)</translation>
    </message>
    <message>
        <source>No more hints</source>
        <translation>Não há mais dicas</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Recomeçar</translation>
    </message>
    <message>
        <source>The saved progress of this lab could not be read: the lab starts over on a fresh cluster.</source>
        <translation>O progresso guardado deste laboratório não pôde ser lido: o laboratório recomeça num cluster novo.</translation>
    </message>
    <message numerus="yes">
        <source>Progress restored: %n command(s) replayed</source>
        <translation>
            <numerusform>Progresso restaurado: %n comando repetido</numerusform>
            <numerusform>Progresso restaurado: %n comandos repetidos</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (cannot be loaded)</source>
        <translation>%1 (não pode ser carregado)</translation>
    </message>
    <message>
        <source>Restart the lab</source>
        <translation>Recomeçar o laboratório</translation>
    </message>
    <message>
        <source>Start “%1” over?</source>
        <translation>Recomeçar «%1»?</translation>
    </message>
    <message>
        <source>Keep my progress</source>
        <translation>Manter o progresso</translation>
    </message>
    <message>
        <source>No lab could be loaded.</source>
        <translation>Não foi possível carregar nenhum laboratório.</translation>
    </message>
    <message>
        <source>No lab open yet.</source>
        <translation>Ainda não há nenhum laboratório aberto.</translation>
    </message>
    <message>
        <source>Not checked: another scenario replaced the lab&apos;s cluster</source>
        <translation>Não verificado: outro cenário substituiu o cluster do laboratório</translation>
    </message>
    <message>
        <source>The steps are not being checked.</source>
        <translation>Os passos não estão a ser verificados.</translation>
    </message>
    <message>
        <source>Click “Resume the lab” above to get the lab&apos;s cluster back.</source>
        <translation>Clique em «Retomar o laboratório», acima, para voltar ao cluster do laboratório.</translation>
    </message>
    <message>
        <source>Every step passed. Choose the next lab in the list above, or “Restart” to do this one again.</source>
        <translation>Todos os passos concluídos. Escolha o laboratório seguinte na lista acima, ou «Recomeçar» para o repetir.</translation>
    </message>
    <message>
        <source>A guided lab is a short exercise in steps: you type commands in the terminal (the real Kafka tools, or fluxolab-cli replay in the stream labs) and each step is checked as you go, against the simulated cluster or what the command printed.</source>
        <translation>Um laboratório guiado é um exercício curto, por passos: escreve comandos no terminal (as ferramentas reais do Kafka, ou fluxolab-cli replay nos laboratórios de streams) e cada passo é verificado à medida que avança, no cluster simulado ou no que o comando escreveu.</translation>
    </message>
    <message>
        <source>Choose a lab in the list above (they are in the course&apos;s order) or below.</source>
        <translation>Escolha um laboratório na lista acima (pela ordem do curso) ou abaixo.</translation>
    </message>
    <message>
        <source>The lab gets its own fresh cluster (1 broker at localhost:9092, as the course&apos;s install): it replaces the scenario that is open.</source>
        <translation>O laboratório recebe um cluster novo só seu (1 broker em localhost:9092, como a instalação do curso): substitui o cenário que estiver aberto.</translation>
    </message>
    <message>
        <source>Click a command in the instructions to copy it into the terminal, then press Enter.</source>
        <translation>Clique num comando das instruções para o copiar para o terminal e prima Enter.</translation>
    </message>
    <message>
        <source>Your progress is saved: the lab continues where you left it, even after closing FluxoLab.</source>
        <translation>O progresso fica guardado: o laboratório continua onde o deixou, mesmo depois de fechar o FluxoLab.</translation>
    </message>
    <message>
        <source>Labs</source>
        <translation>Laboratórios</translation>
    </message>
    <message>
        <source>%1 · about %2 min · %3 steps</source>
        <translation>%1 · cerca de %2 min · %3 passos</translation>
    </message>
    <message>
        <source>No lab was found in the folder %1. FluxoLab reads the *.json files of that folder (another folder can be chosen with the environment variable FLUXOLAB_LABS_DIR).</source>
        <translation>Não foi encontrado nenhum laboratório na pasta %1. O FluxoLab lê os ficheiros *.json dessa pasta (pode escolher outra pasta com a variável de ambiente FLUXOLAB_LABS_DIR).</translation>
    </message>
    <message>
        <source>Lab files that could not be loaded</source>
        <translation>Ficheiros de laboratório que não puderam ser carregados</translation>
    </message>
    <message>
        <source>These files are left out until they are fixed (docs/labs.md describes the format):</source>
        <translation>Estes ficheiros ficam de fora até serem corrigidos (o formato está descrito em docs/labs.pt.md):</translation>
    </message>
    <message>
        <source>Resume the lab</source>
        <translation>Retomar o laboratório</translation>
    </message>
    <message>
        <source>Give the lab its cluster back: your commands are replayed and the steps checked again</source>
        <translation>Devolve ao laboratório o seu cluster: os seus comandos são repetidos e os passos voltam a ser verificados</translation>
    </message>
    <message>
        <source>Another scenario replaced this lab&apos;s cluster, so its steps are no longer checked. Your progress is kept.</source>
        <translation>Outro cenário substituiu o cluster deste laboratório, por isso os passos deixaram de ser verificados. O seu progresso mantém-se.</translation>
    </message>
    <message>
        <source>Start the lab over on a fresh cluster (1 broker, localhost:9092); asks first</source>
        <translation>Recomeçar o laboratório num cluster novo (1 broker, localhost:9092); pede confirmação</translation>
    </message>
    <message>
        <source>The steps you passed, the hints shown and the commands you typed in this lab are forgotten, and the lab gets a fresh cluster (1 broker, %1). This cannot be undone.</source>
        <translation>Os passos concluídos, as dicas vistas e os comandos que escreveu neste laboratório são esquecidos, e o laboratório recebe um cluster novo (1 broker, %1). Não é possível desfazer.</translation>
    </message>
    <message>
        <source>This lab runs on the real cluster %1: its setup and its checks act on that cluster, and the commands shown name it. A real cluster is not reset: what an earlier attempt created stays there.</source>
        <translation>Este laboratório corre no cluster real %1: a preparação e as verificações atuam nesse cluster, e os comandos mostrados apontam para ele. Um cluster real não é reposto: o que uma tentativa anterior criou continua lá.</translation>
    </message>
    <message>
        <source>Restoring the lab: replaying your saved commands…</source>
        <translation>A restaurar o laboratório: a repetir os comandos guardados…</translation>
    </message>
    <message>
        <source>Stop here</source>
        <translation>Parar aqui</translation>
    </message>
    <message>
        <source>Restoring the lab</source>
        <translation>A restaurar o laboratório</translation>
    </message>
    <message numerus="yes">
        <source>Restoring stopped: %n command(s) replayed; the rest of the saved session is not restored.</source>
        <translation>
            <numerusform>Restauro interrompido: %n comando repetido; o resto da sessão guardada não foi restaurado.</numerusform>
            <numerusform>Restauro interrompido: %n comandos repetidos; o resto da sessão guardada não foi restaurado.</numerusform>
        </translation>
    </message>
    <message>
        <source>Folded while you type in the terminal: click to show the step</source>
        <translation>Dobrado enquanto escreve no terminal: clique para ver o passo</translation>
    </message>
    <message>
        <source>Show the step</source>
        <translation>Mostrar o passo</translation>
    </message>
    <message>
        <source>Unfold the lab panel: the step&apos;s instructions, the list of steps and the hints</source>
        <translation>Desdobrar o painel do laboratório: as instruções do passo, a lista de passos e as dicas</translation>
    </message>
    <message>
        <source>Not yet: %1</source>
        <translation>Ainda não: %1</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::MainWindow</name>
    <message>
        <source>About FluxoLab</source>
        <translation>Sobre o FluxoLab</translation>
    </message>
    <message>
        <source>&lt;b&gt;FluxoLab&lt;/b&gt;&lt;br&gt;A teaching lab that animates a deterministic simulation of Apache Kafka: partitions, replicas, offsets and consumer-group rebalances.&lt;br&gt;Every picture comes from the simulation&apos;s state and journal.</source>
        <translation>&lt;b&gt;FluxoLab&lt;/b&gt;&lt;br&gt;Um laboratório de ensino que anima uma simulação determinística do Apache Kafka: partições, réplicas, offsets e rebalanceamentos de grupos de consumidores.&lt;br&gt;Tudo o que se vê vem do estado e do diário da simulação.</translation>
    </message>
    <message>
        <source>Broker %1</source>
        <translation>Broker %1</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Reproduzir</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Ficheiro</translation>
    </message>
    <message>
        <source>&amp;Simulation</source>
        <translation>&amp;Simulação</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Stop broker</source>
        <translation>Parar broker</translation>
    </message>
    <message>
        <source>Crash broker</source>
        <translation>Falha de broker</translation>
    </message>
    <message>
        <source>Start broker</source>
        <translation>Arrancar broker</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Barra de ferramentas</translation>
    </message>
    <message>
        <source>Scenario &amp;gallery…</source>
        <translation>&amp;Galeria de cenários…</translation>
    </message>
    <message>
        <source>Choose one of the bundled scenarios</source>
        <translation>Escolher um dos cenários incluídos</translation>
    </message>
    <message>
        <source>&amp;Open scenario…</source>
        <translation>&amp;Abrir cenário…</translation>
    </message>
    <message>
        <source>Open a scenario JSON file</source>
        <translation>Abrir um ficheiro de cenário JSON</translation>
    </message>
    <message>
        <source>&amp;Save scenario as…</source>
        <translation>&amp;Guardar cenário como…</translation>
    </message>
    <message>
        <source>Save the scenario, including the actions you made and the terminal&apos;s commands, as JSON</source>
        <translation>Guardar o cenário, incluindo as ações que fez e os comandos do terminal, em JSON</translation>
    </message>
    <message>
        <source>Export view as &amp;PNG…</source>
        <translation>Exportar vista como &amp;PNG…</translation>
    </message>
    <message>
        <source>Save the current view as an image (for slides)</source>
        <translation>Guardar a vista atual como imagem (para diapositivos)</translation>
    </message>
    <message>
        <source>Export view as S&amp;VG…</source>
        <translation>Exportar vista como S&amp;VG…</translation>
    </message>
    <message>
        <source>Save the current view as a vector drawing</source>
        <translation>Guardar a vista atual como desenho vetorial</translation>
    </message>
    <message>
        <source>Export plot data as &amp;CSV…</source>
        <translation>Exportar dados dos gráficos como &amp;CSV…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>Step &amp;back</source>
        <translation>&amp;Recuar um evento</translation>
    </message>
    <message>
        <source>Previous journal event (←)</source>
        <translation>Evento anterior do diário (←)</translation>
    </message>
    <message>
        <source>Step &amp;forward</source>
        <translation>A&amp;vançar um evento</translation>
    </message>
    <message>
        <source>Next journal event (→)</source>
        <translation>Evento seguinte do diário (→)</translation>
    </message>
    <message>
        <source>Go to &amp;now</source>
        <translation>Ir para o &amp;agora</translation>
    </message>
    <message>
        <source>Back to the newest state</source>
        <translation>Voltar ao estado mais recente</translation>
    </message>
    <message>
        <source>Add &amp;consumer…</source>
        <translation>Adicionar &amp;consumidor…</translation>
    </message>
    <message>
        <source>Start a new consumer in a group: watch the rebalance</source>
        <translation>Arrancar um novo consumidor num grupo: observe o rebalanceamento</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>Modo de a&amp;presentação</translation>
    </message>
    <message>
        <source>Leave presentation mode</source>
        <translation>Sair do modo de apresentação</translation>
    </message>
    <message>
        <source>&amp;Cluster</source>
        <translation>&amp;Cluster</translation>
    </message>
    <message>
        <source>&amp;Groups</source>
        <translation>&amp;Grupos</translation>
    </message>
    <message>
        <source>&amp;Tables</source>
        <translation>&amp;Tabelas</translation>
    </message>
    <message>
        <source>P&amp;lots</source>
        <translation>Grá&amp;ficos</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Sobre</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Consumer groups</source>
        <translation>Grupos de consumidores</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabelas</translation>
    </message>
    <message>
        <source>Plots</source>
        <translation>Gráficos</translation>
    </message>
    <message>
        <source>Topics (kafka-topics --describe)</source>
        <translation>Tópicos (kafka-topics --describe)</translation>
    </message>
    <message>
        <source>Partitions (kafka-topics --describe, with offsets)</source>
        <translation>Partições (kafka-topics --describe, com offsets)</translation>
    </message>
    <message>
        <source>Groups (kafka-consumer-groups --describe --state, and the generation it does not print)</source>
        <translation>Grupos (kafka-consumer-groups --describe --state, e a geração, que ele não mostra)</translation>
    </message>
    <message>
        <source>Offsets and lag (kafka-consumer-groups --describe)</source>
        <translation>Offsets e desfasamento (kafka-consumer-groups --describe)</translation>
    </message>
    <message>
        <source>Could not open the scenario</source>
        <translation>Não foi possível abrir o cenário</translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>Abrir cenário</translation>
    </message>
    <message>
        <source>Scenarios (*.json)</source>
        <translation>Cenários (*.json)</translation>
    </message>
    <message>
        <source>Save scenario</source>
        <translation>Guardar cenário</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>Não foi possível guardar</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Não foi possível escrever %1.</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Imagens PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>Desenhos SVG (*.svg)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Ficheiros CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Co&amp;mpare assignors…</source>
        <translation>Co&amp;mparar atribuidores…</translation>
    </message>
    <message>
        <source>The same scenario and seed under two assignors, side by side</source>
        <translation>O mesmo cenário e a mesma semente com dois atribuidores, lado a lado</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Labs</source>
        <translation>Laboratórios</translation>
    </message>
    <message>
        <source>&amp;Terminal (Kafka CLI)</source>
        <translation>&amp;Terminal (CLI Kafka)</translation>
    </message>
    <message>
        <source>La&amp;bs</source>
        <translation>La&amp;boratórios</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>Galeria</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>PNG</source>
        <translation>PNG</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Apresentar</translation>
    </message>
    <message>
        <source>Consumer +</source>
        <translation>Consumidor +</translation>
    </message>
    <message>
        <source>Kafka CLI terminal (Ctrl+T)</source>
        <translation>Terminal com a CLI do Kafka (Ctrl+T)</translation>
    </message>
    <message>
        <source>Guided labs (Ctrl+Shift+L)</source>
        <translation>Laboratórios guiados (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>Open &amp;trace…</source>
        <translation>Abrir &amp;traço…</translation>
    </message>
    <message>
        <source>Read a CSV or JSON Lines trace of events into the stream view</source>
        <translation>Ler um traço de eventos (CSV ou JSON Lines) para a vista Stream</translation>
    </message>
    <message>
        <source>Save the data behind the plots (in the stream view: the window firings)</source>
        <translation>Guardar os dados dos gráficos (na vista Stream: os disparos das janelas)</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Stream</translation>
    </message>
    <message>
        <source>&amp;Stream (event time)</source>
        <translation>&amp;Stream (tempo de evento)</translation>
    </message>
    <message>
        <source>Send trace to a topic</source>
        <translation>Enviar traço para um tópico</translation>
    </message>
    <message>
        <source>The cluster has no topic yet: create one first (for example with kafka-topics --create in the terminal).</source>
        <translation>O cluster ainda não tem tópicos: crie um primeiro (por exemplo com kafka-topics --create no terminal).</translation>
    </message>
    <message>
        <source>Sending %1 into topic %2: play the simulation; the stream view reads the topic.</source>
        <translation>A enviar %1 para o tópico %2: ponha a simulação a correr; a vista Stream lê o tópico.</translation>
    </message>
    <message>
        <source>Send trace to a top&amp;ic…</source>
        <translation>&amp;Enviar traço para um tópico…</translation>
    </message>
    <message>
        <source>Produce a trace&apos;s events into a topic of the simulation at their arrival times; the stream view reads the topic</source>
        <translation>Produz os eventos de um traço num tópico da simulação às suas horas de chegada; a vista Stream lê o tópico</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Cenário</translation>
    </message>
    <message>
        <source>Open, save, build (topics, producers, consumers) or export the scenario</source>
        <translation>Abrir, guardar, construir (tópicos, produtores, consumidores) ou exportar o cenário</translation>
    </message>
    <message>
        <source>Large fonts, thick lines, high contrast; only the toolbar stays (F11)</source>
        <translation>Letra grande, linhas grossas, alto contraste; só fica a barra de ferramentas (F11)</translation>
    </message>
    <message>
        <source>The demo reached the end planned by its scenario (%1); the simulation goes on until you pause it.</source>
        <translation>A demonstração chegou ao fim previsto no cenário (%1); a simulação continua até a pausar.</translation>
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
        <translation>Aqui o LOG-END-OFFSET é o high watermark (o que ListOffsets(latest) devolve), não o LEO.</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::PartitionsModel</name>
    <message>
        <source>Topic</source>
        <translation>Tópico</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>Partição</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>Líder</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>Réplicas</translation>
    </message>
    <message>
        <source>Isr</source>
        <translation>ISR</translation>
    </message>
    <message>
        <source>Log start</source>
        <translation>Início do log</translation>
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
        <translation>Partições (splits)</translation>
    </message>
    <message>
        <source>Source + watermarks ×%1</source>
        <translation>Fonte + watermarks ×%1</translation>
    </message>
    <message>
        <source>keyBy</source>
        <translation>keyBy</translation>
    </message>
    <message>
        <source>Window %1 ×%2</source>
        <translation>Janela %1 ×%2</translation>
    </message>
    <message>
        <source>Sink</source>
        <translation>Sink</translation>
    </message>
    <message>
        <source>P%1 · idle · wm %2</source>
        <translation>P%1 · ociosa · wm %2</translation>
    </message>
    <message>
        <source>P%1 · wm %2</source>
        <translation>P%1 · wm %2</translation>
    </message>
    <message>
        <source>Source %1/%2</source>
        <translation>Fonte %1/%2</translation>
    </message>
    <message>
        <source>wm %1</source>
        <translation>wm %1</translation>
    </message>
    <message>
        <source>Window %1/%2 · wm %3</source>
        <translation>Janela %1/%2 · wm %3</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>ociosa</translation>
    </message>
    <message>
        <source>Late side output</source>
        <translation>Saída lateral</translation>
    </message>
    <message>
        <source>Late: dropped</source>
        <translation>Atrasados: descartados</translation>
    </message>
    <message>
        <source>P%1 idle %2</source>
        <translation>P%1 ociosa %2</translation>
    </message>
    <message>
        <source>last: %1</source>
        <translation>último: %1</translation>
    </message>
    <message>
        <source>Keyed process %1 ×%2</source>
        <translation>Processamento por chave %1 ×%2</translation>
    </message>
    <message>
        <source>Process %1/%2 · wm %3</source>
        <translation>Processamento %1/%2 · wm %3</translation>
    </message>
    <message numerus="yes">
        <source>P%1 · %n read</source>
        <translation>
            <numerusform>P%1 · %n lido</numerusform>
            <numerusform>P%1 · %n lidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>P%1 · idle · %n read</source>
        <translation>
            <numerusform>P%1 · ociosa · %n lido</numerusform>
            <numerusform>P%1 · ociosa · %n lidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>idle · %n read</source>
        <translation>
            <numerusform>ociosa · %n lido</numerusform>
            <numerusform>ociosa · %n lidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n read</source>
        <translation>
            <numerusform>%n lido</numerusform>
            <numerusform>%n lidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n records</source>
        <translation>
            <numerusform>%n registo</numerusform>
            <numerusform>%n registos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n timers pending</source>
        <translation>
            <numerusform>%n timer pendente</numerusform>
            <numerusform>%n timers pendentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open windows</source>
        <translation>
            <numerusform>%n janela aberta</numerusform>
            <numerusform>%n janelas abertas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rec.</source>
        <translation>
            <numerusform>%n reg.</numerusform>
            <numerusform>%n reg.</numerusform>
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
            <numerusform>%n aberta</numerusform>
            <numerusform>%n abertas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sink · %n outputs</source>
        <translation>
            <numerusform>Sink · %n saída</numerusform>
            <numerusform>Sink · %n saídas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sink · %n results</source>
        <translation>
            <numerusform>Sink · %n resultado</numerusform>
            <numerusform>Sink · %n resultados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n late elements</source>
        <translation>
            <numerusform>%n atrasado</numerusform>
            <numerusform>%n atrasados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n timers dropped</source>
        <translation>
            <numerusform>%n timer descartado</numerusform>
            <numerusform>%n timers descartados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dropped</source>
        <translation>
            <numerusform>%n descartado</numerusform>
            <numerusform>%n descartados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fluxolab::app::PlotsView</name>
    <message>
        <source>Consumer lag (HW − committed offset)</source>
        <translation>Desfasamento (lag) dos consumidores (HW − offset confirmado)</translation>
    </message>
    <message>
        <source>Produce and consume rate</source>
        <translation>Ritmo de produção e de consumo</translation>
    </message>
    <message>
        <source>High watermark vs LEO (sum over partitions)</source>
        <translation>High watermark vs LEO (soma das partições)</translation>
    </message>
    <message>
        <source>virtual time (s)</source>
        <translation>tempo virtual (s)</translation>
    </message>
    <message>
        <source>records</source>
        <translation>registos</translation>
    </message>
    <message>
        <source>records/s</source>
        <translation>registos/s</translation>
    </message>
    <message>
        <source>offset</source>
        <translation>offset</translation>
    </message>
    <message>
        <source>group %1 (total)</source>
        <translation>grupo %1 (total)</translation>
    </message>
    <message>
        <source>%1 · %2-%3</source>
        <translation>%1 · %2-%3</translation>
    </message>
    <message>
        <source>produced</source>
        <translation>produzidos</translation>
    </message>
    <message>
        <source>consumed</source>
        <translation>consumidos</translation>
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
        <translation>Nenhum grupo de consumidores: não há lag para mostrar</translation>
    </message>
    <message>
        <source>time since connecting (s)</source>
        <translation>tempo desde a ligação (s)</translation>
    </message>
    <message>
        <source>High watermark (sum over partitions); the LEO is not visible on a real cluster</source>
        <translation>High watermark (soma das partições); o LEO não é visível num cluster real</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::ProcTimeCanvas</name>
    <message>
        <source>No trace loaded.</source>
        <translation>Nenhum traço carregado.</translation>
    </message>
    <message>
        <source>Processing-time windows (%1) on the same input: a window holds what arrived during it</source>
        <translation>Janelas de tempo de processamento (%1) sobre a mesma entrada: uma janela guarda o que chegou durante ela</translation>
    </message>
    <message>
        <source>arrival order (event number) →</source>
        <translation>ordem de chegada (número do evento) →</translation>
    </message>
    <message>
        <source>keys shown without “%1”</source>
        <translation>chaves mostradas sem “%1”</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::RealModeController</name>
    <message>
        <source>Real cluster %1: connected, refreshed at %2</source>
        <translation>Cluster real %1: ligado, atualizado às %2</translation>
    </message>
    <message>
        <source>Real cluster %1: connecting…</source>
        <translation>Cluster real %1: a ligar…</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>inalcançável</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>sem resposta a tempo</translation>
    </message>
    <message>
        <source>wrong credentials</source>
        <translation>credenciais erradas</translation>
    </message>
    <message>
        <source>TLS failure</source>
        <translation>falha de TLS</translation>
    </message>
    <message>
        <source>invalid settings</source>
        <translation>definições inválidas</translation>
    </message>
    <message>
        <source>client error</source>
        <translation>erro do cliente</translation>
    </message>
    <message>
        <source>C&amp;luster</source>
        <translation>C&amp;luster</translation>
    </message>
    <message>
        <source>Simulated</source>
        <translation>Simulado</translation>
    </message>
    <message>
        <source>Show the simulation</source>
        <translation>Mostrar a simulação</translation>
    </message>
    <message>
        <source>Real cluster</source>
        <translation>Cluster real</translation>
    </message>
    <message>
        <source>Show a real Kafka cluster (connects through librdkafka)</source>
        <translation>Mostrar um cluster Kafka real (liga-se através da librdkafka)</translation>
    </message>
    <message>
        <source>Connect to a real cluster…</source>
        <translation>Ligar a um cluster real…</translation>
    </message>
    <message>
        <source>No connection to the broker %1 (%2) for %3 s: trying again</source>
        <translation>Sem ligação ao broker %1 (%2) há %3 s: a tentar novamente</translation>
    </message>
    <message>
        <source>Compare with the real cluster…</source>
        <translation>Comparar com o cluster real…</translation>
    </message>
    <message>
        <source>Run a terminal script on the simulation and on the connected cluster and show the two outputs side by side</source>
        <translation>Corre um script do terminal na simulação e no cluster ligado e mostra as duas saídas lado a lado</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::RealTimeline</name>
    <message>
        <source>%1  rebalance of %2</source>
        <translation>%1  rebalanceamento de %2</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::RealView</name>
    <message>
        <source>committed %1</source>
        <translation>confirmado %1</translation>
    </message>
    <message>
        <source>lag %1</source>
        <translation>lag %1</translation>
    </message>
    <message>
        <source>state changed to rebalancing</source>
        <translation>o estado passou a rebalanceamento</translation>
    </message>
    <message>
        <source>members joined or left</source>
        <translation>entraram ou saíram membros</translation>
    </message>
    <message>
        <source>assignment changed</source>
        <translation>a atribuição mudou</translation>
    </message>
    <message>
        <source>%1  rebalance of %2: %3</source>
        <translation>%1  rebalanceamento de %2: %3</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabelas</translation>
    </message>
    <message>
        <source>Consumer groups</source>
        <translation>Grupos de consumidores</translation>
    </message>
    <message>
        <source>Lag over time</source>
        <translation>Lag ao longo do tempo</translation>
    </message>
    <message>
        <source>Not visible on a real cluster</source>
        <translation>Não visível num cluster real</translation>
    </message>
    <message>
        <source>Topics (kafka-topics --describe)</source>
        <translation>Tópicos (kafka-topics --describe)</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>Partições</translation>
    </message>
    <message>
        <source>Groups (kafka-consumer-groups --describe --state)</source>
        <translation>Grupos (kafka-consumer-groups --describe --state)</translation>
    </message>
    <message>
        <source>Offsets and lag (kafka-consumer-groups --describe)</source>
        <translation>Offsets e lag (kafka-consumer-groups --describe)</translation>
    </message>
    <message>
        <source>Group / member / partition</source>
        <translation>Grupo / membro / partição</translation>
    </message>
    <message>
        <source>State / host / offset</source>
        <translation>Estado / anfitrião / offset</translation>
    </message>
    <message>
        <source>Assignor / assignment / lag</source>
        <translation>Atribuidor / atribuição / lag</translation>
    </message>
    <message>
        <source>Coordinator / member id</source>
        <translation>Coordenador / id do membro</translation>
    </message>
    <message>
        <source>Real cluster %1: waiting for the first answer…</source>
        <translation>Cluster real %1: à espera da primeira resposta…</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>generation %1 stored by the coordinator</source>
        <translation>geração %1 guardada pelo coordenador</translation>
    </message>
    <message>
        <source>&lt;p&gt;A real cluster&apos;s Admin API shows topics, partitions, leaders, replicas, ISR, high watermarks, groups, members, assignments and committed offsets. This is refreshed every second.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Not visible on a real cluster&lt;/b&gt;, so not shown here:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;the animation of each record (produce, replication, fetch) and the records in flight;&lt;/li&gt;&lt;li&gt;each replica&apos;s log end offset (only the leader&apos;s high watermark and the ISR);&lt;/li&gt;&lt;li&gt;the inside of a rebalance (join and sync phases, revocations): a rebalance is seen when the group&apos;s coordinator stores a new generation in __consumer_offsets (where that topic cannot be read, when one refresh shows a change against the previous one);&lt;/li&gt;&lt;li&gt;the clients&apos; own state (positions, pauses, retries);&lt;/li&gt;&lt;li&gt;which controller is active (the KRaft quorum is not in the metadata clients get);&lt;/li&gt;&lt;li&gt;going back in time: a real cluster has no journal.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;The terminal and the open lab act on this real cluster.&lt;/p&gt;</source>
        <translation>&lt;p&gt;A Admin API de um cluster real mostra tópicos, partições, líderes, réplicas, ISR, high watermarks, grupos, membros, atribuições e offsets confirmados. Tudo é atualizado a cada segundo.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Não visível num cluster real&lt;/b&gt;, por isso não aparece aqui:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;a animação de cada registo (produção, replicação, fetch) e os registos em voo;&lt;/li&gt;&lt;li&gt;o log end offset de cada réplica (só o high watermark do líder e o ISR);&lt;/li&gt;&lt;li&gt;o interior de um rebalanceamento (fases de join e sync, revogações): um rebalanceamento vê-se quando o coordenador do grupo guarda uma nova geração em __consumer_offsets (onde esse tópico não pode ser lido, quando uma atualização mostra uma mudança em relação à anterior);&lt;/li&gt;&lt;li&gt;o estado dos próprios clientes (posições, pausas, novas tentativas);&lt;/li&gt;&lt;li&gt;qual é o controlador ativo (o quórum KRaft não vem nos metadados que os clientes recebem);&lt;/li&gt;&lt;li&gt;voltar atrás no tempo: um cluster real não tem diário.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;O terminal e o laboratório aberto atuam neste cluster real.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Real cluster %1: %2, %3, %4; last answer at %5.</source>
        <translation>Cluster real %1: %2, %3, %4; última resposta às %5.</translation>
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
            <numerusform>%n tópico</numerusform>
            <numerusform>%n tópicos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n grupo</numerusform>
            <numerusform>%n grupos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fluxolab::app::ScenarioBuilder</name>
    <message>
        <source>&amp;New scenario</source>
        <translation>&amp;Novo cenário</translation>
    </message>
    <message>
        <source>Start an empty cluster (3 brokers) and build a scenario from the toolbar</source>
        <translation>Começar com um cluster vazio (3 brokers) e construir um cenário a partir da barra de ferramentas</translation>
    </message>
    <message>
        <source>Create &amp;topic…</source>
        <translation>Criar &amp;tópico…</translation>
    </message>
    <message>
        <source>kafka-topics --create: name, partitions, replication factor</source>
        <translation>kafka-topics --create: nome, partições, fator de replicação</translation>
    </message>
    <message>
        <source>Add p&amp;roducer…</source>
        <translation>Adicionar p&amp;rodutor…</translation>
    </message>
    <message>
        <source>A producer sending keyed records to a topic</source>
        <translation>Um produtor que envia registos com chave para um tópico</translation>
    </message>
    <message>
        <source>&amp;Remove consumer…</source>
        <translation>&amp;Remover consumidor…</translation>
    </message>
    <message>
        <source>Close a consumer (it leaves its group: watch the rebalance)</source>
        <translation>Fechar um consumidor (sai do grupo: observe o rebalanceamento)</translation>
    </message>
    <message>
        <source>Remove consumer</source>
        <translation>Remover consumidor</translation>
    </message>
    <message>
        <source>Consumer to close:</source>
        <translation>Consumidor a fechar:</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::SimulationController</name>
    <message>
        <source>Scenario not found: &quot;%1&quot;. Use a gallery name or the path of a .json file.</source>
        <translation>Cenário não encontrado: &quot;%1&quot;. Use um nome da galeria ou o caminho de um ficheiro .json.</translation>
    </message>
    <message>
        <source>The scenario file %1 is not valid:
%2</source>
        <translation>O ficheiro de cenário %1 não é válido:
%2</translation>
    </message>
    <message>
        <source>Kafka refused to create the topic: %1 (%2)</source>
        <translation>O Kafka recusou a criação do tópico: %1 (%2)</translation>
    </message>
    <message>
        <source>No scenario is loaded.</source>
        <translation>Não há nenhum cenário carregado.</translation>
    </message>
    <message>
        <source>Could not send the trace to the topic: %1</source>
        <translation>Não foi possível enviar o traço para o tópico: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a folder, not a scenario file. Use a gallery name or the path of a .json file.</source>
        <translation>&quot;%1&quot; é uma pasta, não um ficheiro de cenário. Use um nome da galeria ou o caminho de um ficheiro .json.</translation>
    </message>
    <message>
        <source>The trace sent to the topic: %1</source>
        <translation>O traço enviado para o tópico: %1</translation>
    </message>
    <message>
        <source>The scenario&apos;s streams: %1</source>
        <translation>Os streams do cenário: %1</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::StreamCanvas</name>
    <message>
        <source>processing time → arrival order (number · arrival time)</source>
        <translation>tempo de processamento → ordem de chegada (nº · hora de chegada)</translation>
    </message>
    <message>
        <source>processing time → arrival order (no arrival column)</source>
        <translation>tempo de processamento → ordem de chegada (sem coluna de chegada)</translation>
    </message>
    <message numerus="yes">
        <source>%n results</source>
        <translation>
            <numerusform>%n resultado</numerusform>
            <numerusform>%n resultados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n results: %1</source>
        <translation>
            <numerusform>%n resultado: %1</numerusform>
            <numerusform>%n resultados: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n results: %1–%2</source>
        <translation>
            <numerusform>%n resultado: %1–%2</numerusform>
            <numerusform>%n resultados: %1–%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%n fired window(s) without a label</source>
        <translation>
            <numerusform>+%n janela disparada sem rótulo</numerusform>
            <numerusform>+%n janelas disparadas sem rótulo</numerusform>
        </translation>
    </message>
    <message>
        <source>Late side output</source>
        <translation>Saída lateral</translation>
    </message>
    <message>
        <source>No trace loaded.
File ▸ Open trace… reads a CSV or JSON Lines file of events and runs it through the stream engine (event time, watermarks, windows).</source>
        <translation>Nenhum traço carregado.
Ficheiro ▸ Abrir traço… lê um ficheiro de eventos CSV ou JSON Lines e corre-o no motor de streams (tempo de evento, watermarks, janelas).</translation>
    </message>
    <message>
        <source>event (at its arrival)</source>
        <translation>evento (quando chega)</translation>
    </message>
    <message>
        <source>Late (dropped)</source>
        <translation>Atrasados (descartados)</translation>
    </message>
    <message>
        <source>late event (dropped)</source>
        <translation>evento atrasado (descartado)</translation>
    </message>
    <message>
        <source>late event (side output)</source>
        <translation>evento atrasado (saída lateral)</translation>
    </message>
    <message>
        <source>operator watermark</source>
        <translation>watermark do operador</translation>
    </message>
    <message>
        <source>open window</source>
        <translation>janela aberta</translation>
    </message>
    <message>
        <source>fired window (result)</source>
        <translation>janela disparada (resultado)</translation>
    </message>
    <message>
        <source>idle partition</source>
        <translation>partição ociosa</translation>
    </message>
    <message>
        <source>processing time → (events in arrival order: number and arrival time)</source>
        <translation>tempo de processamento → (eventos por ordem de chegada: número e hora de chegada)</translation>
    </message>
    <message>
        <source>processing time → (events in arrival order; the trace has no arrival column)</source>
        <translation>tempo de processamento → (eventos por ordem de chegada; o traço não tem coluna de chegada)</translation>
    </message>
    <message>
        <source>↑ event time</source>
        <translation>↑ tempo de evento</translation>
    </message>
    <message numerus="yes">
        <source>%n late</source>
        <translation>
            <numerusform>%n atrasado</numerusform>
            <numerusform>%n atrasados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dropped</source>
        <translation>
            <numerusform>%n descartado</numerusform>
            <numerusform>%n descartados</numerusform>
        </translation>
    </message>
    <message>
        <source>partition %1</source>
        <translation>partição %1</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>ociosa</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>operador</translation>
    </message>
    <message>
        <source>partitions 0–%1</source>
        <translation>partições 0–%1</translation>
    </message>
    <message>
        <source>all idle</source>
        <translation>todas ociosas</translation>
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
        <translation>✖ falha</translation>
    </message>
    <message>
        <source>↺ restore #%1</source>
        <translation>↺ reposição #%1</translation>
    </message>
    <message>
        <source>↺ restart</source>
        <translation>↺ recomeço</translation>
    </message>
    <message numerus="yes">
        <source>%n timers dropped</source>
        <translation>
            <numerusform>%n timer descartado</numerusform>
            <numerusform>%n timers descartados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n windows fired at one watermark · %1</source>
        <translation>
            <numerusform>%n janela disparada pela mesma watermark · %1</numerusform>
            <numerusform>%n janelas disparadas pela mesma watermark · %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n windows · %1</source>
        <translation>
            <numerusform>%n janela · %1</numerusform>
            <numerusform>%n janelas · %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fluxolab::app::StreamView</name>
    <message>
        <source>a control character inside a JSON string</source>
        <translation>um carácter de controlo dentro de um texto JSON</translation>
    </message>
    <message>
        <source>a JSON string that never ends (a line cut short?)</source>
        <translation>um texto JSON que nunca termina (linha cortada?)</translation>
    </message>
    <message>
        <source>a bad \u escape in a JSON string</source>
        <translation>um escape \u inválido num texto JSON</translation>
    </message>
    <message>
        <source>a JSON object or array that never ends (a line cut short?)</source>
        <translation>um objeto ou lista JSON que nunca termina (linha cortada?)</translation>
    </message>
    <message>
        <source>not a JSON object (a JSON Lines trace has one {...} per line)</source>
        <translation>não é um objeto JSON (um traço JSON Lines tem um {...} por linha)</translation>
    </message>
    <message>
        <source>the JSON object is cut short</source>
        <translation>o objeto JSON está cortado</translation>
    </message>
    <message>
        <source>the JSON object is cut short (no closing &apos;}&apos;)</source>
        <translation>o objeto JSON está cortado (falta o &apos;}&apos; final)</translation>
    </message>
    <message>
        <source>a field name in quotes was expected</source>
        <translation>esperava-se o nome de um campo entre aspas</translation>
    </message>
    <message>
        <source>&apos;:&apos; was expected after a field name</source>
        <translation>esperava-se &apos;:&apos; depois do nome de um campo</translation>
    </message>
    <message>
        <source>&apos;,&apos; or &apos;}&apos; was expected</source>
        <translation>esperava-se &apos;,&apos; ou &apos;}&apos;</translation>
    </message>
    <message>
        <source>text after the JSON object</source>
        <translation>há texto depois do objeto JSON</translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; is an object or a list, not a value</source>
        <translation>o campo &quot;%1&quot; é um objeto ou uma lista, não um valor</translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; has no value</source>
        <translation>o campo &quot;%1&quot; não tem valor</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>o ficheiro não existe</translation>
    </message>
    <message>
        <source>it is a folder, not a trace file</source>
        <translation>é uma pasta, não um ficheiro de traço</translation>
    </message>
    <message>
        <source>the file cannot be read (permissions?)</source>
        <translation>não é possível ler o ficheiro (permissões?)</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>o ficheiro está vazio</translation>
    </message>
    <message>
        <source>it contains NUL bytes: this looks like a binary file, not a CSV or JSON Lines trace</source>
        <translation>contém bytes NUL: parece um ficheiro binário, não um traço CSV ou JSON Lines</translation>
    </message>
    <message>
        <source>the header has no column &quot;%1&quot; (columns: %2); choose the field in the trace options</source>
        <translation>o cabeçalho não tem a coluna &quot;%1&quot; (colunas: %2); escolha o campo nas opções do traço</translation>
    </message>
    <message>
        <source>%1 fields where the header has %2</source>
        <translation>%1 campos onde o cabeçalho tem %2</translation>
    </message>
    <message>
        <source>the time %1 is not in epoch seconds</source>
        <translation>o tempo %1 não está em segundos desde a época (epoch)</translation>
    </message>
    <message>
        <source>the time %1 is not in epoch milliseconds</source>
        <translation>o tempo %1 não está em milissegundos desde a época (epoch)</translation>
    </message>
    <message>
        <source>cannot read the date of %1 (expected %2)</source>
        <translation>não foi possível ler a data de %1 (formato esperado: %2)</translation>
    </message>
    <message>
        <source>the value %1 of the field &quot;%2&quot; is not a number</source>
        <translation>o valor %1 do campo &quot;%2&quot; não é um número</translation>
    </message>
    <message>
        <source>the key field &quot;%1&quot; is missing</source>
        <translation>falta o campo da chave &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the event time field &quot;%1&quot; is missing</source>
        <translation>falta o campo do tempo de evento &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the value field &quot;%1&quot; is missing</source>
        <translation>falta o campo do valor &quot;%1&quot;</translation>
    </message>
    <message>
        <source>The trace could not be loaded: %1</source>
        <translation>Não foi possível carregar o traço: %1</translation>
    </message>
    <message>
        <source>The trace %1 could not be loaded: %2</source>
        <translation>Não foi possível carregar o traço %1: %2</translation>
    </message>
    <message>
        <source>The trace %1 could not be loaded.
Line %2: %3</source>
        <translation>Não foi possível carregar o traço %1.
Linha %2: %3</translation>
    </message>
    <message>
        <source>Loading cancelled.</source>
        <translation>Leitura cancelada.</translation>
    </message>
    <message>
        <source>Open trace</source>
        <translation>Abrir traço</translation>
    </message>
    <message>
        <source>all keys</source>
        <translation>todas as chaves</translation>
    </message>
    <message>
        <source>Why has this window not fired?</source>
        <translation>Porque é que esta janela não disparou?</translation>
    </message>
    <message>
        <source>When did this window fire?</source>
        <translation>Quando disparou esta janela?</translation>
    </message>
    <message>
        <source>Window [%1, %2) of key &lt;b&gt;%3&lt;/b&gt; (window subtask %4).</source>
        <translation>Janela [%1, %2) da chave &lt;b&gt;%3&lt;/b&gt; (subtarefa de janela %4).</translation>
    </message>
    <message>
        <source>It fires when the operator watermark reaches &lt;b&gt;%1&lt;/b&gt; (end − 1 ms).</source>
        <translation>Dispara quando a watermark do operador chegar a &lt;b&gt;%1&lt;/b&gt; (fim − 1 ms).</translation>
    </message>
    <message>
        <source>Operator watermark now: &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>Watermark do operador agora: &lt;b&gt;%1&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>It has fired: result %1 (watermark %2, at event %3).</source>
        <translation>Já disparou: resultado %1 (watermark %2, no evento %3).</translation>
    </message>
    <message>
        <source>The watermark has passed its end: it fires now.</source>
        <translation>A watermark passou o seu fim: dispara agora.</translation>
    </message>
    <message>
        <source>Every partition is idle: the watermark does not move until one of them sends data again.</source>
        <translation>Todas as partições estão ociosas: a watermark não avança até uma delas voltar a enviar dados.</translation>
    </message>
    <message>
        <source>Partition %1 (source subtask %2) holds it back with watermark %3</source>
        <translation>A partição %1 (subtarefa de fonte %2) segura-a com a watermark %3</translation>
    </message>
    <message>
        <source>%1: it has not sent any event yet (empty).</source>
        <translation>%1: ainda não enviou nenhum evento (vazia).</translation>
    </message>
    <message>
        <source>%1: it receives events, but older ones than the other partitions (slow).</source>
        <translation>%1: recebe eventos, mas mais antigos do que as outras partições (lenta).</translation>
    </message>
    <message>
        <source>%1: no event late enough in event time has arrived yet.</source>
        <translation>%1: ainda não chegou nenhum evento com tempo de evento suficiente.</translation>
    </message>
    <message>
        <source>It needs an event with event time ≥ %1 in partition %2.</source>
        <translation>Precisa de um evento com tempo de evento ≥ %1 na partição %2.</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>Partição</translation>
    </message>
    <message>
        <source>Watermark</source>
        <translation>Watermark</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>ociosa</translation>
    </message>
    <message>
        <source>holding it back</source>
        <translation>segura-a</translation>
    </message>
    <message>
        <source>active</source>
        <translation>ativa</translation>
    </message>
    <message>
        <source>the window still does not fire.</source>
        <translation>a janela continua sem disparar.</translation>
    </message>
    <message>
        <source>the window fires at event %1 (now at %2) with result %3.</source>
        <translation>a janela dispara no evento %1 (cursor no %2) com o resultado %3.</translation>
    </message>
    <message>
        <source>Late elements: %1 → %2; firings: %3 → %4.</source>
        <translation>Atrasados: %1 → %2; disparos: %3 → %4.</translation>
    </message>
    <message>
        <source>With withIdleness(%1):</source>
        <translation>Com withIdleness(%1):</translation>
    </message>
    <message>
        <source>With the watermark %1:</source>
        <translation>Com a watermark %1:</translation>
    </message>
    <message>
        <source>What if… idle: withIdleness(%1)</source>
        <translation>E se… ociosa: withIdleness(%1)</translation>
    </message>
    <message>
        <source>What if… idle (needs an arrival column)</source>
        <translation>E se… ociosa (precisa de coluna de chegada)</translation>
    </message>
    <message>
        <source>What if… idle (the window has already fired)</source>
        <translation>E se… ociosa (a janela já disparou)</translation>
    </message>
    <message>
        <source>What if… idle (no partition holds the watermark back)</source>
        <translation>E se… ociosa (nenhuma partição atrasa a watermark)</translation>
    </message>
    <message>
        <source>What if… shorter bound: %1</source>
        <translation>E se… limite menor: %1</translation>
    </message>
    <message>
        <source>What if… shorter bound (no bound)</source>
        <translation>E se… limite menor (sem limite)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>A ler %1…</translation>
    </message>
    <message>
        <source>no arrival times: periodic watermarks only come at the end (choose a watermark after every event)</source>
        <translation>sem horas de chegada: as watermarks periódicas só saem no fim (escolha uma watermark depois de cada evento)</translation>
    </message>
    <message>
        <source>No trace loaded.</source>
        <translation>Nenhum traço carregado.</translation>
    </message>
    <message>
        <source>end of input (final watermark)</source>
        <translation>fim da entrada (watermark final)</translation>
    </message>
    <message>
        <source>event %1 of %2</source>
        <translation>evento %1 de %2</translation>
    </message>
    <message>
        <source>processing time %1</source>
        <translation>tempo de processamento %1</translation>
    </message>
    <message>
        <source>watermark %1</source>
        <translation>watermark %1</translation>
    </message>
    <message>
        <source>Stream view</source>
        <translation>Vista Stream</translation>
    </message>
    <message>
        <source>Open trace…</source>
        <translation>Abrir traço…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Previous event</source>
        <translation>Evento anterior</translation>
    </message>
    <message>
        <source>Next event</source>
        <translation>Evento seguinte</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>Reproduzir / pausa</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Velocidade de reprodução</translation>
    </message>
    <message>
        <source>Arrival order: drag to see the state after any event</source>
        <translation>Ordem de chegada: arraste para ver o estado depois de qualquer evento</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>Show this run in the view</source>
        <translation>Mostrar esta execução na vista</translation>
    </message>
    <message>
        <source>No partition is to blame: the watermark is emitted periodically, every %1 of processing time (pipeline.auto-watermark-interval), and this trace has no arrival column, so processing time never advances while it is read. No watermark comes before the end of input. Choose a watermark after every event, or an arrival column, in the trace options.</source>
        <translation>Nenhuma partição tem culpa: a watermark é emitida periodicamente, a cada %1 de tempo de processamento (pipeline.auto-watermark-interval), e este trace não tem coluna de chegada, por isso o tempo de processamento nunca avança enquanto é lido. Nenhuma watermark chega antes do fim da entrada. Escolha uma watermark após cada evento, ou uma coluna de chegada, nas opções do trace.</translation>
    </message>
    <message>
        <source>bad lines skipped: %1</source>
        <translation>linhas inválidas ignoradas: %1</translation>
    </message>
    <message>
        <source>Pipeline and plot</source>
        <translation>Pipeline e gráfico</translation>
    </message>
    <message>
        <source>Show the job as operators and subtasks (the watermark of every input channel) and the plot of max event time, watermark and processing time</source>
        <translation>Mostra o job como operadores e subtarefas (a watermark de cada canal de entrada) e o gráfico do maior tempo de evento, da watermark e do tempo de processamento</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Max event time · watermark · processing time</source>
        <translation>Maior tempo de evento · watermark · tempo de processamento</translation>
    </message>
    <message>
        <source>This run already uses processing-time windows: the picture above shows them.</source>
        <translation>Esta execução já usa janelas de tempo de processamento: a figura de cima mostra-as.</translation>
    </message>
    <message>
        <source>The trace has no arrival column: processing time does not advance, so every processing-time window would hold the whole trace.</source>
        <translation>O traço não tem coluna de chegada: o tempo de processamento não avança, por isso cada janela de tempo de processamento guardaria o traço inteiro.</translation>
    </message>
    <message>
        <source>The trace is too long to run a second time with processing-time windows here (fluxolab-cli replay --window-time processing does it).</source>
        <translation>O traço é demasiado longo para o correr uma segunda vez aqui com janelas de tempo de processamento (o fluxolab-cli replay --window-time processing fá-lo).</translation>
    </message>
    <message>
        <source>Processing-time windows</source>
        <translation>Janelas de tempo de processamento</translation>
    </message>
    <message>
        <source>Keys: state and timers</source>
        <translation>Chaves: estado e timers</translation>
    </message>
    <message>
        <source>checkpoint every %1</source>
        <translation>checkpoint a cada %1</translation>
    </message>
    <message>
        <source>the file could not be read to the end (a read error)</source>
        <translation>não foi possível ler o ficheiro até ao fim (erro de leitura)</translation>
    </message>
    <message>
        <source>the header line is longer than %1 KiB: is this a trace file?</source>
        <translation>a linha de cabeçalho tem mais de %1 KiB: é mesmo um ficheiro de traço?</translation>
    </message>
    <message>
        <source>the file is cut short: a quoted field of the header is never closed</source>
        <translation>o ficheiro está cortado: um campo entre aspas do cabeçalho nunca é fechado</translation>
    </message>
    <message>
        <source>the file has no header line (only blank lines)</source>
        <translation>o ficheiro não tem linha de cabeçalho (só linhas em branco)</translation>
    </message>
    <message>
        <source>the line is longer than %1 KiB (not read)</source>
        <translation>a linha tem mais de %1 KiB (não foi lida)</translation>
    </message>
    <message>
        <source>the file is cut short: a quoted field opened here is never closed</source>
        <translation>o ficheiro está cortado: um campo entre aspas aberto aqui nunca é fechado</translation>
    </message>
    <message>
        <source>a quoted field is never closed</source>
        <translation>um campo entre aspas nunca é fechado</translation>
    </message>
    <message>
        <source>text after a closing quote (expected %1)</source>
        <translation>há texto depois de umas aspas de fecho (esperava-se %1)</translation>
    </message>
    <message>
        <source>the partition field is missing (an integer between 0 and 1023 is needed)</source>
        <translation>falta o campo da partição (é preciso um inteiro entre 0 e 1023)</translation>
    </message>
    <message>
        <source>the partition %1 is not an integer between 0 and 1023</source>
        <translation>a partição %1 não é um inteiro entre 0 e 1023</translation>
    </message>
    <message>
        <source>the arrival time field is missing (epoch milliseconds are needed)</source>
        <translation>falta o campo do tempo de chegada (são precisos milissegundos desde a época)</translation>
    </message>
    <message>
        <source>the arrival time %1 is not in epoch milliseconds</source>
        <translation>o tempo de chegada %1 não está em milissegundos desde a época (epoch)</translation>
    </message>
    <message>
        <source>the arrival time %1 is before the previous line&apos;s %2 (the file must be in arrival order)</source>
        <translation>o tempo de chegada %1 é anterior ao da linha anterior, %2 (o ficheiro tem de estar por ordem de chegada)</translation>
    </message>
    <message>
        <source>the event time is empty</source>
        <translation>o tempo de evento está vazio</translation>
    </message>
    <message>
        <source>cannot read the time of day of %1 (expected %2)</source>
        <translation>não foi possível ler a hora de %1 (formato esperado: %2)</translation>
    </message>
    <message>
        <source>cannot read the seconds of %1</source>
        <translation>não foi possível ler os segundos de %1</translation>
    </message>
    <message>
        <source>bad fraction of a second in %1</source>
        <translation>fração de segundo inválida em %1</translation>
    </message>
    <message>
        <source>text after the time in %1 (this format has no time zone)</source>
        <translation>há texto depois da hora em %1 (este formato não tem fuso horário)</translation>
    </message>
    <message>
        <source>bad time zone offset in %1</source>
        <translation>desvio de fuso horário inválido em %1</translation>
    </message>
    <message>
        <source>the time zone offset in %1 is out of range</source>
        <translation>o desvio de fuso horário em %1 está fora do intervalo</translation>
    </message>
    <message>
        <source>text after the time in %1</source>
        <translation>há texto depois da hora em %1</translation>
    </message>
    <message>
        <source>there is no such date or time: %1</source>
        <translation>essa data ou hora não existe: %1</translation>
    </message>
    <message>
        <source>the time %1 is out of range (years 1 to 9999)</source>
        <translation>o tempo %1 está fora do intervalo (anos 1 a 9999)</translation>
    </message>
    <message>
        <source>the partition %1 is too large (at most %2)</source>
        <translation>a partição %1 é grande demais (no máximo %2)</translation>
    </message>
    <message>
        <source>the partition %1 is not below the number of partitions (%2)</source>
        <translation>a partição %1 não é menor do que o número de partições (%2)</translation>
    </message>
    <message>
        <source>more than %1 events: too long for this view (fluxolab-cli replay reads it)</source>
        <translation>mais de %1 eventos: demasiado longo para esta vista (o fluxolab-cli replay lê-o)</translation>
    </message>
    <message>
        <source>bad header: %1</source>
        <translation>cabeçalho inválido: %1</translation>
    </message>
    <message>
        <source>; the header seems to be separated by tabs, which a trace cannot be: save the file with &apos;,&apos; or &apos;;&apos; between the fields</source>
        <translation>; o cabeçalho parece estar separado por tabulações, o que um traço não pode ter: grave o ficheiro com &apos;,&apos; ou &apos;;&apos; entre os campos</translation>
    </message>
    <message>
        <source>; the header seems to be separated by &apos;%1&apos;: choose that delimiter in the trace options (fluxolab-cli replay: --delimiter &apos;%1&apos;)</source>
        <translation>; o cabeçalho parece estar separado por &apos;%1&apos;: escolha esse delimitador nas opções do traço (fluxolab-cli replay: --delimiter &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>%1 · %2 · keyed process %3 · %4</source>
        <translation>%1 · %2 · processamento por chave %3 · %4</translation>
    </message>
    <message>
        <source>%1 · %2 · watermark %3 · window %4 · %5 · %6</source>
        <translation>%1 · %2 · watermark %3 · janela %4 · %5 · %6</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n events</source>
        <translation>
            <numerusform>%1 de %n evento</numerusform>
            <numerusform>%1 de %n eventos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n events</source>
        <translation>
            <numerusform>%n evento</numerusform>
            <numerusform>%n eventos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n outputs</source>
        <translation>
            <numerusform>%n saída</numerusform>
            <numerusform>%n saídas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n firings</source>
        <translation>
            <numerusform>%n disparo</numerusform>
            <numerusform>%n disparos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n late</source>
        <translation>
            <numerusform>%n atrasado</numerusform>
            <numerusform>%n atrasados</numerusform>
        </translation>
    </message>
    <message>
        <source>crash after %1: %2, %3</source>
        <translation>falha depois de %1: %2, %3</translation>
    </message>
    <message numerus="yes">
        <source>%n elements</source>
        <translation>
            <numerusform>%n elemento</numerusform>
            <numerusform>%n elementos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n read again</source>
        <translation>
            <numerusform>%n lido de novo</numerusform>
            <numerusform>%n lidos de novo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n results emitted twice</source>
        <translation>
            <numerusform>%n resultado emitido duas vezes</numerusform>
            <numerusform>%n resultados emitidos duas vezes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: it has been silent for the last %n event(s) while the other partitions kept sending (without withIdleness it still counts).</source>
        <translation>
            <numerusform>%1: está calada há %n evento enquanto as outras partições continuam a enviar (sem withIdleness continua a contar).</numerusform>
            <numerusform>%1: está calada há %n eventos enquanto as outras partições continuam a enviar (sem withIdleness continua a contar).</numerusform>
        </translation>
    </message>
    <message>
        <source>the time %1 is neither epoch milliseconds (an integer, e.g. %2) nor a date-time (%3, or ISO-8601 e.g. %4); --time-format epoch-s reads epoch seconds</source>
        <translation>o tempo %1 não é milissegundos desde a época (um inteiro, p. ex. %2) nem uma data e hora (%3, ou ISO-8601 p. ex. %4); --time-format epoch-s lê segundos desde a época</translation>
    </message>
    <message>
        <source>the time %1 is a number, but --time-format iso|sql expects a date-time (%2 or ISO-8601); epoch times need --time-format epoch-ms, epoch-s or auto</source>
        <translation>o tempo %1 é um número, mas --time-format iso|sql espera uma data e hora (%2 ou ISO-8601); tempos desde a época precisam de --time-format epoch-ms, epoch-s ou auto</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::TerminalConsole</name>
    <message>
        <source>Copy (Ctrl+Shift+C)</source>
        <translation>Copiar (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>Paste (Ctrl+V)</source>
        <translation>Colar (Ctrl+V)</translation>
    </message>
    <message>
        <source>Stop the command (Ctrl+C)</source>
        <translation>Parar o comando (Ctrl+C)</translation>
    </message>
    <message>
        <source>Clear (Ctrl+L)</source>
        <translation>Limpar (Ctrl+L)</translation>
    </message>
    <message>
        <source>Kafka tools: kafka-topics.sh, kafka-console-producer.sh, kafka-console-consumer.sh, kafka-consumer-groups.sh, kafka-leader-election.sh, kafka-configs.sh, kafka-get-offsets.sh (with or without bin/).
Stream engine: fluxolab-cli replay TRACE ... (fluxolab-cli replay --help lists the options).
Keys: Tab completes, ↑/↓ history, Ctrl+C stops a consumer or producer, Ctrl+D ends the producer&apos;s input, Ctrl+L clears, Ctrl+Shift+C / Ctrl+V copy and paste.
Open another tab (+) to run a producer and a consumer side by side.
</source>
        <translation>Ferramentas Kafka: kafka-topics.sh, kafka-console-producer.sh, kafka-console-consumer.sh, kafka-consumer-groups.sh, kafka-leader-election.sh, kafka-configs.sh, kafka-get-offsets.sh (com ou sem bin/).
Motor de streams: fluxolab-cli replay TRAÇO ... (fluxolab-cli replay --help lista as opções).
Teclas: Tab completa, ↑/↓ histórico, Ctrl+C para um consumidor ou produtor, Ctrl+D termina a entrada do produtor, Ctrl+L limpa, Ctrl+Shift+C / Ctrl+V copiar e colar.
Abra outro separador (+) para ter um produtor e um consumidor lado a lado.
</translation>
    </message>
    <message>
        <source>No cluster is loaded: open a scenario or a lab first.</source>
        <translation>Não há nenhum cluster carregado: abra primeiro um cenário ou um laboratório.</translation>
    </message>
    <message>
        <source>[the cluster was replaced: command stopped]</source>
        <translation>[o cluster foi substituído: comando terminado]</translation>
    </message>
    <message numerus="yes">
        <source>Java stack trace (%n line(s)) — click to hide</source>
        <translation>
            <numerusform>rastreio da pilha Java (%n linha) — clique para ocultar</numerusform>
            <numerusform>rastreio da pilha Java (%n linhas) — clique para ocultar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Java stack trace (%n line(s)) — click to view</source>
        <translation>
            <numerusform>rastreio da pilha Java (%n linha) — clique para ver</numerusform>
            <numerusform>rastreio da pilha Java (%n linhas) — clique para ver</numerusform>
        </translation>
    </message>
    <message>
        <source>a pipe</source>
        <translation>um pipe</translation>
    </message>
    <message>
        <source>an output redirection</source>
        <translation>um redirecionamento da saída</translation>
    </message>
    <message>
        <source>a command list</source>
        <translation>uma lista de comandos</translation>
    </message>
    <message>
        <source>a command substitution</source>
        <translation>uma substituição de comando</translation>
    </message>
    <message>
        <source>FluxoLab&apos;s terminal is not bash and does not run %1 (%2): it runs one command per line. Type each command on its own line, without |, &gt;, &gt;&gt;, ;, &amp;&amp;, ||, `...` or $(...); only &lt; file, &lt;&lt;EOF and a trailing &amp; work here.</source>
        <extracomment>%1: the shell operator as typed (|, &gt;, &amp;&amp;, `...`, $(...)); %2: what it does in bash (&quot;a pipe&quot;).</extracomment>
        <translation>O terminal do FluxoLab não é o bash e não corre %1 (%2): corre um comando por linha. Escreva cada comando na sua própria linha, sem |, &gt;, &gt;&gt;, ;, &amp;&amp;, ||, `...` nem $(...); aqui só funcionam &lt; ficheiro, &lt;&lt;EOF e um &amp; no fim da linha.</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::TerminalPanel</name>
    <message>
        <source>New terminal tab</source>
        <translation>Novo separador de terminal</translation>
    </message>
    <message>
        <source>Terminal %1 (running)</source>
        <translation>Terminal %1 (a correr)</translation>
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
        <translation>Recuar um evento (←)</translation>
    </message>
    <message>
        <source>Step to the next event (→)</source>
        <translation>Avançar para o evento seguinte (→)</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Agora</translation>
    </message>
    <message>
        <source>Back to the newest state of the simulation</source>
        <translation>Voltar ao estado mais recente da simulação</translation>
    </message>
    <message>
        <source>Playback speed (virtual time per real second)</source>
        <translation>Velocidade de reprodução (tempo virtual por segundo real)</translation>
    </message>
    <message>
        <source>Drag to see any past moment: every journal event is a position</source>
        <translation>Arraste para ver qualquer momento passado: cada evento do diário é uma posição</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Semente:</translation>
    </message>
    <message>
        <source>The random seed. Same scenario + same seed = the same run. Edit it and press Enter to restart.</source>
        <translation>A semente aleatória. Mesmo cenário + mesma semente = a mesma execução. Altere-a e carregue em Enter para recomeçar.</translation>
    </message>
    <message>
        <source>Copy the seed</source>
        <translation>Copiar a semente</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>Pausa (Espaço)</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>Reproduzir (Espaço)</translation>
    </message>
    <message>
        <source>t = %1</source>
        <translation>t = %1</translation>
    </message>
    <message>
        <source>Virtual time (minutes:seconds.milliseconds) · event %1 of %2</source>
        <translation>Tempo virtual (minutos:segundos.milissegundos) · evento %1 de %2</translation>
    </message>
    <message>
        <source>past: %1</source>
        <translation>passado: %1</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::TopicsModel</name>
    <message>
        <source>Topic</source>
        <translation>Tópico</translation>
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
        <translation>Abrir traço</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Escolher…</translation>
    </message>
    <message>
        <source>File (CSV or JSON Lines):</source>
        <translation>Ficheiro (CSV ou JSON Lines):</translation>
    </message>
    <message>
        <source>none: file order is arrival order</source>
        <translation>nenhum: a ordem do ficheiro é a ordem de chegada</translation>
    </message>
    <message>
        <source>none: one partition</source>
        <translation>nenhum: uma partição</translation>
    </message>
    <message>
        <source>Event time field:</source>
        <translation>Campo do tempo de evento:</translation>
    </message>
    <message>
        <source>Key field:</source>
        <translation>Campo da chave:</translation>
    </message>
    <message>
        <source>Arrival (processing time) field:</source>
        <translation>Campo da chegada (tempo de processamento):</translation>
    </message>
    <message>
        <source>Partition field:</source>
        <translation>Campo da partição:</translation>
    </message>
    <message>
        <source>bounded out-of-orderness (max − bound − 1 ms)</source>
        <translation>desordem limitada (máx. − limite − 1 ms)</translation>
    </message>
    <message>
        <source>monotonous (max − 1 ms)</source>
        <translation>monótona (máx. − 1 ms)</translation>
    </message>
    <message>
        <source>SQL: ts − INTERVAL (no − 1 ms)</source>
        <translation>SQL: ts − INTERVAL (sem − 1 ms)</translation>
    </message>
    <message>
        <source>bound:</source>
        <translation>limite:</translation>
    </message>
    <message>
        <source>Watermark strategy:</source>
        <translation>Estratégia de watermark:</translation>
    </message>
    <message>
        <source>tumbling (TUMBLE)</source>
        <translation>fixa (TUMBLE)</translation>
    </message>
    <message>
        <source>sliding (HOP)</source>
        <translation>deslizante (HOP)</translation>
    </message>
    <message>
        <source>session (SESSION)</source>
        <translation>sessão (SESSION)</translation>
    </message>
    <message>
        <source>cumulative (CUMULATE)</source>
        <translation>cumulativa (CUMULATE)</translation>
    </message>
    <message>
        <source>slide:</source>
        <translation>avanço:</translation>
    </message>
    <message>
        <source>step:</source>
        <translation>passo:</translation>
    </message>
    <message>
        <source>gap:</source>
        <translation>intervalo:</translation>
    </message>
    <message>
        <source>size:</source>
        <translation>tamanho:</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>Janela:</translation>
    </message>
    <message>
        <source>field</source>
        <translation>campo</translation>
    </message>
    <message>
        <source>Aggregate:</source>
        <translation>Agregado:</translation>
    </message>
    <message>
        <source>0s: off</source>
        <translation>0s: desligado</translation>
    </message>
    <message>
        <source>Allowed lateness:</source>
        <translation>Atraso permitido:</translation>
    </message>
    <message>
        <source>Idle timeout (withIdleness):</source>
        <translation>Tempo de inatividade (withIdleness):</translation>
    </message>
    <message>
        <source>Watermark after every event (otherwise every 200 ms of processing time)</source>
        <translation>Watermark depois de cada evento (senão, de 200 em 200 ms de tempo de processamento)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Correr</translation>
    </message>
    <message>
        <source>Traces (*.csv *.jsonl *.json *.ndjson);;All files (*)</source>
        <translation>Traços (*.csv *.jsonl *.json *.ndjson);;Todos os ficheiros (*)</translation>
    </message>
    <message>
        <source>Choose a trace file.</source>
        <translation>Escolha um ficheiro de traço.</translation>
    </message>
    <message>
        <source>The event time field cannot be empty.</source>
        <translation>O campo do tempo de evento não pode estar vazio.</translation>
    </message>
    <message>
        <source>The watermark bound &quot;%1&quot; is not a duration (examples: 5s, 200ms, 1m).</source>
        <translation>O limite da watermark &quot;%1&quot; não é uma duração (exemplos: 5s, 200ms, 1m).</translation>
    </message>
    <message>
        <source>The window durations are not valid (examples: 60s, 10s and 1m).</source>
        <translation>As durações da janela não são válidas (exemplos: 60s, 10s e 1m).</translation>
    </message>
    <message>
        <source>The aggregate %1 needs the name of a numeric field.</source>
        <translation>O agregado %1 precisa do nome de um campo numérico.</translation>
    </message>
    <message>
        <source>The allowed lateness &quot;%1&quot; is not a duration (examples: 0s, 90s).</source>
        <translation>O atraso permitido &quot;%1&quot; não é uma duração (exemplos: 0s, 90s).</translation>
    </message>
    <message>
        <source>The idle timeout &quot;%1&quot; is not a duration (examples: 0s, 10s).</source>
        <translation>O tempo de inatividade &quot;%1&quot; não é uma duração (exemplos: 0s, 10s).</translation>
    </message>
    <message>
        <source>These options are not valid: %1</source>
        <translation>Estas opções não são válidas: %1</translation>
    </message>
    <message>
        <source>Send trace to a topic</source>
        <translation>Enviar traço para um tópico</translation>
    </message>
    <message>
        <source>Into topic (key → partition by murmur2):</source>
        <translation>Para o tópico (chave → partição pelo murmur2):</translation>
    </message>
    <message>
        <source>the topic&apos;s partitions</source>
        <translation>as partições do tópico</translation>
    </message>
    <message>
        <source>Choose a topic.</source>
        <translation>Escolha um tópico.</translation>
    </message>
    <message>
        <source>detect from the header</source>
        <translation>detetar pelo cabeçalho</translation>
    </message>
    <message>
        <source>comma ( , )</source>
        <translation>vírgula ( , )</translation>
    </message>
    <message>
        <source>semicolon ( ; )</source>
        <translation>ponto e vírgula ( ; )</translation>
    </message>
    <message>
        <source>stop at the first bad line</source>
        <translation>parar na primeira linha inválida</translation>
    </message>
    <message>
        <source>skip bad lines and count them</source>
        <translation>ignorar as linhas inválidas e contá-las</translation>
    </message>
    <message>
        <source>bad lines:</source>
        <translation>linhas inválidas:</translation>
    </message>
    <message>
        <source>CSV delimiter:</source>
        <translation>Separador CSV:</translation>
    </message>
    <message>
        <source>Source and window subtasks (1 to 8); partition p is read by source subtask p mod N</source>
        <translation>Subtarefas da fonte e da janela (1 a 8); a partição p é lida pela subtarefa da fonte p mod N</translation>
    </message>
    <message>
        <source>Parallelism:</source>
        <translation>Paralelismo:</translation>
    </message>
</context>
<context>
    <name>fluxolab::app::WatermarkPlot</name>
    <message>
        <source>arrival order (event number) →</source>
        <translation>ordem de chegada (número do evento) →</translation>
    </message>
    <message>
        <source>max event time seen</source>
        <translation>maior tempo de evento visto</translation>
    </message>
    <message>
        <source>operator watermark</source>
        <translation>watermark do operador</translation>
    </message>
    <message>
        <source>processing time</source>
        <translation>tempo de processamento</translation>
    </message>
    <message>
        <source>(no arrival column: processing time does not advance)</source>
        <translation>(sem coluna de chegada: o tempo de processamento não avança)</translation>
    </message>
    <message>
        <source>(processing time is on another clock: not drawn)</source>
        <translation>(o tempo de processamento está noutro relógio: não é desenhado)</translation>
    </message>
</context>
</TS>
