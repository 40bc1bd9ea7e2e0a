// SPDX-License-Identifier: AGPL-3.0-or-later
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.videoplatform.media.control.Loudness;
import org.videoplatform.media.control.LoudnessMeter;
import org.videoplatform.media.control.OutputPlan;
import org.videoplatform.media.control.Prober;
import org.videoplatform.media.control.Transcoder;
import org.videoplatform.media.entity.MediaFacts;

/**
 * The platform's transcoding as the worker runs it, without storage: probe, loudness, then every
 * output from one decode. Prints the seconds taken and the delivery gain, for transcode.sh.
 * Usage: javac -cp CLASSPATH -d CLASSES TranscodeBench.java, then
 * java -cp CLASSES:CLASSPATH TranscodeBench SOURCE OUTPUT_DIRECTORY
 */
public class TranscodeBench {

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        long start = System.nanoTime();
        MediaFacts facts = Prober.probe(source);
        Loudness loudness = LoudnessMeter.measure(source, out.resolve("loudness.txt"));
        OutputPlan plan = OutputPlan.forSource(facts, Map.of(OutputPlan.Shape.LANDSCAPE, OutputPlan.Fit.PAD,
                OutputPlan.Shape.SQUARE, OutputPlan.Fit.CROP, OutputPlan.Shape.PORTRAIT, OutputPlan.Fit.CROP));
        int files = Transcoder.transcode(source, facts, plan, loudness.normalisingGainDb(), out, fraction -> true).size();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("seconds=%.1f gain_db=%.2f outputs=%d%n", seconds, loudness.normalisingGainDb(), files);
    }
}
