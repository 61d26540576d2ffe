package dev.vigil.server.detection.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code vigil rules import PATH... --server URL --token T}: sends the Sigma files of folders (recursively) and files to
 * a running server as one archive and prints what the import did. Exit 0 when every file was read, 1 when some had
 * problems (the valid documents are imported anyway), 2 when nothing could be sent.
 */
@org.springframework.modulith.NamedInterface("cli") // VigilMain registers this command (it runs without a server)
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import Sigma rule files and folders into a running server.")
public final class RuleImportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Rule files (.yml, .yaml) or folders holding them.")
    List<Path> paths;

    @Option(names = "--server", required = true, paramLabel = "URL", description = "Base URL of the server, e.g. http://127.0.0.1:8080.")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", description = "API token with rule:update (also VIGIL_TOKEN).")
    String token;

    @Option(names = "--disabled", description = "Import new rules switched off.")
    boolean disabled;

    @Spec
    CommandSpec spec;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String bearer = token != null ? token : System.getenv("VIGIL_TOKEN");
        if (bearer == null || bearer.isBlank()) {
            err.println("vigil rules import: give --token or set VIGIL_TOKEN");
            return 2;
        }
        try {
            List<Path> files = ruleFiles();
            if (files.isEmpty()) {
                err.println("vigil rules import: no .yml or .yaml file under " + paths);
                return 2;
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.replaceAll("/+$", "")
                            + "/api/v1/detection/rules/import?filename=" + URLEncoder.encode("rules.zip", StandardCharsets.UTF_8)
                            + "&enable=" + !disabled))
                    .timeout(Duration.ofMinutes(10)).header("Authorization", "Bearer " + bearer)
                    .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(zip(files))).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                err.println("vigil rules import: the server answered " + response.statusCode() + ": " + response.body());
                return 2;
            }
            JsonNode report = JsonMapper.builder().build().readTree(response.body());
            out.printf("%d files: %d new, %d changed, %d unchanged, %d problems%n", report.path("files").asInt(),
                    report.path("created").asInt(), report.path("updated").asInt(), report.path("unchanged").asInt(),
                    report.path("problems").size());
            report.path("problems").forEach(problem -> err.println(problem.asString()));
            return report.path("problems").isEmpty() ? 0 : 1;
        } catch (IOException | IllegalArgumentException e) {
            err.println("vigil rules import: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    private List<Path> ruleFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(RuleImportCommand::isYaml).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new IOException(path + ": no such file or folder");
            }
        }
        return files;
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yml") || name.endsWith(".yaml");
    }

    private byte[] zip(List<Path> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Path file : files) {
                zip.putNextEntry(new ZipEntry(entryName(file)));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The file's path relative to the folder it was found in, so that problems name it as the user knows it. */
    private String entryName(Path file) {
        for (Path root : paths) {
            if (Files.isDirectory(root) && file.startsWith(root)) {
                Path base = root.getFileName() == null ? root : root.getFileName();
                return base.resolve(root.relativize(file)).toString().replace('\\', '/');
            }
        }
        return file.getFileName().toString();
    }
}
