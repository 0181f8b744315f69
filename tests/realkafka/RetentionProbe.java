// For tests/realkafka/capture-retention.sh: args BOOTSTRAP TOPIC LOGDIR SECONDS. Creates TOPIC (1
// partition, retention.ms=20000, segment.ms=5000), sends 200 records to partition 0, one batch each
// (linger.ms=0, each send waited for), stamped P0 - 10000 + 200 * i (P0: the time of the first send;
// CreateTime, so the broker rolls by these timestamps, not by the append time). Then, for SECONDS,
// every 50 ms: the log start offset (ListOffsets earliest) and the segment files' base offsets of
// LOGDIR/TOPIC-0 (*.log, not *.deleted), printed when they change. Times in ms after P0.
import java.io.File;
import java.util.*;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.TopicPartition;
public class RetentionProbe {
    public static void main(String[] a) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", a[0]);
        String topic = a[1];
        try (Admin admin = Admin.create(p)) {
            NewTopic t = new NewTopic(topic, 1, (short) 1).configs(Map.of("retention.ms", "20000", "segment.ms", "5000"));
            admin.createTopics(List.of(t)).all().get();
            p.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
            p.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
            p.put("linger.ms", "0");
            long p0 = System.currentTimeMillis();
            System.out.println("@@ P0 " + p0 + " (epoch ms); record i stamped P0 - 10000 + 200 * i");
            try (KafkaProducer<String, String> pr = new KafkaProducer<>(p)) {
                for (int i = 0; i < 200; i++)
                    pr.send(new ProducerRecord<>(topic, 0, p0 - 10000 + 200L * i, null, "v" + i)).get();
            }
            System.out.println((System.currentTimeMillis() - p0) + " produced 200 records");
            TopicPartition tp = new TopicPartition(topic, 0);
            File dir = new File(a[2], topic + "-0");
            String last = "";
            long end = p0 + Long.parseLong(a[3]) * 1000;
            while (System.currentTimeMillis() < end) {
                long now = System.currentTimeMillis();
                long start = admin.listOffsets(Map.of(tp, OffsetSpec.earliest())).all().get().get(tp).offset();
                TreeSet<Long> bases = new TreeSet<>();
                for (String f : Objects.requireNonNull(dir.list()))
                    if (f.endsWith(".log")) bases.add(Long.parseLong(f.substring(0, f.length() - 4)));
                String state = "logStart=" + start + " segments=" + bases;
                if (!state.equals(last)) System.out.println((now - p0) + " " + state);
                last = state;
                Thread.sleep(50);
            }
        }
    }
}
