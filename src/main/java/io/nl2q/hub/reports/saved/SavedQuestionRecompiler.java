package io.nl2q.hub.reports.saved;

import io.nl2q.hub.events.HubEvents;
import io.nl2q.hub.pipeline.GuardStep;
import io.nl2q.hub.pipeline.ModelVersion;
import io.nl2q.hub.pipeline.QueryGenerator;
import io.nl2q.hub.pipeline.Question;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.security.CallerAuthentication;
import io.nl2q.hub.security.Role;
import io.nl2q.hub.tenancy.TenantDirectory;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.stereotype.Component;

/**
 * Compiles saved questions again when the semantic model changed. The model is read when the hub starts, so every
 * replica checks at its start (in the background) the questions last compiled with another model version: each is
 * compiled and guarded again as its owner (the tenant's analyst who saved it), its SQL and status updated
 * ({@code ok}, or {@code broken} with the reason, as GET /api/v1/saved-questions shows it), once across replicas.
 * <p>
 * A question that stops compiling tells its owner what a user expects to hear about a report that will fail: an
 * e-mail when the owner's identity is an e-mail address (a Keycloak user signed in with one) and the hub sends mail,
 * and always the CloudEvent {@code io.nl2q.report.saved-question.broken} on the hub's events, for teams that route
 * notices elsewhere. Saved SQL does not depend on the model and is left alone.
 */
@Component
public class SavedQuestionRecompiler {
    static final String BROKEN_EVENT = "io.nl2q.report.saved-question.broken";
    private static final Logger log = LoggerFactory.getLogger(SavedQuestionRecompiler.class);
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s:]+@[^@\\s]+\\.[^@\\s]+");
    private final SavedQuestionCatalog catalog;
    private final QueryGenerator generator;
    private final GuardStep guard;
    private final TenantDirectory tenants;
    private final ObjectProvider<ModelVersion> versions;
    private final HubEvents events;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    SavedQuestionRecompiler(SavedQuestionCatalog catalog,
                            @Qualifier("compositeQueryGenerator") QueryGenerator generator, GuardStep guard,
                            TenantDirectory tenants, ObjectProvider<ModelVersion> versions, HubEvents events,
                            ObjectProvider<JavaMailSender> mail,
                            @Value("${hub.reports.mail.from:nl2q-hub@localhost}") String from) {
        this.catalog = catalog;
        this.generator = generator;
        this.guard = guard;
        this.tenants = tenants;
        this.versions = versions;
        this.events = events;
        this.mail = mail;
        this.from = from;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        Thread t = new Thread(() -> {
            try {
                recompileStale();
            } catch (RuntimeException e) {
                log.warn("saved questions were not recompiled: {}", e.getMessage());
            }
        }, "saved-question-recompile");
        t.setDaemon(true);
        t.start();
    }

    /** Recompiles what another model version compiled; returns how many questions no longer compile. */
    public synchronized int recompileStale() {
        int broken = 0;
        for (SavedQuestionCatalog.Stale stale : catalog.stale(this::version)) {
            var tenant = tenants.find(stale.tenantId());
            if (tenant.isEmpty()) {
                continue;
            }
            String owner = stale.createdBy() == null ? "saved-question" : stale.createdBy();
            Caller caller = new Caller(tenant.get(), owner, Set.of(Role.ANALYST));
            String sql = null;
            String error = null;
            SecurityContextHolder.setContext(new SecurityContextImpl(new CallerAuthentication(caller)));
            try {
                sql = guard.guard(generator.generate(new Question(stale.question()), caller).sql(), caller).sql();
            } catch (RuntimeException e) {
                error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            } finally {
                SecurityContextHolder.clearContext();
            }
            String version = version(stale.tenantId());
            if (catalog.recompiled(stale, version, sql, error) && error != null) {
                broken++;
                if (!SavedQuestionEntry.BROKEN.equals(stale.status())) {
                    tell(stale, version, error);
                }
            }
        }
        return broken;
    }

    private String version(String tenantId) {
        ModelVersion v = versions.getIfUnique();
        return v == null ? ModelVersion.DEFAULT : v.of(tenantId);
    }

    private void tell(SavedQuestionCatalog.Stale stale, String version, String error) {
        var event = events.event(stale.tenantId(), "reports/saved-questions", BROKEN_EVENT);
        event.putObject("data").put("savedQuestion", stale.id()).put("question", stale.question())
                .put("owner", stale.createdBy()).put("modelVersion", version).put("error", error);
        events.publish(stale.tenantId(), event.toString());
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || stale.createdBy() == null || !ADDRESS.matcher(stale.createdBy()).matches()) {
            return;
        }
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(stale.createdBy());
        message.setSubject("Your saved question " + stale.id() + " no longer compiles");
        message.setText("The semantic model changed (version " + version + "), and your saved question\n\n  "
                + stale.question() + "\n\nno longer compiles: " + error + "\n\nIts schedules will fail until you save"
                + " it again in words the model knows (GET /api/v1/saved-questions/" + stale.id() + " shows it).");
        try {
            sender.send(message);
        } catch (RuntimeException e) {
            log.warn("could not tell {} that saved question {} no longer compiles: {}", stale.createdBy(), stale.id(),
                    e.getMessage());
        }
    }
}
