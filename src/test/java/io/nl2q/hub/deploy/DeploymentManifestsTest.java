package io.nl2q.hub.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The offline checks of docker/: no image is built and no cluster is reachable here, so this reads the compose file,
 * the Kubernetes manifests, the dashboards and the alert rules, and holds them to what the prod profile needs.
 */
class DeploymentManifestsTest {
    private static final Path DOCKER = Path.of("docker");
    private static final Pattern REQUIRED_VAR = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
    private static final Pattern HUB_METRIC = Pattern.compile("\\b(hub_[a-z0-9_]+)");

    @Test
    void composeGivesEachReplicaEveryVariableTheProdProfileRequires() throws IOException {
        Map<String, Object> services = map(yaml(DOCKER.resolve("compose.yaml")).get("services"));
        Set<String> required = requiredVariables();
        List<String> instanceIds = new ArrayList<>();
        for (String replica : List.of("hub-1", "hub-2")) {
            Map<String, Object> env = map(map(services.get(replica)).get("environment"));
            assertThat(env.keySet()).as(replica).containsAll(required);
            assertThat(env).as(replica).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
            instanceIds.add(String.valueOf(env.get("HUB_INSTANCE_ID")));
        }
        assertThat(instanceIds).doesNotHaveDuplicates();
        assertThat(services).containsKeys("proxy", "postgres", "kafka", "keycloak", "sftp", "prometheus", "grafana");
        services.forEach((name, service) -> {
            Object image = map(service).get("image");
            assertThat(String.valueOf(image)).as(name + " image has a tag that is not latest").matches("[^:]+:(?!latest$)[\\w.-]+");
            Object ports = map(service).get("ports");
            if (ports != null) {
                assertThat((List<?>) ports).as(name + " ports on loopback").allMatch(p -> p.toString().startsWith("127.0.0.1:"));
            }
        });
    }

    @Test
    void composeSecretsAreRequiredFromTheEnvFileNotWrittenInIt() throws IOException {
        String compose = Files.readString(DOCKER.resolve("compose.yaml"));
        assertThat(compose).doesNotContainPattern("(?i)password:\\s*[a-z0-9]");
        Matcher refs = Pattern.compile("\\$\\{([A-Z_]+):\\?").matcher(compose);
        Set<String> mustBeSet = new TreeSet<>();
        while (refs.find()) {
            mustBeSet.add(refs.group(1));
        }
        assertThat(envFileKeys(DOCKER.resolve(".env.example"))).containsAll(mustBeSet);
    }

    @Test
    void kubernetesDeploymentGetsEveryVariableFromConfigOrSecret() throws IOException {
        Map<String, Object> container = hubContainer();
        Set<String> provided = new TreeSet<>();
        for (Object e : (List<?>) container.get("env")) {
            provided.add(String.valueOf(map(e).get("name")));
        }
        Map<String, Object> secret = yaml(DOCKER.resolve("k8s/secret.example.yaml"));
        String secretName = String.valueOf(map(secret.get("metadata")).get("name"));
        assertThat((List<?>) container.get("envFrom")).anyMatch(f -> secretName.equals(map(map(f).get("secretRef")).get("name")));
        provided.addAll(map(secret.get("stringData")).keySet());
        Set<String> needed = new TreeSet<>(requiredVariables());
        needed.addAll(envFileKeys(Path.of("config/prod.env.example")));
        needed.addAll(requiredVariablesOf(DOCKER.resolve("k8s/config/cluster.yaml")));
        assertThat(provided).containsAll(needed);
    }

