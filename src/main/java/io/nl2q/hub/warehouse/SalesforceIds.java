package io.nl2q.hub.warehouse;

/**
 * Salesforce-style 18-character record ids: a 3-character key prefix (001 = Account), a pod and a base-62 serial
 * making 15 case-sensitive characters, then the 3-character case-insensitive checksum Salesforce appends.
 */
final class SalesforceIds {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private SalesforceIds() {
    }

    static String id18(String keyPrefix, long serial) {
        var id = new StringBuilder(18).append(keyPrefix).append("5e000");
        char[] digits = new char[7];
        long rest = serial;
        for (int i = 6; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (rest % 62));
            rest /= 62;
        }
        id.append(digits);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            id.append(SUFFIX.charAt(bits));
        }
        return id.toString();
    }
}
