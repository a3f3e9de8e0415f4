package nl.zorgbeeld.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.zorgbeeld.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** The ./zorgbeeld launcher's commands that are safe to run inside the test suite. */
class LauncherTest {

    private record Result(int exit, String output) {}

    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(TestDatabase.projectDir().resolve("zorgbeeld").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out);
    }

    @Test
    void helpNamesEveryCommand() throws Exception {
        Result help = run("help");
        assertEquals(0, help.exit());
        for (String word : List.of("run", "test", "import", "db start|stop|status|psql", "DATABASE_URL", "ZORGBEELD_PORT")) {
            assertTrue(help.output().contains(word), word + " missing from: " + help.output());
        }
    }

    @Test
    void anUnknownCommandFailsWithTheHelp() throws Exception {
        Result unknown = run("fly");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.output().contains("Usage: ./zorgbeeld COMMAND"));
    }

    @Test
    void importWithoutSourceSaysHowToUseIt() throws Exception {
        Result result = run("import");
        assertEquals(1, result.exit());
        assertTrue(result.output().contains("usage: ./zorgbeeld import SOURCE"), result.output());
    }
}
