package io.nl2q.hub.powerbi;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where the feed's absolute links start ({@code @odata.context}, {@code @odata.nextLink}, the service document):
 * {@code hub.powerbi.odata.base-url} when set, the URL the hub is published under, which must be the one clients put
 * into Power BI, since it sends its credentials only to the data source's own host. Unset: the scheme, address and
 * port the request's connection arrived on. Never the {@code Host} or {@code X-Forwarded-*} headers, which any client
 * can write: a next link built from them would send the next request, and Power BI's credentials, elsewhere.
 */
final class FeedLinks {
    private FeedLinks() {
    }

    /** @return the feed's absolute URL, without a trailing slash */
    static String serviceRoot(ODataProperties properties, HttpServletRequest request) {
        if (properties.baseUrl() != null) {
            return properties.baseUrl() + ODataFeedConfig.PATH;
        }
        String address = request.getLocalAddr();
        String host = address.contains(":") ? "[" + address + "]" : address;
        return request.getScheme() + "://" + host + ":" + request.getLocalPort() + request.getContextPath()
                + ODataFeedConfig.PATH;
    }
}
