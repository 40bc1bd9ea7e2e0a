package org.videoplatform.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videoplatform.ApiClient.get;
import static org.videoplatform.ApiClient.object;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.videoplatform.ApiClient;
import org.videoplatform.DemoAccounts;
import org.videoplatform.PlatformEar;
import org.videoplatform.media.control.LoudnessMeter;

/**
 * Each shape of video producers send goes up, through the probe and the transcoder, and comes
 * out as the full set of outputs; each is checked by probing what came out. Files that are not
 * video are refused with a reason, and their originals stay.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TranscodingIT {

    private static final Duration SETTLES_WITHIN = Duration.ofMinutes(3);

    @TempDir
    static Path media;

    private static String production;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    @BeforeAll
    static void aProduction() {
        production = MediaClient.platform().production(producer(), "Every shape of video");
    }

    /** Asked for at each use: the class runs for minutes, longer than one token lasts. */
    private static String producer() {
        return DemoAccounts.PRODUCER.token();
    }

    private static String lead() {
        return DemoAccounts.LEAD.token();
    }

    @ParameterizedTest
    @EnumSource(TestMedia.class)
    void eachShapeComesOutAsEveryOutputUprightAndNormalised(TestMedia shape) throws Exception {
        String id = MediaClient.platform().upload(producer(), production, shape.write(media));

        JsonObject cut = MediaClient.platform().awaitSettled(producer(), production, id, SETTLES_WITHIN);

        assertEquals("READY", cut.getString("state"), cut.toString());
        JsonObject facts = cut.getJsonObject("facts");
        assertEquals(shape.rotation, facts.getInt("rotation"));
        assertEquals(shape.variableFrameRate(), facts.getBoolean("variableFrameRate"));
        assertEquals(shape.audioChannels, facts.getInt("audioChannels"));
        int uprightWidth = shape.rotation % 180 == 0 ? shape.width : shape.height;
        int uprightHeight = shape.rotation % 180 == 0 ? shape.height : shape.width;
        Map<String, JsonObject> outputs = outputsByKind(id);
        double oneFrame = 1.0 / shape.frameRate;

        Probe proxy = Probe.of(outputs.get("PROXY"), media);
        assertTrue(proxy.height <= 720 && proxy.width <= 1280 || proxy.width <= 720 && proxy.height <= 1280, proxy.toString());
        assertTrue(proxy.width <= uprightWidth && proxy.height <= uprightHeight, "never upscaled: " + proxy);
        assertEquals(uprightWidth >= uprightHeight, proxy.width >= proxy.height, "turned upright: " + proxy);
        assertEquals(0, proxy.rotation, "no rotation left for players to apply: " + proxy);
        assertEquals(0, proxy.width % 2 + proxy.height % 2, "even dimensions: " + proxy);
        assertEquals("yuv420p", proxy.pixelFormat);
        assertEquals(shape.seconds, proxy.seconds, oneFrame, "lasts as long as the source, within a frame");
        assertEquals(shape.audioChannels > 0, proxy.audio, "sound present exactly when the source has it");

        int shortSide = Math.min(uprightWidth, uprightHeight);
        for (String kind : new String[] {"DELIVERY_LANDSCAPE", "DELIVERY_SQUARE", "DELIVERY_PORTRAIT"}) {
            Probe delivery = Probe.of(outputs.get(kind), media);
            assertEquals(kind.endsWith("LANDSCAPE") ? 16.0 / 9 : kind.endsWith("SQUARE") ? 1.0 : 9.0 / 16,
                    (double) delivery.width / delivery.height, 0.02, kind + " shape: " + delivery);
            assertTrue(Math.min(delivery.width, delivery.height) <= 1080, kind + ": " + delivery);
            // By default 16:9 fits the whole picture with bars, the others fill the frame with a centre crop:
            // either way the picture itself is never enlarged.
            double widthScale = (double) delivery.width / uprightWidth;
            double heightScale = (double) delivery.height / uprightHeight;
            double pictureScale = kind.endsWith("LANDSCAPE") ? Math.min(widthScale, heightScale) : Math.max(widthScale, heightScale);
            assertTrue(pictureScale <= 1.01, kind + " enlarged the picture " + pictureScale + " times: " + delivery);
            assertEquals(shape.seconds, delivery.seconds, oneFrame, kind);
            assertEquals(shape.audioChannels > 0, delivery.audio, kind);
            if (delivery.audio) {
                assertEquals(-14, delivery.loudnessLufs, 1.0, kind + " loudness");
                assertTrue(delivery.truePeakDbtp <= -1, kind + " true peak " + delivery.truePeakDbtp);
            }
        }
        String master = new String(MediaClient.download(outputs.get("HLS").getString("url")));
        assertTrue(master.startsWith("#EXTM3U"), master);
        assertTrue(master.contains("RESOLUTION="), master);
        if (shortSide >= 1080) {
            assertTrue(master.contains("1080p.m3u8") && master.contains("720p.m3u8") && master.contains("480p.m3u8")
                    && master.contains("360p.m3u8"), "the whole ladder for a large source: " + master);
        }
        assertNotNull(outputs.get("POSTER"));
        assertNotNull(outputs.get("SPRITE"));
        String spriteIndex = new String(MediaClient.download(outputs.get("SPRITE_INDEX").getString("url")));
        assertTrue(spriteIndex.startsWith("WEBVTT") && spriteIndex.contains("sprite.jpg#xywh=0,0,"), spriteIndex);
    }

    @ParameterizedTest
    @EnumSource(TestMedia.Unplayable.class)
    void whatIsNotVideoIsRefusedWithAReasonAndTheOriginalKept(TestMedia.Unplayable file) throws Exception {
        Path written = file.write(media);
        String id = MediaClient.platform().upload(producer(), production, written);

        JsonObject cut = MediaClient.platform().awaitSettled(producer(), production, id, SETTLES_WITHIN);

        assertEquals("REJECTED", cut.getString("state"));
        assertTrue(cut.getString("rejection").contains(file.reason), cut.getString("rejection"));
        assertEquals(1, cut.getJsonObject("job").getInt("attempts"), "bad input is not retried");
        byte[] original = MediaClient.download(object(get("/api/media/" + id + "/original", producer())).getString("url"));
        assertArrayEquals(Files.readAllBytes(written), original);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(original)), cut.getString("sha256"));
        assertTrue(((JsonArray) ApiClient.json(get("/api/media/" + id + "/outputs", producer()))).isEmpty());
    }

    @Test
    void aLeadCancelsARunningTranscodeRunsItAgainAndRemakesTheOutputs() throws Exception {
        MediaClient platform = MediaClient.platform();
        String id = platform.upload(producer(), production, TestMedia.LANDSCAPE.write(media, 10));
        platform.await(producer(), production, id, cut -> cut.get("job") instanceof JsonObject job
                && "RUNNING".equals(job.getString("state")), SETTLES_WITHIN);

        HttpResponse<String> cancelled = ApiClient.send("DELETE", "/api/media/" + id + "/transcoding", lead(), null, null);
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        JsonObject stopped = platform.awaitSettled(producer(), production, id, SETTLES_WITHIN);
        assertEquals("FAILED", stopped.getString("state"));
        assertEquals("CANCELLED", stopped.getJsonObject("job").getString("state"));
        assertTrue(stopped.getJsonObject("job").getString("error").contains("Cancelled by"), stopped.toString());
        assertEquals(409, ApiClient.send("DELETE", "/api/media/" + id + "/transcoding", lead(), null, null).statusCode(),
                "nothing left to cancel");

        assertEquals(202, ApiClient.send("POST", "/api/media/" + id + "/transcoding", lead(), null, null).statusCode());
        JsonObject again = platform.awaitSettled(producer(), production, id, SETTLES_WITHIN);
        assertEquals("READY", again.getString("state"), again.toString());
        assertEquals(13, ((JsonArray) ApiClient.json(get("/api/media/" + id + "/outputs", producer()))).size(),
                "one full set of outputs, none left from the cancelled run");

        Map<String, JsonObject> earlier = outputsByKind(id);
        assertEquals(202, ApiClient.send("POST", "/api/media/" + id + "/transcoding", lead(), null, null).statusCode(),
                "a ready cut's outputs can be remade");
        JsonObject remade = platform.awaitSettled(producer(), production, id, SETTLES_WITHIN);
        assertEquals("READY", remade.getString("state"), remade.toString());
        Map<String, JsonObject> current = outputsByKind(id);
        String[] kinds = {"PROXY", "POSTER", "DELIVERY_LANDSCAPE"};
        for (String kind : kinds) {
            assertEquals(200, MediaClient.status(earlier.get(kind).getString("url")),
                    kind + " of the earlier run stays a while for whoever is watching it (VP_MEDIA_KEEP_REPLACED_OUTPUTS)");
        }
        long giveUpAt = System.nanoTime() + SETTLES_WITHIN.toNanos();
        for (String kind : kinds) {
            String earlierUrl = earlier.get(kind).getString("url");
            while (MediaClient.status(earlierUrl) != 404 && System.nanoTime() < giveUpAt) {
                Thread.sleep(500); // the next sweep after the while has passed deletes them
            }
            assertEquals(404, MediaClient.status(earlierUrl), kind + " of the earlier run is deleted");
            assertEquals(200, MediaClient.status(current.get(kind).getString("url")), kind + " of the rerun is there");
        }
        byte[] original = MediaClient.download(object(get("/api/media/" + id + "/original", producer())).getString("url"));
        assertEquals(remade.getString("sha256"), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(original)),
                "the original is untouched");
    }

    private static Map<String, JsonObject> outputsByKind(String id) {
        JsonArray outputs = (JsonArray) ApiClient.json(get("/api/media/" + id + "/outputs", producer()));
        assertFalse(outputs.isEmpty());
        return outputs.getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(o -> o.getString("kind"), Function.identity(), (first, more) -> first));
    }

    /** An output as FFmpeg reads it back. */
    private record Probe(int width, int height, double rotation, double seconds, String pixelFormat, boolean audio,
            double loudnessLufs, double truePeakDbtp) {

        static Probe of(JsonObject output, Path scratch) throws Exception {
            Path file = Files.write(Files.createTempFile(scratch, "output", ".mp4"), MediaClient.download(output.getString("url")));
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
                grabber.start();
                double lufs = Double.NaN;
                double peak = Double.NaN;
                if (grabber.hasAudio()) {
                    var loudness = LoudnessMeter.measure(file, scratch.resolve("loudness.txt"));
                    lufs = loudness.integratedLufs();
                    peak = loudness.truePeakDbtp();
                }
                return new Probe(grabber.getImageWidth(), grabber.getImageHeight(), grabber.getDisplayRotation(),
                        grabber.getLengthInTime() / 1e6, av_get_pix_fmt_name(
                                grabber.getFormatContext().streams(0).codecpar().format()).getString(),
                        grabber.hasAudio(), lufs, peak);
            }
        }
    }
}
