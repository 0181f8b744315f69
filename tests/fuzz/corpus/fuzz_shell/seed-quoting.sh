echo 'a b' "c \"d\" $x" e\ f # comment
kafka-topics.sh --list \
  --bootstrap-server localhost:9092 &
cat <<-'END'
	x
	END
kafka-console-producer.sh --topic t < in.txt
