# Solution of the lab "Produtores e consumidores".
bin/kafka-topics.sh --create --topic petr4 --partitions 3 --bootstrap-server localhost:9092
bin/kafka-topics.sh --create --topic vale3 --partitions 3 --bootstrap-server localhost:9092
# Two consumers of vale3 in one group (background jobs = two terminal tabs).
bin/kafka-console-consumer.sh --topic vale3 --group grupo-vale3 --bootstrap-server localhost:9092 \
  --property print.key=true --property print.partition=true &
bin/kafka-console-consumer.sh --topic vale3 --group grupo-vale3 --bootstrap-server localhost:9092 \
  --property print.key=true --property print.partition=true &
# One consumer of petr4 from the beginning.
bin/kafka-console-consumer.sh --topic petr4 --from-beginning --bootstrap-server localhost:9092 \
  --property print.key=true --property print.partition=true &
bin/kafka-console-producer.sh --topic petr4 --bootstrap-server localhost:9092 \
  --property parse.key=true --property key.separator=: <<EOF
abertura:37.50
maxima:38.10
fecho:37.95
EOF
bin/kafka-console-producer.sh --topic vale3 --bootstrap-server localhost:9092 \
  --property parse.key=true --property key.separator=: <<EOF
abertura:61.20
maxima:62.00
fecho:61.80
EOF
sleep 5
bin/kafka-consumer-groups.sh --describe --group grupo-vale3 --bootstrap-server localhost:9092
