package org.videoplatform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A service of the test stack stopped where it stands (SIGSTOP to the process group the stack
 * started it in), as a hung server looks: the kernel still accepts connections, and nothing ever
 * answers. Closing lets it carry on.
 */
public final class Hung implements AutoCloseable {

    private final String processGroup;

    private Hung(String processGroup) {
        this.processGroup = processGroup;
        signal("STOP");
    }

    /** @param pidFileProperty the system property naming the file the stack wrote the service's process id to */
    public static Hung service(String pidFileProperty) {
        try {
            return new Hung("-" + Files.readString(Path.of(System.getProperty(pidFileProperty))).strip());
        } catch (IOException e) {
            throw new IllegalStateException("The test stack's pid file " + System.getProperty(pidFileProperty) + " is unreadable", e);
        }
    }

    @Override
    public void close() {
        signal("CONT");
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, "--", processGroup).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + processGroup + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("kill -" + signal + " did not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling " + processGroup, e);
        }
    }
}
