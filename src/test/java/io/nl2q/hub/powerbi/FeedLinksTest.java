package io.nl2q.hub.powerbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Where the feed's links start, and which page tokens it takes back. */
class FeedLinksTest {

    private static ODataProperties withBaseUrl(String baseUrl) {
        return new ODataProperties(null, null, null, null, baseUrl);
    }

    private static MockHttpServletRequest spoofed(String localAddr) {
        var request = new MockHttpServletRequest("GET", "/odata/v1/hcp");
        request.setLocalAddr(localAddr);
        request.setLocalPort(8443);
        request.setServerName("evil.example");
        request.setServerPort(80);
        request.addHeader("Host", "evil.example");
        request.addHeader("X-Forwarded-Host", "evil.example");
        return request;
    }

    @Test
    void theConfiguredBaseUrlWins() {
        assertThat(FeedLinks.serviceRoot(withBaseUrl("https://hub.example.com/"), spoofed("10.0.0.5")))
                .isEqualTo("https://hub.example.com/odata/v1");
        assertThat(FeedLinks.serviceRoot(withBaseUrl("https://proxy.example.com/nl2q"), spoofed("10.0.0.5")))
                .isEqualTo("https://proxy.example.com/nl2q/odata/v1");
    }

    @Test
    void unsetItIsTheConnectionsOwnAddressNeverTheHostHeader() {
        assertThat(FeedLinks.serviceRoot(withBaseUrl(""), spoofed("10.0.0.5")))
                .isEqualTo("http://10.0.0.5:8443/odata/v1");
        assertThat(FeedLinks.serviceRoot(withBaseUrl(null), spoofed("0:0:0:0:0:0:0:1")))
                .isEqualTo("http://[0:0:0:0:0:0:0:1]:8443/odata/v1");
    }

    @Test
    void aBaseUrlMustBeAPlainHttpUrl() {
        for (String bad : List.of("ftp://hub.example.com", "https://hub.example.com/?x=1", "hub.example.com",
                "https://user:pw@hub.example.com", "https://hub.example.com/#top", "http://")) {
            assertThatThrownBy(() -> withBaseUrl(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void pageTokensComeBackOnlyUnchangedAndForTheirOwnRead() {
        String token = new PageToken(7, List.of("T07")).encode("territory|");
        assertThat(PageToken.decode(token, "territory|")).contains(new PageToken(7, List.of("T07")));
        assertThat(PageToken.decode(token, "territory|state desc")).isEmpty();
        String json = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        for (String edited : List.of(json.replace("\"d\":7", "\"d\":9223372036854775807"),
                json.replace("\"d\":7", "\"d\":-1"), json.replace("\"d\":7", "\"d\":1e3"),
                json.replace("\"d\":7", "\"d\":99999999999999999999999"), json.replace("\"T07\"", "7"),
                json.replace("}", ",\"x\":1}"), "[]", "null")) {
            String forged = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(edited.getBytes(StandardCharsets.UTF_8));
            assertThat(PageToken.decode(forged, "territory|")).as(edited).isEmpty();
        }
        assertThat(PageToken.decode("%%%", "territory|")).isEmpty();
        assertThat(PageToken.decode("A".repeat(PageToken.MAX_LENGTH + 1), "territory|")).isEmpty();
    }
}
