package io.nl2q.hub.powerbi;

import java.io.InputStream;
import java.net.URI;
import org.apache.olingo.commons.api.data.ContextURL;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.Processor;
import org.apache.olingo.server.api.serializer.SerializerException;
import org.apache.olingo.server.api.uri.UriInfo;

/**
 * What the feed's read processors share: the request ({@link FeedCall}), Olingo's serializer and metadata, the
 * absolute context URL of a read, and the 200 answer.
 */
abstract class FeedReadProcessor implements Processor {
    final FeedCall call;
    OData odata;
    ServiceMetadata metadata;

    FeedReadProcessor(FeedCall call) {
        this.call = call;
    }

    @Override
    public void init(OData odata, ServiceMetadata metadata) {
        this.odata = odata;
        this.metadata = metadata;
    }

    /** The context URL of a read of the set with the URL's {@code $select}, absolute under the service root. */
    ContextURL.Builder context(EdmEntitySet edmSet, UriInfo uri) throws SerializerException {
        return ContextURL.with().entitySet(edmSet)
                .selectList(odata.createUriHelper().buildContextURLSelectList(edmSet.getEntityType(), null,
                        uri.getSelectOption()))
                .serviceRoot(URI.create(call.serviceRoot() + "/"));
    }

    static void ok(ODataResponse response, InputStream content, ContentType type) {
        response.setContent(content);
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, type.toContentTypeString());
    }
}
