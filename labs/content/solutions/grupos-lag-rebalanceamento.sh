# Solution of the lab "Grupos de consumo, lag e rebalanceamento".
bin/kafka-topics.sh --describe --topic pedidos --bootstrap-server localhost:9092
bin/kafka-console-consumer.sh --topic pedidos --group grupo-exemplo --from-beginning \
  --bootstrap-server localhost:9092 &
bin/kafka-consumer-groups.sh --describe --group grupo-exemplo --bootstrap-server localhost:9092
bin/kafka-console-consumer.sh --topic pedidos --group grupo-exemplo --bootstrap-server localhost:9092 &
bin/kafka-consumer-groups.sh --describe --group grupo-exemplo --members --bootstrap-server localhost:9092
kill %2
bin/kafka-consumer-groups.sh --describe --group grupo-exemplo --bootstrap-server localhost:9092
kill %1
bin/kafka-console-producer.sh --topic pedidos --bootstrap-server localhost:9092 <<EOF
pedido 7
pedido 8
pedido 9
EOF
bin/kafka-consumer-groups.sh --describe --group grupo-exemplo --bootstrap-server localhost:9092
bin/kafka-console-consumer.sh --topic pedidos --group grupo-exemplo --bootstrap-server localhost:9092
bin/kafka-consumer-groups.sh --describe --group grupo-exemplo --bootstrap-server localhost:9092
bin/kafka-consumer-groups.sh --reset-offsets --to-earliest --group grupo-exemplo --topic pedidos --dry-run \
  --bootstrap-server localhost:9092
bin/kafka-consumer-groups.sh --reset-offsets --to-earliest --group grupo-exemplo --topic pedidos --execute \
  --bootstrap-server localhost:9092
