package io.nl2q.hub.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak for the OIDC tests, once per test JVM: the server distribution that Maven resolved into the local
 * repository (test dependency org.keycloak:keycloak-quarkus-dist:zip) is unpacked under target/, started in dev mode
 * on 127.0.0.1 on a spare port with a Java 21+ runtime, and given the realm export of config/keycloak plus test
 * users and clients. It stops with the JVM.
 */
public final class KeycloakServer {
    static final String VERSION = "26.5.6";
    static final String REALM = "nl2q";
    static final String ADMIN_PASSWORD = "test-admin-password";
    static final String GATEWAY_SECRET = "gateway-test-secret";
    static final String OTHER_SECRET = "other-app-test-secret";
    static final String PASSWORD = "correct-horse-battery";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int PORT = freePort();
    private static Process process;

    private KeycloakServer() {
    }

    /** The port picked for this JVM; the hub's test context trusts tokens from it (KeycloakPortCustomizer). */
    public static int port() {
        return PORT;
    }

    static String base() {
        return "http://127.0.0.1:" + PORT;
    }

    static String issuer() {
        return base() + "/realms/" + REALM;
    }

    /** Starts Keycloak unless this JVM already did, and waits until the realm answers. */
    static synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Path home = unpack();
            Path data = home.resolve("data");
            deleteTree(data);
            Files.createDirectories(data.resolve("import"));
            Files.writeString(data.resolve("import/nl2q-realm.json"), testRealm());
            Path log = Path.of("target", "keycloak.log").toAbsolutePath();
            ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + PORT, "--http-management-port=" + freePort(),
                    "--import-realm", "--cache=local", "--health-enabled=false", "--metrics-enabled=false")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("JAVA_HOME", java21().toString());
            pb.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            process = pb.start();
            Runtime.getRuntime().addShutdownHook(new Thread(KeycloakServer::stop));
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
                }
                if (ready()) {
                    return;
                }
                Thread.sleep(500); // polling a starting server process: nothing to wait on but its port
            }
            throw new IllegalStateException("Keycloak did not answer within 4 minutes; see " + log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void stop() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }

    /** A token from the password grant of a test user through the public client {@code clientId}. */
    static String passwordToken(String clientId, String user) {
        return token(base(), Map.of("grant_type", "password", "client_id", clientId, "username", user,
                "password", PASSWORD, "scope", "openid"));
    }

    /** The whole token response of a password grant (access and refresh tokens). */
    static JsonNode passwordGrant(String clientId, String user) {
        return read(tokenResponse(base(), REALM, Map.of("grant_type", "password", "client_id", clientId,
                "username", user, "password", PASSWORD, "scope", "openid")).body());
    }

    /** The HTTP status of a refresh-token grant: 200 while the token's session lives. */
    static int refresh(String clientId, String refreshToken) {
        return tokenResponse(base(), REALM, Map.of("grant_type", "refresh_token", "client_id", clientId,
                "refresh_token", refreshToken)).statusCode();
    }

    static String clientToken(String clientId, String secret) {
        return clientToken(base(), clientId, secret);
    }

    /** The client-credentials grant; {@code via} lets a test ask under another host name (another issuer). */
    static String clientToken(String via, String clientId, String secret) {
        return token(via, Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    static JsonNode admin(String method, String path, String body) {
        String token = token(base(), "master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", ADMIN_PASSWORD));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + "/admin/realms/" + REALM + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = send(b.build());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("admin " + method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return read(r.body().isBlank() ? "{}" : r.body());
    }

    private static String token(String via, Map<String, String> form) {
        return token(via, REALM, form);
    }

    private static String token(String via, String realm, Map<String, String> form) {
        HttpResponse<String> r = tokenResponse(via, realm, form);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("token request failed: " + r.statusCode() + " " + r.body());
        }
        return read(r.body()).path("access_token").asText();
    }

    private static HttpResponse<String> tokenResponse(String via, String realm, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(via + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The realm export of the repository plus what only tests need: users of two tenants and extra clients. */
    static String testRealm() throws IOException {
        ObjectNode realm = (ObjectNode) JSON.readTree(Path.of("config/keycloak/nl2q-realm.json").toFile());
        ArrayNode clients = (ArrayNode) realm.get("clients");
        for (JsonNode c : clients) {
            if (c.path("clientId").asText().equals("nl2q-gateway")) {
                ((ObjectNode) c).put("secret", GATEWAY_SECRET);
            }
        }
        ObjectNode web = null;
        for (JsonNode c : clients) {
            if (c.path("clientId").asText().equals("nl2q-web")) {
                web = (ObjectNode) c;
            }
        }
        ObjectNode shortLived = web.deepCopy();
        shortLived.put("clientId", "nl2q-short-lived");
        ((ObjectNode) shortLived.get("attributes")).put("access.token.lifespan", "4");
        clients.add(shortLived);
        // a client of another application: same realm and keys, but its tokens are not meant for the hub
        ObjectNode other = JSON.createObjectNode().put("clientId", "other-app").put("enabled", true)
                .put("publicClient", false).put("secret", OTHER_SECRET).put("serviceAccountsEnabled", true)
                .put("standardFlowEnabled", false).put("directAccessGrantsEnabled", false);
        other.set("protocolMappers", web.get("protocolMappers").deepCopy());
        ArrayNode otherMappers = (ArrayNode) other.get("protocolMappers");
        for (int i = otherMappers.size() - 1; i >= 0; i--) {
            if (otherMappers.get(i).path("protocolMapper").asText().equals("oidc-audience-mapper")) {
                otherMappers.remove(i);
            }
        }
        clients.add(other);
        ArrayNode users = (ArrayNode) realm.get("users");
        users.add(user("alice", "acme", "viewer", "analyst"));
        users.add(user("adam", "acme", "admin"));
        users.add(user("gina", "globex", "viewer", "analyst"));
        users.add(user("nora", null, "viewer"));
        users.add(user("mallory", "hooli", "viewer", "analyst"));
        users.add(user("sam", "acme", "viewer"));
        // issue 11: a platform operator (no tenant), and a tenant's operator that holds the platform role too
        users.add(user("pat", null, "platform-operator"));
        users.add(user("otto", "acme", "operator", "platform-operator"));
        ObjectNode otherAccount = JSON.createObjectNode().put("username", "service-account-other-app")
                .put("enabled", true).put("serviceAccountClientId", "other-app");
        otherAccount.putObject("attributes").putArray("tenant").add("acme");
        otherAccount.putArray("realmRoles").add("viewer").add("analyst");
        users.add(otherAccount);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(realm);
    }

    private static ObjectNode user(String name, String tenant, String... roles) {
        ObjectNode u = JSON.createObjectNode().put("username", name).put("enabled", true)
                .put("email", name + "@example.com").put("emailVerified", true).put("firstName", name)
                .put("lastName", "Tester");
        if (tenant != null) {
            u.putObject("attributes").putArray("tenant").add(tenant);
        }
        u.putArray("credentials").addObject().put("type", "password").put("value", PASSWORD).put("temporary", false);
        ArrayNode r = u.putArray("realmRoles");
        for (String role : roles) {
            r.add(role);
        }
        return u;
    }

    private static boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Unpacks the distribution once into target/ (kept across test runs of the same build). */
    private static Path unpack() throws IOException {
        Path target = Path.of("target", "keycloak").toAbsolutePath();
        Path home = target.resolve("keycloak-" + VERSION);
        if (Files.isExecutable(home.resolve("bin/kc.sh")) && Files.exists(home.resolve(".unpacked"))) {
            return home;
        }
        deleteTree(target);
        Path zip = localRepository().resolve("org/keycloak/keycloak-quarkus-dist/" + VERSION
                + "/keycloak-quarkus-dist-" + VERSION + ".zip");
        if (!Files.exists(zip)) {
            throw new IllegalStateException(zip + " is missing: it is a test dependency in pom.xml, so Maven "
                    + "downloads it; run the tests through Maven");
        }
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e; (e = entries.getNextEntry()) != null; ) {
                Path out = target.resolve(e.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the target folder: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(entries, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (Stream<Path> scripts = Files.list(home.resolve("bin"))) {
            scripts.filter(p -> p.toString().endsWith(".sh")).forEach(p -> p.toFile().setExecutable(true));
        }
        Files.createFile(home.resolve(".unpacked"));
        return home;
    }

    private static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** KEYCLOAK_JAVA_HOME, else this JVM if it is 21+, else the newest JDK 21+ under /usr/lib/jvm. */
    static Path java21() throws IOException {
        String configured = System.getenv("KEYCLOAK_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        if (Runtime.version().feature() >= 21) {
            return Path.of(System.getProperty("java.home"));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> homes = Files.list(jvms)) {
                Optional<Path> best = homes.filter(h -> Files.isExecutable(h.resolve("bin/java")))
                        .filter(h -> featureVersion(h) >= 21)
                        .max(Comparator.comparingInt(KeycloakServer::featureVersion));
                if (best.isPresent()) {
                    return best.get();
                }
            }
        }
        throw new IllegalStateException("Keycloak " + VERSION + " needs Java 21 or newer: set KEYCLOAK_JAVA_HOME");
    }

    private static int featureVersion(Path javaHome) {
        try {
            for (String line : Files.readAllLines(javaHome.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring(13).replace("\"", "");
                    return Integer.parseInt(v.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
