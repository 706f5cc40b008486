package io.nl2q.hub.boast;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the sample partner files of connectors/boast/samples from the acme demo tenant (scale 1.0, seed 42), so
 * that they load into a fresh hub: {@code java -cp ... io.nl2q.hub.boast.BoastSamples [folder]}.
 */
public final class BoastSamples {
    private BoastSamples() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "connectors/boast/samples");
        Files.createDirectories(dir);
        List<String[]> hcps = DemoHcps.of(1.0, 42);
        String[] promoted = {"Tirosint", "Tirosint-SOL", "Flector", "Licart"};
        var targets = new StringBuilder("npi,product_name,tier,effective_date\n");
        for (int i = 0; i < 200; i++) {
            String npi = hcps.get(i * 29 % hcps.size())[1];
            targets.append(npi).append(',').append(promoted[i % promoted.length]).append(',')
                    .append(i % 10 < 2 ? 'A' : i % 10 < 5 ? 'B' : 'C').append(",2026-01-05\n");
        }
        Files.writeString(dir.resolve("hcp_targets_20260105.csv"), targets, StandardCharsets.UTF_8);

        String[] payers = {"UnitedHealthcare", "Aetna", "Cigna", "Blue Cross Blue Shield", "Humana Medicare",
                "CVS Caremark Part D", "State Medicaid", "Cash"};
        String[] products = {"Tirosint", "Tirosint-SOL", "Synthroid", "Levoxyl", "Unithroid", "Euthyrox",
                "Levothyroxine", "Armour Thyroid", "Cytomel", "Flector", "Licart", "Pennsaid", "Voltaren Gel",
                "Diclofenac Gel"};
        String[] statuses = {"Preferred", "Covered", "Not Covered"};
        var formulary = new StringBuilder("payer_name,product_name,status,prior_auth,effective_date\n");
        for (int p = 0; p < payers.length; p++) {
            for (int q = 0; q < products.length; q++) {
                String status = payers[p].equals("Cash") ? "Not Covered" : statuses[(p + q) % 3];
                boolean priorAuth = status.equals("Covered") && (p + q) % 2 == 0;
                formulary.append(payers[p]).append(',').append(products[q]).append(',').append(status).append(',')
                        .append(priorAuth).append(",2026-01-05\n");
            }
        }
        Files.writeString(dir.resolve("formulary_20260105.csv"), formulary, StandardCharsets.UTF_8);
        System.out.println("wrote samples to " + dir.toAbsolutePath());
    }
}
