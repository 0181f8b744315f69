// Watches one consumer group through the Admin API (describeConsumerGroups every 50 ms) and prints a
// line each time what --describe --state/--members would show changes: wall-clock ms, the state, and
// each member's client id with its assigned partitions. Used by capture-rebalance.sh (run with the
// Java 17 source launcher: java -cp CLASSPATH GroupWatch.java BOOTSTRAP GROUP).
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;

public class GroupWatch {
    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", args[0]);
        try (Admin admin = Admin.create(p)) {
            String last = "";
            while (true) {
                String now;
                try {
                    ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(args[1])).all().get().get(args[1]);
                    TreeMap<String, TreeSet<String>> members = new TreeMap<>();
                    for (MemberDescription m : d.members()) {
                        TreeSet<String> parts = new TreeSet<>();
                        for (TopicPartition tp : m.assignment().topicPartitions()) parts.add(tp.toString());
                        members.put(m.clientId(), parts);
                    }
                    StringBuilder b = new StringBuilder(d.groupState().toString());
                    for (var e : members.entrySet()) b.append(' ').append(e.getKey()).append('=').append(String.join(",", e.getValue()));
                    now = b.toString();
                } catch (Exception e) {
                    now = "error " + e.getClass().getSimpleName();
                }
                if (!now.equals(last)) {
                    System.out.println(System.currentTimeMillis() + " " + now);
                    System.out.flush();
                    last = now;
                }
                Thread.sleep(50);
            }
        }
    }
}
