package io.nl2q.hub.boast;

import io.nl2q.hub.warehouse.DemoDataGenerator;
import io.nl2q.hub.warehouse.RowSink;
import io.nl2q.hub.warehouse.WarehouseSchema;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The HCPs (hcp_id, npi) the demo generator makes for a scale and seed: the NPIs partner samples must use. */
final class DemoHcps {
    private DemoHcps() {
    }

    /** Pairs {hcp_id, npi} in generation order; other tables are generated and discarded. */
    static List<String[]> of(double scale, long seed) throws SQLException {
        var hcps = new ArrayList<String[]>();
        new DemoDataGenerator(scale, seed).generate(table -> new RowSink.TableWriter() {
            @Override
            public void row(Object... values) {
                if (table.name().equals(WarehouseSchema.HCP.name())) {
                    hcps.add(new String[] {(String) values[0], (String) values[1]});
                }
            }

            @Override
            public void close() {
            }
        });
        return hcps;
    }
}
