// A Java producer for tests/realkafka/capture-producer-dead-leader.sh: args BOOTSTRAP TOPIC COUNT; sends
// COUNT records to partition 0, one every 200 ms, and prints each callback with its wall-clock time.
import java.util.Properties;
import org.apache.kafka.clients.producer.*;
public class DeadLeader {
    public static void main(String[] a) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", a[0]);
        p.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        p.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        p.put("request.timeout.ms", "1500");
        p.put("delivery.timeout.ms", "10000");
        p.put("max.block.ms", "2000"); // a send() waiting for metadata gives up after 2 s, not 60 s
        try (KafkaProducer<String, String> pr = new KafkaProducer<>(p)) {
            for (int i = 0; i < Integer.parseInt(a[2]); i++) {
                final int n = i;
                pr.send(new ProducerRecord<>(a[1], 0, null, "v" + i), (md, e) ->
                    System.out.println(System.currentTimeMillis() + " cb " + n + " " + (e == null ? "ok@" + md.offset() : e.toString())));
                Thread.sleep(200);
            }
            pr.flush();
        }
    }
}
