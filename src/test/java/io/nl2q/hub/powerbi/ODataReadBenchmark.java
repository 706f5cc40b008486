package io.nl2q.hub.powerbi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.nl2q.hub.HubApplication;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Rows per second of a full paged read of rx_weekly through /odata/v1, as Power BI does it (following
 * @odata.nextLink), against the hub started on a DuckDB warehouse at scale 1.0 (acme, seed 42: the demo defaults,
 * generated on first start into the given folder).
 * Args: data-dir (default target/bench/warehouse), page size (default 50000).
 */
public final class ODataReadBenchmark {
    public static void main(String[] args) throws Exception {
        String dataDir = args.length > 0 ? args[0] : "target/bench/warehouse";
        String pageSize = args.length > 1 ? args[1] : "50000";
        ConfigurableApplicationContext hub = SpringApplication.run(HubApplication.class, "--server.port=0",
                "--hub.warehouse.data-dir=" + dataDir, "--spring.datasource.url=jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1",
                "--hub.powerbi.odata.page-size=" + pageSize, "--hub.warehouse.statement-timeout=120s",
                "--logging.level.root=WARN");
        try {
            int port = Integer.parseInt(hub.getEnvironment().getProperty("local.server.port"));
            HttpClient http = HttpClient.newHttpClient();
            JsonFactory json = new JsonFactory();
            String next = "http://127.0.0.1:" + port + "/odata/v1/rx_weekly";
            long rows = 0;
            int pages = 0;
            long bytes = 0;
            long t0 = System.nanoTime();
            while (next != null) {
                HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(next))
                        .header("X-API-Key", "acme-demo-key").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + r.statusCode() + ": " + new String(r.body().readAllBytes()));
                }
                next = null;
                try (var counting = new CountingStream(r.body()); JsonParser p = json.createParser(counting)) {
                    p.nextToken();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.getCurrentName();
                        p.nextToken();
                        if (field.equals("value")) {
                            while (p.nextToken() == JsonToken.START_OBJECT) {
                                p.skipChildren();
                                rows++;
                            }
                        } else if (field.equals("@odata.nextLink")) {
                            next = p.getText();
                        } else {
                            p.skipChildren();
                        }
                    }
                    bytes += counting.count;
                }
                pages++;
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("rx_weekly full paged read: rows=%d pages=%d pageSize=%s MB=%.0f seconds=%.1f rows/s=%.0f%n",
                    rows, pages, pageSize, bytes / 1e6, s, rows / s);
        } finally {
            hub.close();
        }
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws java.io.IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
