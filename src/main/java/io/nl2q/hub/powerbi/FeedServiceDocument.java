package io.nl2q.hub.powerbi;

import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.ServiceDocumentProcessor;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.serializer.SerializerException;

/**
 * The service document with an absolute context URL. Olingo's default writes {@code "@odata.context": "$metadata"},
 * which a client resolves against the URL it asked for: for {@code /odata/v1} (no trailing slash) that is
 * {@code /odata/$metadata}, and Olingo's own client makes every entity set URL {@code /hcp} from it.
 */
final class FeedServiceDocument implements ServiceDocumentProcessor {
    private final String serviceRoot;
    private OData odata;
    private ServiceMetadata metadata;

    /** @param serviceRoot the feed's absolute URL (see {@link FeedLinks}) */
    FeedServiceDocument(String serviceRoot) {
        this.serviceRoot = serviceRoot;
    }

    @Override
    public void init(OData odata, ServiceMetadata metadata) {
        this.odata = odata;
        this.metadata = metadata;
    }

    @Override
    public void readServiceDocument(ODataRequest request, ODataResponse response, UriInfo uri, ContentType format)
            throws SerializerException {
        response.setContent(odata.createSerializer(format)
                .serviceDocument(metadata, serviceRoot + "/").getContent());
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
    }
}
