package io.nl2q.hub.semantic;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The denominator of a share: the dimension named with it ("market share") or the one the model declares with
 * {@code share_within} for the subject (a product's share is within its market). A share with no subject is refused.
 */
final class SharePartition {
    private final SemanticModel model;
    private final Resolve resolve;

    SharePartition(SemanticModel model, Resolve resolve) {
        this.model = model;
        this.resolve = resolve;
    }

    Field of(Mentions m, ModelTable base, List<Intent.Filter> filters, List<Intent.Target> groups) {
        List<Field> subjectFields = Stream.concat(filters.stream().filter(f -> !f.negated()).map(Intent.Filter::field),
                groups.stream().map(g -> g.field() != null ? g.field() : g.table().label().orElse(null))
                        .filter(java.util.Objects::nonNull)).toList();
        Field partition;
        if (m.partition != null) {
            partition = resolve.field(m.partition, base, Meaning.Type.DIMENSION);
        } else {
            partition = subjectFields.stream().map(this::declaredPartition).flatMap(Optional::stream).findFirst()
                    .orElseThrow(() -> new Unanswerable("A share needs a subject and a whole: for example \"<value> "
                            + "share\" or \"share by <dimension>\"."));
        }
        ModelTable owner = model.tableOf(partition);
        boolean hasSubject = subjectFields.stream()
                .anyMatch(f -> f != partition && model.tableOf(f) == owner);
        boolean groupedByOwner = groups.stream().anyMatch(g -> g.table() == owner);
        if (!hasSubject && !groupedByOwner) {
            throw new Unanswerable("Share of what? Name the subject of the " + partition.spokenName()
                    + " share, or break it down by a dimension of " + owner.name() + ".");
        }
        return partition;
    }

    /** The share_within dimension of the field's table that applies to it. */
    private Optional<Field> declaredPartition(Field f) {
        ModelTable t = model.tableOf(f);
        return t.fields().stream().filter(x -> x.shareWithin() != null).findFirst()
                .flatMap(x -> t.field(x.shareWithin()))
                .filter(p -> p != f);
    }
}
