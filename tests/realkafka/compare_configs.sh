# compare-real on the real broker (ctest real/compare-configs): kafka-configs.sh on a topic (its dynamic
# configs, an alter with a list value in brackets, a refused value, a delete) and kafka-get-offsets.sh
# after keyed records, through the librdkafka backend (DescribeConfigs, AlterConfigs with the whole set:
# librdkafka 2.0.2 has no IncrementalAlterConfigs) and on the simulation. Any difference after masking
# is a fidelity bug of one of them. --describe --all is left out: the test broker's server.properties
# is not the course's.
kafka-topics.sh --create --topic precos --partitions 3 --bootstrap-server localhost:9092
kafka-configs.sh --bootstrap-server localhost:9092 --entity-type topics --entity-name precos --describe
kafka-configs.sh --bootstrap-server localhost:9092 --entity-type topics --entity-name precos --alter --add-config retention.ms=60000,cleanup.policy=[compact,delete]
kafka-configs.sh --bootstrap-server localhost:9092 --entity-type topics --entity-name precos --describe
kafka-configs.sh --bootstrap-server localhost:9092 --entity-type topics --entity-name precos --alter --delete-config segment.ms
kafka-configs.sh --bootstrap-server localhost:9092 --topic precos --alter --delete-config cleanup.policy
kafka-configs.sh --bootstrap-server localhost:9092 --topic precos --describe
kafka-console-producer.sh --topic precos --bootstrap-server localhost:9092 --property parse.key=true --property key.separator=: <<EOF
petr4:37.50
vale3:61.20
itub4:33.10
bbdc4:14.70
petr4:37.80
EOF
kafka-get-offsets.sh --bootstrap-server localhost:9092 --topic precos
kafka-get-offsets.sh --bootstrap-server localhost:9092 --topic precos --time -2
kafka-get-offsets.sh --bootstrap-server localhost:9092 --topic precos --partitions 0,2
kafka-topics.sh --delete --topic precos --bootstrap-server localhost:9092
