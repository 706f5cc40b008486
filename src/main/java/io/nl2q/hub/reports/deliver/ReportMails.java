package io.nl2q.hub.reports.deliver;

import io.nl2q.hub.reports.render.HtmlRenderer;
import io.nl2q.hub.reports.render.Rendered;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * The report as an e-mail: the HTML body with its chart as an inline image part, and the CSV or XLSX attached.
 * Kept as MIME text between the run and the mail route, so a parked e-mail is replayed as it was.
 */
final class ReportMails {
    private static final Session SESSION = Session.getInstance(new Properties());

    private ReportMails() {
    }

    static String mime(String from, List<String> to, String subject, Rendered report) {
        try {
            MimeMessage message = new MimeMessage(SESSION);
            message.setFrom(new InternetAddress(from));
            for (String address : to) {
                message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address));
            }
            message.setSubject(subject, "UTF-8");
            MimeMultipart related = new MimeMultipart("related");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(report.html(), "UTF-8", "html");
            related.addBodyPart(html);
            if (report.chart() != null) {
                MimeBodyPart image = new MimeBodyPart();
                image.setDataHandler(new DataHandler(new ByteArrayDataSource(report.chart(), "image/png")));
                image.setContentID("<" + HtmlRenderer.CHART_CID + ">");
                image.setDisposition(MimeBodyPart.INLINE);
                image.setFileName("chart.png");
                related.addBodyPart(image);
            }
            if (report.format().equals("html")) {
                message.setContent(related);
            } else {
                MimeMultipart mixed = new MimeMultipart("mixed");
                MimeBodyPart body = new MimeBodyPart();
                body.setContent(related);
                mixed.addBodyPart(body);
                MimeBodyPart file = new MimeBodyPart();
                file.setDataHandler(new DataHandler(new ByteArrayDataSource(report.content(),
                        report.contentType().replaceFirst(";.*", ""))));
                file.setFileName(report.fileName());
                file.setDisposition(MimeBodyPart.ATTACHMENT);
                mixed.addBodyPart(file);
                message.setContent(mixed);
            }
            message.saveChanges();
            var out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toString(StandardCharsets.US_ASCII);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("could not build the report e-mail", e);
        }
    }

    static MimeMessage parse(String mime) {
        try {
            return new MimeMessage(SESSION, new ByteArrayInputStream(mime.getBytes(StandardCharsets.US_ASCII)));
        } catch (MessagingException e) {
            throw new IllegalStateException("not a MIME message", e);
        }
    }
}
