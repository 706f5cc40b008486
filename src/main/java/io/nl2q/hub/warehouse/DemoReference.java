package io.nl2q.hub.warehouse;

import java.util.List;

/** The reference values of warehouse-schema.md, in their fixed order, plus the generator's market assumptions. */
final class DemoReference {
    static final String HYPO = "Hypothyroidism";
    static final String NSAID = "Topical NSAID";
    static final List<String> REGIONS = List.of("Northeast", "Southeast", "Midwest", "Southwest", "West");

    static final List<Territory> TERRITORIES = List.of(
            t("Boston", "MA"), t("Hartford", "CT"), t("New York City", "NY"), t("Long Island", "NY"),
            t("Newark", "NJ"), t("Philadelphia", "PA"),
            t("Atlanta", "GA"), t("Charlotte", "NC"), t("Miami", "FL"), t("Orlando", "FL"), t("Tampa", "FL"),
            t("Nashville", "TN"),
            t("Chicago", "IL"), t("Detroit", "MI"), t("Minneapolis", "MN"), t("Columbus", "OH"),
            t("Indianapolis", "IN"), t("St. Louis", "MO"),
            t("Dallas", "TX"), t("Houston", "TX"), t("Austin", "TX"), t("San Antonio", "TX"), t("Phoenix", "AZ"),
            t("Oklahoma City", "OK"),
            t("Los Angeles", "CA"), t("San Diego", "CA"), t("San Francisco", "CA"), t("Seattle", "WA"),
            t("Portland", "OR"), t("Denver", "CO"));

    /**
     * Products with their national TRx share of their market and their pack: units per script, and how many
     * scripts of a chronic product are 90-day fills (three packs).
     */
    static final List<Product> PRODUCTS = List.of(
            new Product("Tirosint", "levothyroxine", HYPO, "IBSA", true, 0.020, 30, 0.25, 0.30),
            new Product("Tirosint-SOL", "levothyroxine", HYPO, "IBSA", true, 0.008, 30, 0.20, 0.32),
            new Product("Synthroid", "levothyroxine", HYPO, "AbbVie", false, 0.200, 30, 0.35, 0.15),
            new Product("Levoxyl", "levothyroxine", HYPO, "Pfizer", false, 0.050, 30, 0.35, 0.14),
            new Product("Unithroid", "levothyroxine", HYPO, "Amneal", false, 0.060, 30, 0.35, 0.16),
            new Product("Euthyrox", "levothyroxine", HYPO, "Provell", false, 0.030, 30, 0.30, 0.18),
            new Product("Levothyroxine", "levothyroxine", HYPO, "Generic", false, 0.530, 30, 0.45, 0.17),
            new Product("Armour Thyroid", "thyroid", HYPO, "AbbVie", false, 0.070, 30, 0.30, 0.15),
            new Product("Cytomel", "liothyronine", HYPO, "Pfizer", false, 0.032, 30, 0.30, 0.20),
            new Product("Flector", "diclofenac epolamine", NSAID, "IBSA", true, 0.12, 30, 0.0, 0.62),
            new Product("Licart", "diclofenac epolamine", NSAID, "IBSA", true, 0.06, 15, 0.0, 0.66),
            new Product("Pennsaid", "diclofenac sodium", NSAID, "Horizon", false, 0.15, 112, 0.0, 0.58),
            new Product("Voltaren Gel", "diclofenac sodium", NSAID, "Haleon", false, 0.30, 100, 0.0, 0.60),
            new Product("Diclofenac Gel", "diclofenac sodium", NSAID, "Generic", false, 0.37, 100, 0.0, 0.60));

    static final List<Payer> PAYERS = List.of(
            new Payer("UnitedHealthcare", "Commercial", 0.18), new Payer("Aetna", "Commercial", 0.11),
            new Payer("Cigna", "Commercial", 0.09), new Payer("Blue Cross Blue Shield", "Commercial", 0.20),
            new Payer("Humana Medicare", "Medicare Part D", 0.13), new Payer("CVS Caremark Part D", "Medicare Part D", 0.11),
            new Payer("State Medicaid", "Medicaid", 0.12), new Payer("Cash", "Cash", 0.06));

    /** Specialties with their share of HCPs and weekly volume factors in each market (0 = does not write it). */
    static final List<Specialty> SPECIALTIES = List.of(
            new Specialty("Endocrinology", 0.06, 3.0, 0.0), new Specialty("Family Medicine", 0.22, 1.0, 0.6),
            new Specialty("Internal Medicine", 0.20, 1.0, 0.5), new Specialty("Nurse Practitioner", 0.12, 0.8, 0.5),
            new Specialty("Physician Assistant", 0.08, 0.6, 0.5), new Specialty("OB/GYN", 0.06, 0.7, 0.0),
            new Specialty("Cardiology", 0.05, 0.25, 0.0), new Specialty("Rheumatology", 0.05, 0.0, 1.6),
            new Specialty("Orthopedic Surgery", 0.07, 0.0, 1.4), new Specialty("Pain Medicine", 0.05, 0.0, 1.6),
            new Specialty("Sports Medicine", 0.04, 0.0, 1.2));

    static final List<String> FIRST_NAMES = List.of("James", "Mary", "Robert", "Patricia", "John", "Jennifer",
            "Michael", "Linda", "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica",
            "Thomas", "Sarah", "Charles", "Karen", "Christopher", "Lisa", "Daniel", "Nancy", "Matthew", "Betty",
            "Anthony", "Margaret", "Mark", "Sandra", "Steven", "Ashley", "Paul", "Emily", "Andrew", "Donna",
            "Joshua", "Michelle", "Kevin", "Carol", "Brian", "Amanda", "Priya", "Wei", "Carlos", "Maria", "Ahmed",
            "Fatima", "Hiroshi", "Mei", "Rajesh", "Ana", "Olga", "Kwame", "Aisha", "Diego", "Sofia", "Ivan",
            "Grace", "Samuel");

    static final List<String> LAST_NAMES = List.of("Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia",
            "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson",
            "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris",
            "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
            "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera",
            "Campbell", "Mitchell", "Carter", "Roberts", "Patel", "Shah", "Kim", "Chen", "Wang", "Singh", "Khan",
            "Cohen", "Murphy", "O'Brien", "Kowalski", "Novak", "Okafor", "Haddad", "Yamamoto", "Rossi", "Muller",
            "Dubois", "Costa", "Silva");

    private DemoReference() {
    }

    static String territoryId(int index) {
        return String.format("T%02d", index + 1);
    }

    static String productId(int index) {
        return String.format("P%02d", index + 1);
    }

    static String payerId(int index) {
        return "Y" + (index + 1);
    }

    static String region(int territoryIndex) {
        return REGIONS.get(territoryIndex / 6);
    }

    private static Territory t(String name, String state) {
        return new Territory(name, state);
    }

    record Territory(String name, String state) {
    }

    record Product(String name, String molecule, String market, String manufacturer, boolean promoted,
                   double share, int unitsPerPack, double ninetyDayFills, double newRate) {
    }

    record Payer(String name, String channel, double share) {
    }

    record Specialty(String name, double weight, double hypoFactor, double nsaidFactor) {
    }
}
