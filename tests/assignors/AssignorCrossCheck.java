import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Assignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.consumer.RoundRobinAssignor;
import org.apache.kafka.clients.consumer.StickyAssignor;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads one case a line from stdin, written as the arguments of {@code fluxolab-cli assign}
 * (--strategy S --topics T:N,... --member M=T,... --owned M=T-P,... --generation M=G), runs the
 * real kafka-clients assignor the way the consumer group leader does (ConsumerCoordinator: the
 * members in a HashMap in JoinGroup order, StickyAssignor's owned partitions and generation in its
 * user data, CooperativeStickyAssignor's in the subscription), and prints "## case N" followed by
 * the assignment exactly as {@code fluxolab-cli assign} prints it, or "!! " and the exception when the
 * real assignor throws.
 */
public final class AssignorCrossCheck {
    private static final Node NODE = new Node(1, "localhost", 9092);

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        int n = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank() || line.startsWith("#")) continue;
            out.println("## case " + (++n));
            try {
                out.print(run(line.trim().split(" +")));
            } catch (RuntimeException e) {
                // The real assignor fails on a few inputs (e.g. a NullPointerException in
                // performReassignments); the comparison lists these cases apart.
                out.println("!! " + e);
            }
        }
        out.flush();
    }

    private static TopicPartition tp(String s) {
        int dash = s.lastIndexOf('-');
        return new TopicPartition(s.substring(0, dash), Integer.parseInt(s.substring(dash + 1)));
    }

    @SuppressWarnings("removal")
    // ConsumerGroupMetadata(String, int, String, Optional): how the consumer fills it
    private static String run(String[] a) {
        String strategy = null;
        Map<String, Integer> topics = new TreeMap<>();
        Map<String, List<String>> subscriptions = new LinkedHashMap<>();
        Map<String, List<TopicPartition>> owned = new HashMap<>();
        Map<String, Integer> generations = new HashMap<>();
        for (int i = 0; i < a.length; i += 2) {
            String v = a[i + 1];
            int eq = v.indexOf('=');
            switch (a[i]) {
            case "--strategy":
                strategy = v;
                break;
            case "--topics":
                for (String t : v.split(",")) {
                    int c = t.lastIndexOf(':');
                    topics.put(t.substring(0, c), Integer.parseInt(t.substring(c + 1)));
                }
                break;
            case "--member":
                subscriptions.put(v.substring(0, eq), List.of(v.substring(eq + 1).split(",")));
                break;
            case "--owned": {
                List<TopicPartition> list = new ArrayList<>();
                if (eq + 1 < v.length())
                    for (String p : v.substring(eq + 1).split(","))
                        list.add(tp(p));
                owned.put(v.substring(0, eq), list);
                break;
            }
            case "--generation":
                generations.put(v.substring(0, eq), Integer.parseInt(v.substring(eq + 1)));
                break;
            default:
                throw new IllegalArgumentException("unknown option " + a[i]);
            }
        }
        ConsumerPartitionAssignor assignor;
        switch (strategy) {
        case "range":
            assignor = new RangeAssignor();
            break;
        case "roundrobin":
            assignor = new RoundRobinAssignor();
            break;
        case "sticky":
            assignor = new StickyAssignor();
            break;
        case "cooperative-sticky":
            assignor = new CooperativeStickyAssignor();
            break;
        default:
            throw new IllegalArgumentException("unknown strategy " + strategy);
        }
        List<PartitionInfo> partitions = new ArrayList<>();
        for (Map.Entry<String, Integer> t : topics.entrySet())
            for (int p = 0; p < t.getValue(); ++p)
                partitions.add(new PartitionInfo(t.getKey(), p, NODE, new Node[] {NODE}, new Node[] {NODE}));
        Cluster cluster =
            new Cluster("fluxolab", List.of(NODE), partitions, new HashSet<>(), new HashSet<>());

        // ConsumerCoordinator.onLeaderElected collects the JoinGroup members into a HashMap.
        Map<String, Subscription> group = new HashMap<>();
        for (Map.Entry<String, List<String>> m : subscriptions.entrySet()) {
            String member = m.getKey();
            List<TopicPartition> mine = owned.get(member);
            // fluxolab-cli assign: --owned without --generation means generation 1; no --owned, no
            // generation.
            int generation = mine == null ? -1 : generations.getOrDefault(member, 1);
            List<TopicPartition> ownedList = mine == null ? List.of() : mine;
            Subscription s;
            if (assignor instanceof StickyAssignor) {
                // The eager sticky assignor reads owned partitions and generation from its user data only.
                ByteBuffer userData = null;
                if (mine != null) {
                    StickyAssignor previous = new StickyAssignor();
                    previous.onAssignment(
                        new Assignment(ownedList),
                        new ConsumerGroupMetadata("g", generation, member, Optional.empty()));
                    userData = previous.subscriptionUserData(new HashSet<>(m.getValue()));
                }
                s = new Subscription(m.getValue(), userData, ownedList, generation, Optional.empty());
            } else {
                s = new Subscription(m.getValue(), null, ownedList, generation, Optional.empty());
            }
            group.put(member, s);
        }
        Map<String, Assignment> result =
            assignor.assign(cluster, new GroupSubscription(group)).groupAssignment();
        StringBuilder sb = new StringBuilder();
        for (String member : new java.util.TreeSet<>(subscriptions.keySet())) {
            Assignment assignment = result.get(member);
            List<TopicPartition> tps =
                new ArrayList<>(assignment == null ? List.of() : assignment.partitions());
            tps.sort(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
            sb.append(member).append('\t');
            for (int i = 0; i < tps.size(); ++i)
                sb.append(i == 0 ? "" : ",").append(tps.get(i));
            sb.append('\n');
        }
        return sb.toString();
    }
}
