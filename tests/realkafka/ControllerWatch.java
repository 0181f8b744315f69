// A watcher for tests/realkafka/capture-controller.sh: args BOOTSTRAP TOPIC. Creates TOPIC (3 partitions,
// replication factor 3), then every 100 ms asks the cluster for the metadata quorum's leader
// (Admin.describeMetadataQuorum) and the topic's partition leaders and ISRs (Admin.describeTopics),
// and prints each change with its wall-clock time in ms: "<ms> quorum leader=N epoch=E" (or
// "quorum unavailable: <exception>"), "<ms> p<P> leader=L isr=[...]".
import java.util.*;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.common.TopicPartitionInfo;

public class ControllerWatch {
    public static void main(String[] a) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", a[0]);
        p.put("request.timeout.ms", "1000");
        p.put("default.api.timeout.ms", "1500");
        try (Admin admin = Admin.create(p)) {
            for (int attempt = 0; ; attempt++) { // the nodes may still be starting: try again for a minute
                try {
                    admin.createTopics(List.of(new NewTopic(a[1], 3, (short) 3)), new CreateTopicsOptions().timeoutMs(10000))
                        .all().get(15, TimeUnit.SECONDS);
                    break;
                } catch (Exception e) {
                    if (e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException) break;
                    if (attempt >= 6) throw e;
                }
            }
            String lastQuorum = "";
            Map<Integer, String> lastParts = new HashMap<>();
            while (true) {
                String q;
                try {
                    QuorumInfo info = admin.describeMetadataQuorum().quorumInfo().get(1500, TimeUnit.MILLISECONDS);
                    q = "quorum leader=" + info.leaderId() + " epoch=" + info.leaderEpoch();
                } catch (Exception e) {
                    q = "quorum unavailable: " + e.getClass().getSimpleName();
                }
                if (!q.equals(lastQuorum)) {
                    System.out.println(System.currentTimeMillis() + " " + q);
                    lastQuorum = q;
                }
                try {
                    TopicDescription d = admin.describeTopics(List.of(a[1])).allTopicNames().get(1500, TimeUnit.MILLISECONDS).get(a[1]);
                    for (TopicPartitionInfo tp : d.partitions()) {
                        List<Integer> isr = new ArrayList<>();
                        tp.isr().forEach(n -> isr.add(n.id()));
                        String s = "leader=" + (tp.leader() == null ? -1 : tp.leader().id()) + " isr=" + isr;
                        if (!s.equals(lastParts.get(tp.partition()))) {
                            System.out.println(System.currentTimeMillis() + " p" + tp.partition() + " " + s);
                            lastParts.put(tp.partition(), s);
                        }
                    }
                } catch (Exception e) {
                    // the topic's metadata is not answered: printed as the quorum line says
                }
                System.out.flush();
                Thread.sleep(100);
            }
        }
    }
}
