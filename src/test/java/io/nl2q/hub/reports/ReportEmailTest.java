package io.nl2q.hub.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import de.siegmar.fastcsv.reader.CsvReader;
import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Report e-mails received by a real SMTP server (GreenMail on the port the test properties give the hub): the
 * recipients, subject, attachment type, and the same rows as the public API's answer, read back from the file.
 */
@HubTest
class ReportEmailTest {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(47933, "127.0.0.1", "smtp"))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    static final String QUESTION = "Show me top 10 prescribers by TRx for Tirosint in Q4 2024";
    @LocalServerPort
    int port;
    HubHttp http;
    Reports reports;

    @BeforeEach
    void setUp() {
        http = new HubHttp(port);
        reports = new Reports(http);
    }

    @Test
    void anXlsxReportReachesBothAddressesWithTheAnswersRowsATableAndAChart() throws Exception {
        JsonNode answer = http.ask(Reports.KEY, QUESTION).json();
        assertThat(answer.path("chart").path("type").asText()).isEqualTo("bar");
        long saved = reports.saveQuestion("tirosint_top", QUESTION);
        long schedule = reports.schedule(saved, "xlsx", """
                {"type": "email", "to": ["brand@acme.test", "ops@acme.test"], "subject": "Monday numbers"}""", false);
        JsonNode run = reports.ended(schedule, reports.runNow(schedule));
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("delivered");
        assertThat(run.path("rows").asInt()).isEqualTo(answer.path("rows").size());
        assertThat(run.path("bytes").asLong()).isPositive();

        assertThat(smtp.waitForIncomingEmail(20_000, 2)).isTrue();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2); // one copy per recipient
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("Monday numbers");
        assertThat(Arrays.stream(mail.getAllRecipients()).map(Object::toString))
                .containsExactlyInAnyOrder("brand@acme.test", "ops@acme.test");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("reports@nl2q.test");
        List<Part> parts = parts(mail);
        Part xlsx = parts.stream().filter(p -> Part.ATTACHMENT.equalsIgnoreCase(disposition(p))).findFirst()
                .orElseThrow();
        assertThat(xlsx.getContentType())
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.getFileName()).startsWith("tirosint_top_").endsWith(".xlsx");
        Part html = parts.stream().filter(p -> type(p).startsWith("text/html")).findFirst().orElseThrow();
        String body = html.getContent().toString();
        String latestWeek = http.sql(Reports.KEY, "SELECT MAX(week_ending) AS d FROM rx_weekly").json()
                .path("rows").get(0).get(0).asText().substring(0, 10);
        assertThat(body).as("the warehouse's latest date, not today's").contains("Data as of " + latestWeek + " (read ");
        assertThat(body).contains("<table").contains("cid:chart")
                .contains(escaped(answer.path("rows").get(0).get(1).asText()));
        Part chart = parts.stream().filter(p -> type(p).startsWith("image/png")).findFirst().orElseThrow();
        assertThat(((jakarta.mail.internet.MimeBodyPart) chart).getContentID()).isEqualTo("<chart>");
        try (InputStream png = chart.getInputStream()) {
            assertThat(Arrays.copyOf(png.readAllBytes(), 4)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        }

        try (InputStream in = xlsx.getInputStream(); var book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            Row header = sheet.getRow(0);
            for (int c = 0; c < answer.path("columns").size(); c++) {
                assertThat(header.getCell(c).getStringCellValue())
                        .isEqualTo(answer.path("columns").get(c).path("name").asText());
            }
            assertThat(sheet.getLastRowNum()).isEqualTo(answer.path("rows").size());
            for (int r = 0; r < answer.path("rows").size(); r++) {
                JsonNode expected = answer.path("rows").get(r);
                Row row = sheet.getRow(r + 1);
                for (int c = 0; c < expected.size(); c++) {
                    Cell cell = row.getCell(c);
                    if (expected.get(c).isNumber()) {
                        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                        assertThat(cell.getNumericCellValue()).isEqualTo(expected.get(c).asDouble());
                    } else {
                        assertThat(cell.getStringCellValue()).isEqualTo(expected.get(c).asText());
                    }
                }
            }
        }
    }

    @Test
    void aCsvReportHoldsTheSqlAnswersRowsWithABom() throws Exception {
        String sql = "SELECT product_id, product_name FROM product ORDER BY product_id";
        JsonNode answer = http.sql(Reports.KEY, sql).json();
        long schedule = reports.schedule(reports.saveSql("products", sql), "csv",
                "{\"type\": \"email\", \"to\": [\"sales-ops@acme.test\"]}", false);
        assertThat(reports.ended(schedule, reports.runNow(schedule)).path("status").asText()).isEqualTo("delivered");
        assertThat(smtp.waitForIncomingEmail(20_000, 1)).isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).startsWith("products_").endsWith("(NL2Q report)");
        Part csv = parts(mail).stream().filter(p -> Part.ATTACHMENT.equalsIgnoreCase(disposition(p))).findFirst()
                .orElseThrow();
        assertThat(csv.getContentType()).startsWith("text/csv");
        byte[] bytes;
        try (InputStream in = csv.getInputStream()) {
            bytes = in.readAllBytes();
        }
        assertThat(Arrays.copyOf(bytes, 3)).isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).contains("\r\n");
        List<List<String>> records = new ArrayList<>();
        CsvReader.builder().ofCsvRecord(text).forEach(r -> records.add(r.getFields()));
        assertThat(records.get(0)).containsExactly("product_id", "product_name");
        assertThat(records).hasSize(answer.path("rows").size() + 1);
        for (int r = 0; r < answer.path("rows").size(); r++) {
            JsonNode row = answer.path("rows").get(r);
            assertThat(records.get(r + 1)).containsExactly(row.get(0).asText(), row.get(1).asText());
        }
    }

    @Test
    void anUnchangedResultIsNotSentAgainWhenOnlyChangesAreWanted() throws Exception {
        long schedule = reports.schedule(reports.saveSql("unchanged", "SELECT product_id FROM product"), "html",
                "{\"type\": \"email\", \"to\": [\"a@acme.test\"]}", true);
        assertThat(reports.ended(schedule, reports.runNow(schedule)).path("status").asText()).isEqualTo("delivered");
        JsonNode second = reports.ended(schedule, reports.runNow(schedule));
        assertThat(second.path("status").asText()).isEqualTo("skipped-unchanged");
        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(parts(smtp.getReceivedMessages()[0]).stream().map(ReportEmailTest::type))
                .anyMatch(t -> t.startsWith("text/html"));
    }

    @Test
    void aResultOverTheRowCapFailsTheRunWithTheReasonAndSendsNothing() {
        String sql = "SELECT hcp_id FROM rx_weekly";
        assertThat(http.sql(Reports.KEY, sql).json().path("truncated").asBoolean()).isTrue();
        long schedule = reports.schedule(reports.saveSql("too_big", sql), "csv",
                "{\"type\": \"email\", \"to\": [\"a@acme.test\"]}", false);
        JsonNode run = reports.ended(schedule, reports.runNow(schedule));
        assertThat(run.path("status").asText()).isEqualTo("failed");
        assertThat(run.path("error").asText()).contains("row cap");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }

    private static List<Part> parts(Part part) throws Exception {
        List<Part> all = new ArrayList<>();
        all.add(part);
        if (part.getContent() instanceof Multipart multi) {
            for (int i = 0; i < multi.getCount(); i++) {
                BodyPart child = multi.getBodyPart(i);
                all.addAll(parts(child));
            }
        }
        return all;
    }

    private static String disposition(Part p) {
        try {
            return String.valueOf(p.getDisposition());
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static String type(Part p) {
        try {
            return p.getContentType().toLowerCase(java.util.Locale.ROOT);
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }
}