    @Test
    void kubernetesReplicasAreProbedBoundedAndKeptAvailable() throws IOException {
        Map<String, Object> deployment = yaml(DOCKER.resolve("k8s/deployment.yaml"));
        Map<String, Object> spec = map(deployment.get("spec"));
        assertThat((Integer) spec.get("replicas")).isGreaterThanOrEqualTo(2);
        Map<String, Object> container = hubContainer();
        assertThat(probePath(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
        assertThat(probePath(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
        assertThat(probePath(container, "startupProbe")).isNotNull();
        Map<String, Object> resources = map(container.get("resources"));
        assertThat(map(resources.get("requests"))).containsKeys("cpu", "memory");
        assertThat(map(resources.get("limits"))).containsKeys("cpu", "memory");
        assertThat(map(map(map(spec.get("template")).get("spec")).get("securityContext"))).containsEntry("runAsNonRoot", true);

        Object labels = map(map(spec.get("selector")).get("matchLabels"));
        assertThat(map(map(yaml(DOCKER.resolve("k8s/pdb.yaml")).get("spec")).get("selector")).get("matchLabels")).isEqualTo(labels);
        Map<String, Object> hpa = map(yaml(DOCKER.resolve("k8s/hpa.yaml")).get("spec"));
        assertThat(map(hpa.get("scaleTargetRef")).get("name")).isEqualTo(map(deployment.get("metadata")).get("name"));
        assertThat((Integer) hpa.get("minReplicas")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void kustomizationShipsEveryRouteAndEveryManifest() throws IOException {
        Map<String, Object> kustomization = yaml(DOCKER.resolve("k8s/kustomization.yaml"));
        Set<String> files = new TreeSet<>();
        for (Object generator : (List<?>) kustomization.get("configMapGenerator")) {
            Object listed = map(generator).get("files");
            if (listed != null) {
                ((List<?>) listed).forEach(f -> files.add(Path.of("docker/k8s").resolve(f.toString()).normalize().toString()));
            }
        }
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            routes.filter(p -> p.toString().endsWith(".camel.yaml"))
                    .forEach(route -> assertThat(files).as("routes ConfigMap").contains(route.toString()));
        }
        files.forEach(f -> assertThat(Path.of(f)).exists());
        for (Object resource : (List<?>) kustomization.get("resources")) {
            assertThat(DOCKER.resolve("k8s").resolve(resource.toString())).exists();
        }
    }

    @Test
    void dashboardsAndAlertsUseOnlyMetricsTheHubPublishes() throws IOException {
        Set<String> published = publishedHubMetrics();
        ObjectMapper json = new ObjectMapper();
        List<String> expressions = new ArrayList<>();
        try (Stream<Path> dashboards = Files.list(DOCKER.resolve("grafana/dashboards"))) {
            for (Path dashboard : dashboards.toList()) {
                JsonNode root = json.readTree(dashboard.toFile());
                assertThat(root.path("uid").asText()).as(dashboard.toString()).isNotBlank();
                assertThat(root.path("panels").size()).isPositive();
                root.findValues("expr").forEach(e -> expressions.add(e.asText()));
            }
        }
        Map<String, Object> rules = yaml(DOCKER.resolve("prometheus/alerts.yml"));
        for (Object group : (List<?>) rules.get("groups")) {
            for (Object rule : (List<?>) map(group).get("rules")) {
                Map<String, Object> r = map(rule);
                assertThat(r).containsKeys("alert", "expr", "for", "labels", "annotations");
                assertThat(map(r.get("labels"))).containsKey("severity");
                expressions.add(String.valueOf(r.get("expr")));
            }
        }
        assertThat(expressions).isNotEmpty();
        for (String expr : expressions) {
            Matcher m = HUB_METRIC.matcher(expr);
            while (m.find()) {
                String name = m.group(1).replaceAll("_(total|seconds|bucket|count|sum)$", "");
                assertThat(published).as("metric in " + expr).contains(name);
            }
        }
    }

    @Test
    void imageRunsAsNonRootWithRoutesConfigAndAHealthCheck() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        assertThat(dockerfile).containsPattern("(?m)^USER (?!root)\\S+")
                .containsPattern("(?s)\\nHEALTHCHECK .*CMD curl -fsS http://127.0.0.1:8080/actuator/health/readiness")
                .contains("COPY --chown=hub:hub routes routes", "COPY --chown=hub:hub config config", "-Djarmode=tools");
    }

    private static Set<String> requiredVariables() throws IOException {
        Set<String> vars = requiredVariablesOf(Path.of("config/application-prod.yaml"));
        vars.addAll(requiredVariablesOf(DOCKER.resolve("hub/tenants.yaml")));
        return vars;
    }

    private static Set<String> requiredVariablesOf(Path file) throws IOException {
        Set<String> vars = new TreeSet<>();
        Matcher m = REQUIRED_VAR.matcher(Files.readString(file));
        while (m.find()) {
            vars.add(m.group(1));
        }
        return vars;
    }

    private static Set<String> envFileKeys(Path file) throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                keys.add(line.substring(0, line.indexOf('=')).trim());
            }
        }
        return keys;
    }

    private static Set<String> publishedHubMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern meter = Pattern.compile("\"(hub\\.[a-z0-9.]+)\"");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = meter.matcher(Files.readString(source));
                while (m.find()) {
                    names.add(m.group(1).replace('.', '_'));
                }
            }
        }
        return names;
    }

    private static Map<String, Object> hubContainer() throws IOException {
        Map<String, Object> template = map(map(yaml(DOCKER.resolve("k8s/deployment.yaml")).get("spec")).get("template"));
        return map(((List<?>) map(template.get("spec")).get("containers")).get(0));
    }

    private static String probePath(Map<String, Object> container, String probe) {
        Object p = container.get(probe);
        return p == null ? null : String.valueOf(map(map(p).get("httpGet")).get("path"));
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        return new Yaml().load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }
}
