kafka-topics.sh --create --topic t --partitions 0 --bootstrap-server localhost:9092
kafka-topics.sh --create --topic t --replication-factor 0 --bootstrap-server localhost:9092
kafka-topics.sh --create --topic "bad name" --bootstrap-server localhost:9092
kafka-topics.sh --create --topic t --partitions 3 --bootstrap-server localhost:9092
kafka-topics.sh --alter --topic t --partitions 2 --bootstrap-server localhost:9092
kafka-topics.sh --alter --topic t --partitions 3 --bootstrap-server localhost:9092
kafka-topics.sh --alter --topic t --bootstrap-server localhost:9092
kafka-topics.sh --create --topic t --if-not-exists --bootstrap-server localhost:9092
kafka-topics.sh --list --create --bootstrap-server localhost:9092
kafka-topics.sh --create --topic u
kafka-topics.sh --create --topic u --bootstrap-server localhost:9999
kafka-consumer-groups.sh --describe --group nope --bootstrap-server localhost:9092
kafka-consumer-groups.sh --describe --group nope --members --bootstrap-server localhost:9092
kafka-consumer-groups.sh --list --zookeeper localhost:2181
kafka-consumer-groups.sh --delete --group nope --bootstrap-server localhost:9092
kafka-consumer-groups.sh --reset-offsets --group g --topic t --to-latest --bootstrap-server localhost:9092
kafka-console-producer.sh --topic t --bootstrap-server localhost:9092 --property parse.key=true <<EOF
sem separador
EOF
kafka-console-consumer.sh --bootstrap-server localhost:9092
kafka-console-consumer.sh --topic t --offset 3 --bootstrap-server localhost:9092
kafka-console-consumer.sh --topic t --from-beginning --consumer-property auto.offset.reset=latest --bootstrap-server localhost:9092
kafka-console-consumer.sh --topic t --from-beginning --max-messages 0 --bootstrap-server localhost:9092
kafka-topics.sh --delete --topic t --bootstrap-server localhost:9092
kafka-topics.sh --list --exclude-internal --bootstrap-server localhost:9092
echo done
kafka-acls.sh --list
kafka-console-consumer.sh --topic t --bootstrap-server localhost:9093
kafka-consumer-groups.sh --list --timeout 2000 --bootstrap-server localhost:9093
kafka-consumer-groups.sh --reset-offsets --group g --all-topics --by-duration 10m --dry-run --bootstrap-server localhost:9092
kafka-consumer-groups.sh --reset-offsets --group g --from-file nada.csv --dry-run --bootstrap-server localhost:9092
kafka-consumer-groups.sh --delete-offsets --group nope --topic t --bootstrap-server localhost:9092
