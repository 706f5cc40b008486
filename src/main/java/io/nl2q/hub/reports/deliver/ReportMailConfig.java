package io.nl2q.hub.reports.deliver;

import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** JavaMail settings of route reports-deliver-email beyond host, port and login (which are spring.mail.*). */
@Configuration
class ReportMailConfig {

    @Bean
    Properties reportMailProperties(@Value("${hub.reports.mail.starttls:false}") boolean starttls,
                                    @Value("${hub.reports.mail.timeout-ms:20000}") int timeoutMs) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.starttls.enable", String.valueOf(starttls));
        p.setProperty("mail.smtp.starttls.required", String.valueOf(starttls));
        p.setProperty("mail.smtp.connectiontimeout", String.valueOf(timeoutMs));
        p.setProperty("mail.smtp.timeout", String.valueOf(timeoutMs));
        p.setProperty("mail.smtp.writetimeout", String.valueOf(timeoutMs));
        return p;
    }
}
