package io.nl2q.hub.powerbi;

import java.util.ArrayList;
import java.util.List;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.edm.provider.CsdlAbstractEdmProvider;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainer;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainerInfo;
import org.apache.olingo.commons.api.edm.provider.CsdlEntitySet;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityType;
import org.apache.olingo.commons.api.edm.provider.CsdlProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlPropertyRef;
import org.apache.olingo.commons.api.edm.provider.CsdlSchema;

/** The CSDL of one caller's feed: one entity type and one entity set per table or saved question. */
final class FeedEdmProvider extends CsdlAbstractEdmProvider {
    static final String NAMESPACE = "NL2Q";
    static final String CONTAINER = "Hub";
    private static final FullQualifiedName CONTAINER_NAME = new FullQualifiedName(NAMESPACE, CONTAINER);
    private final FeedModel model;

    FeedEdmProvider(FeedModel model) {
        this.model = model;
    }

    static FullQualifiedName typeName(FeedSet set) {
        return new FullQualifiedName(NAMESPACE, set.name());
    }

    @Override
    public CsdlEntityType getEntityType(FullQualifiedName name) {
        if (!NAMESPACE.equals(name.getNamespace())) {
            return null;
        }
        return model.set(name.getName()).map(FeedEdmProvider::entityType).orElse(null);
    }

    @Override
    public CsdlEntitySet getEntitySet(FullQualifiedName container, String name) {
        if (!CONTAINER_NAME.equals(container)) {
            return null;
        }
        return model.set(name).map(s -> new CsdlEntitySet().setName(s.name()).setType(typeName(s))).orElse(null);
    }

    @Override
    public CsdlEntityContainer getEntityContainer() {
        var sets = new ArrayList<CsdlEntitySet>();
        model.sets().values().forEach(s -> sets.add(getEntitySet(CONTAINER_NAME, s.name())));
        return new CsdlEntityContainer().setName(CONTAINER).setEntitySets(sets);
    }

    @Override
    public CsdlEntityContainerInfo getEntityContainerInfo(FullQualifiedName name) {
        return name == null || CONTAINER_NAME.equals(name)
                ? new CsdlEntityContainerInfo().setContainerName(CONTAINER_NAME) : null;
    }

    @Override
    public List<CsdlSchema> getSchemas() {
        var types = new ArrayList<CsdlEntityType>();
        model.sets().values().forEach(s -> types.add(entityType(s)));
        return List.of(new CsdlSchema().setNamespace(NAMESPACE).setEntityTypes(types)
                .setEntityContainer(getEntityContainer()));
    }

    private static CsdlEntityType entityType(FeedSet set) {
        var properties = new ArrayList<CsdlProperty>();
        var keys = new ArrayList<CsdlPropertyRef>();
        if (set.syntheticKey()) {
            properties.add(new CsdlProperty().setName(FeedSet.ROW_KEY)
                    .setType(EdmPrimitiveTypeKind.Int64.getFullQualifiedName()).setNullable(false));
            keys.add(new CsdlPropertyRef().setName(FeedSet.ROW_KEY));
        }
        for (FeedColumn c : set.columns()) {
            boolean key = set.keys().contains(c.sqlLabel());
            CsdlProperty p = new CsdlProperty().setName(c.property()).setType(c.type().getFullQualifiedName())
                    .setNullable(c.nullable() && !key);
            if (c.type() == EdmPrimitiveTypeKind.Decimal) {
                p.setScale(null).setPrecision(null);
            }
            properties.add(p);
        }
        for (String k : set.keys()) {
            set.columns().stream().filter(c -> c.sqlLabel().equals(k)).findFirst()
                    .ifPresent(c -> keys.add(new CsdlPropertyRef().setName(c.property())));
        }
        return new CsdlEntityType().setName(set.name()).setProperties(properties).setKey(keys);
    }
}
