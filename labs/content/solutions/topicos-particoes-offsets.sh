# Solution of the lab "Tópicos, partições e offsets".
bin/kafka-topics.sh --create --topic exemplo-topico --partitions 2 --replication-factor 1 \
  --bootstrap-server localhost:9092
bin/kafka-topics.sh --describe --topic exemplo-topico --bootstrap-server localhost:9092
bin/kafka-console-producer.sh --topic exemplo-topico --bootstrap-server localhost:9092 \
  --property parse.key=true --property key.separator=: <<EOF
key1:olá
key2:mundo
key3:kafka
EOF
bin/kafka-console-consumer.sh --topic exemplo-topico --from-beginning --bootstrap-server localhost:9092 \
  --property print.key=true --property print.partition=true --property print.offset=true
