// A Java producer for tests/realkafka/capture-sticky-switch.sh: args BOOTSTRAP TOPIC MODE COUNT. Sends COUNT
// keyless records with 16-byte values ("r" + 15 digits) and one fixed timestamp to TOPIC (12 partitions,
// created here) and prints the runs of consecutive records that went to one partition.
// MODE own:  linger.ms=0 and each send waited for (every record its own batch).
// MODE full: linger.ms=60000, all sent at once, then flush() (full batches).
// MODE burst: linger.ms=0, bursts of three sends one after the other, each burst waited for before the next.
import java.util.*;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.clients.producer.*;
public class StickySwitch {
    public static void main(String[] a) throws Exception {
        String bootstrap = a[0], topic = a[1], mode = a[2];
        int count = Integer.parseInt(a[3]);
        Properties ap = new Properties();
        ap.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(ap)) {
            admin.createTopics(List.of(new NewTopic(topic, 12, (short) 1))).all().get();
        }
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        p.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        p.put("linger.ms", mode.equals("full") ? "60000" : "0");
        int[] part = new int[count];
        try (KafkaProducer<String, String> pr = new KafkaProducer<>(p)) {
            pr.partitionsFor(topic); // metadata first
            List<Future<RecordMetadata>> fs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String v = String.format("r%015d", i);
                Future<RecordMetadata> f = pr.send(new ProducerRecord<>(topic, null, 1700000000000L, null, v));
                if (mode.equals("own")) f.get();
                fs.add(f);
                if (mode.equals("burst") && i % 3 == 2)
                    for (int j = i - 2; j <= i; j++) fs.get(j).get();
            }
            pr.flush();
            for (int i = 0; i < count; i++) part[i] = fs.get(i).get().partition();
        }
        StringBuilder runs = new StringBuilder();
        int run = 0;
        for (int i = 0; i < count; i++) {
            if (i > 0 && part[i] != part[i - 1]) {
                runs.append(run).append(' ');
                run = 0;
            }
            run++;
        }
        runs.append(run);
        System.out.println(mode + " runs: " + runs);
    }
}
