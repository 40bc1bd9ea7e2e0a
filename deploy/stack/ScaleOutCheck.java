// SPDX-License-Identifier: AGPL-3.0-or-later
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.videoplatform.DemoAccounts;
import org.videoplatform.media.MediaClient;
import org.videoplatform.media.TestMedia;

/**
 * The scale-out check's client (scale-out-check.sh): uploads cuts through the first node only,
 * waits until each is transcoded, then finds each job in the log of the node that published it.
 * It fails unless every cut is ready, each job was published once, every node published some, and
 * no node runs with WildFly's default transaction node identifier.
 * Arguments: the number of cuts, a work folder, then each node's server.log.
 */
public class ScaleOutCheck {

    public static void main(String[] args) throws Exception {
        int cuts = Integer.parseInt(args[0]);
        Path folder = Files.createDirectories(Path.of(args[1], "cuts"));
        String producer = DemoAccounts.PRODUCER.token();
        MediaClient nodeA = MediaClient.platform();
        String production = nodeA.production(producer, "Scale-out " + System.nanoTime());
        List<String> uploaded = new ArrayList<>();
        for (int i = 0; i < cuts; i++) {
            // Long enough that one node is still busy when the next cut's job arrives.
            Path cut = Files.move(TestMedia.NO_AUDIO.write(folder, 4.0), folder.resolve("cut-" + i + ".mp4"));
            uploaded.add(nodeA.upload(producer, production, cut));
        }
        for (String cut : uploaded) {
            String state = nodeA.awaitSettled(producer, production, cut, Duration.ofMinutes(5)).getString("state");
            if (!"READY".equals(state)) {
                throw new IllegalStateException("cut " + cut + " ended " + state);
            }
        }
        List<String> jobs = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(System.getProperty("vp.it.db-url"), "videoplatform", "videoplatform");
             PreparedStatement select = db.prepareStatement("SELECT j.id FROM transcode_jobs j JOIN media_assets a ON a.id = j.asset_id "
                     + "WHERE a.production_id = ? AND j.state = 'SUCCEEDED'")) {
            select.setObject(1, UUID.fromString(production));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    jobs.add(rows.getString(1));
                }
            }
        }
        // A job's row forgets its node once done; each node's log names the jobs it published.
        Map<String, Integer> jobsByNode = new TreeMap<>();
        for (int i = 2; i < args.length; i++) {
            Path log = Path.of(args[i]);
            String published = Files.readString(log);
            // Nodes sharing a broker with one identifier could each take the other's in-doubt transactions for their own.
            if (published.contains("WFLYTX0013")) {
                throw new IllegalStateException(log + " shows the default transaction node identifier: start each node with its own -Djboss.tx.node.id");
            }
            long count = jobs.stream().filter(job -> published.contains("Transcoding job " + job + " published")).count();
            jobsByNode.put(log.getParent().getParent().getFileName().toString(), (int) count);
        }
        System.out.println("Transcoded " + cuts + " cuts uploaded through node-a; jobs run per node: " + jobsByNode);
        if (jobs.size() != cuts || jobsByNode.containsValue(0) || jobsByNode.values().stream().mapToInt(Integer::intValue).sum() != cuts) {
            throw new IllegalStateException("both nodes should have run jobs from the shared queue: " + jobsByNode);
        }
    }
}
