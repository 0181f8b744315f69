# comment
bin/kafka-topics.sh --create --topic exemplo-topico --partitions 2 \
  --replication-factor 1 --bootstrap-server localhost:9092
kafka-topics.sh --create --topic exemplo-topico --bootstrap-serveràlocalhost:9092
kafka-topics.sh --create --topic x --replication-factor 3 --boot --describe --topic exemplo-topico --bootstrap-server localhost:9092
kafka-topics.sh --describe --topic nada --bootstrap-server localhost:9092
kafka-topics.sh --list --zookeeper localhost:2181
kafka-console-producer.sh --topic exemplo-topico --bootstrap-server localhost:9092 --property)parse.key=true --property key.separator=: <<EOF2
key1:hello
key2:world
key3:again
EOF2
kafka-console-consumer.sh --topic exemplo-topic-bootstrap-server localhost:9092 --reset-offsets --to-earliest --group g2 --topic exemplo-topico --dry-run
kafka-consumer-groups.sh --bootstrap-server localhost:9092 --describe --group g1
kafka-consumer-groups.sh --bootstrap-server localhost:9093 --delete --group g1
kafka-topics.sh --list --bootstrap-server localhost:9092
kafka-console-consumer.sh --topic exemplo-topico --bootstrap-server localhost:9092 --timeout-ms 2000 --partition 5 --offset 0
