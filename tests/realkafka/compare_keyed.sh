# compare-real on the real broker (ctest real/compare-keyed): commands whose output Kafka 4.3.1
# determines completely (keyed records only: the partition of a record without a key is a random
# choice of the Java producer). Any difference after masking is a fidelity bug of the simulation
# or of the librdkafka backend.
# Left out until the simulation has it: kafka-topics --describe (a real 4.3.1 broker adds
# min.insync.replicas=1 to "Configs:", the simulation does not). A --list before the first group
# is used is left out too: __consumer_offsets, once created, stays on the shared test broker.
kafka-topics.sh --create --topic acoes --partitions 3 --replication-factor 1 --bootstrap-server localhost:9092
kafka-topics.sh --create --topic acoes --bootstrap-server localhost:9092
kafka-topics.sh --create --topic rf3 --replication-factor 3 --bootstrap-server localhost:9092
kafka-topics.sh --alter --topic acoes --partitions 2 --bootstrap-server localhost:9092
kafka-topics.sh --describe --topic nada --bootstrap-server localhost:9092
kafka-console-producer.sh --topic acoes --bootstrap-server localhost:9092 --property parse.key=true --property key.separator=: <<EOF
petr4:37.50
vale3:61.20
itub4:33.10
bbdc4:14.70
petr4:37.80
EOF
kafka-console-consumer.sh --topic acoes --from-beginning --group analistas --bootstrap-server localhost:9092 --property print.key=true --property print.partition=true --property print.offset=true --max-messages 5
kafka-consumer-groups.sh --describe --group analistas --bootstrap-server localhost:9092
kafka-consumer-groups.sh --describe --group analistas --state --bootstrap-server localhost:9092
kafka-consumer-groups.sh --list --bootstrap-server localhost:9092
kafka-consumer-groups.sh --reset-offsets --to-earliest --group analistas --topic acoes --execute --bootstrap-server localhost:9092
kafka-consumer-groups.sh --describe --group analistas --bootstrap-server localhost:9092
kafka-consumer-groups.sh --describe --group ninguem --bootstrap-server localhost:9092
kafka-consumer-groups.sh --delete --group analistas --bootstrap-server localhost:9092
kafka-console-consumer.sh --topic acoes --partition 1 --offset 0 --bootstrap-server localhost:9092 --property print.key=true --timeout-ms 3000
kafka-topics.sh --delete --topic acoes --bootstrap-server localhost:9092
kafka-topics.sh --list --bootstrap-server localhost:9092
