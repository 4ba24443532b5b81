package io.rapport.launcher.bench;

/**
 * A LinkedIn "Connections.csv" export as LinkedIn writes it (a notes preamble, then the header row), with
 * {@code rows} distinct connections; row i is "First{i} Last{i}", {@code <prefix>.<i>@example.com}.
 */
final class LinkedInCsv {

    static final String PREAMBLE = """
            Notes:
            "When exporting your connection data, you may notice that some of the email addresses are missing."

            """;
    static final String HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";

    private LinkedInCsv() {
    }

    /** @param prefix makes the URLs and e-mails distinct between imports (letters, digits, '-' and '.') */
    static String of(String prefix, int rows) {
        StringBuilder csv = new StringBuilder(PREAMBLE.length() + HEADER.length() + rows * 110).append(PREAMBLE).append(HEADER);
        for (int i = 0; i < rows; i++) {
            csv.append("First").append(i).append(",Last").append(i)
                    .append(",https://www.linkedin.com/in/").append(prefix).append('-').append(i)
                    .append(',').append(email(prefix, i))
                    .append(",Company ").append(i % 20)
                    .append(",\"Engineer, level ").append(i % 5).append("\",01 Jan 2024\n");
        }
        return csv.toString();
    }

    static String name(int i) {
        return "First" + i + " Last" + i;
    }

    static String email(String prefix, int i) {
        return prefix + "." + i + "@example.com";
    }

    static String company(int i) {
        return "Company " + (i % 20);
    }

    /** The row number of a name this class wrote ("First12 Last12" → 12); -1 for any other name. */
    static int rowOf(String name) {
        if (name == null || !name.startsWith("First")) {
            return -1;
        }
        int space = name.indexOf(' ');
        try {
            return Integer.parseInt(space < 0 ? name.substring(5) : name.substring(5, space));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
