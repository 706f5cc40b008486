package io.nl2q.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nl2q.hub.HubTest;
import io.nl2q.hub.app.AppBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web app's sign-in through the real Keycloak login page: authorization code with PKCE through the realm's public
 * {@code nl2q-web} client, then a question asked with the access token the page holds in memory, then a sign-out that
 * ends the Keycloak session as well.
 */
@HubTest
class KeycloakAppBrowserTest {
    private static AppBrowser browser;
    @LocalServerPort
    int port;

    @BeforeAll
    static void keycloak() {
        KeycloakServer.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** The shipped client lists the hub's usual addresses; the test hub listens on a random port. */
    private void allowRedirectToThisHub() {
        JsonNode clients = KeycloakServer.admin("GET", "/clients?clientId=nl2q-web", null);
        ObjectNode web = (ObjectNode) clients.get(0);
        ArrayNode uris = (ArrayNode) web.get("redirectUris");
        String app = "http://localhost:" + port + "/app/*";
        for (JsonNode uri : uris) {
            if (uri.asText().equals(app)) {
                return;
            }
        }
        uris.add(app);
        KeycloakServer.admin("PUT", "/clients/" + web.path("id").asText(), web.toString());
    }

    @Test
    void signsInThroughTheKeycloakLoginPageAndAsksWithTheToken() {
        allowRedirectToThisHub();
        browser = new AppBrowser(port);
        browser.open();
        browser.find("#oidc-login").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(browser.driver.getCurrentUrl()).startsWith(KeycloakServer.issuer() + "/protocol/openid-connect/auth")
                .contains("code_challenge_method=S256").contains("client_id=nl2q-web");
        browser.find("#username").sendKeys("alice");
        browser.find("#password").sendKeys(KeycloakServer.PASSWORD);
        browser.screenshot("keycloak-login");
        browser.find("#kc-login").click();

        browser.waiting().until(d -> d.getCurrentUrl().startsWith(browser.base() + "/app/"));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("page-ask")));
        assertThat(browser.driver.getCurrentUrl()).as("the code leaves the address bar").doesNotContain("code=");
        assertThat(browser.find("#who-tenant").getText()).isEqualTo("acme");
        assertThat(browser.find("#who-subject").getText()).contains("alice");
        assertThat(browser.find("#who-roles").getText()).contains("analyst", "viewer").doesNotContain("admin");
        assertThat(browser.find("#nav a[data-page=admin]").isDisplayed()).isFalse();
        Object stored = ((JavascriptExecutor) browser.driver).executeScript(
                "return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie;");
        assertThat(String.valueOf(stored)).doesNotContain("eyJ");

        browser.ask("how many prescribers are there");
        assertThat(browser.find("#big-number").getText()).startsWith("180");

        // signing out ends the Keycloak session too: the next sign-in asks for the password again
        var page = (JavascriptExecutor) browser.driver;
        page.executeScript("window.beforeSignOut = true;");
        browser.find("#sign-out").click();
        browser.waiting().until(d -> d.getCurrentUrl().startsWith(browser.base() + "/app/")
                && page.executeScript("return window.beforeSignOut === undefined") == Boolean.TRUE
                && "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertThat(browser.find("#page-signin").isDisplayed()).isTrue();
        browser.find("#oidc-login").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(browser.driver.getCurrentUrl()).startsWith(KeycloakServer.issuer());
    }
}
