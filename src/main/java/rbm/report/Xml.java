package rbm.report;

/** Escaping of text for XML and HTML, shared by the SVG charts and the report page. */
public final class Xml {
    private Xml() {}

    /**
     * XML-escapes text for element content and attribute values. Characters XML 1.0 forbids (control characters
     * other than tab, newline and carriage return, lone surrogates) become '?', so any string gives a valid document.
     */
    public static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&apos;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        s.append(c).append(text.charAt(++i));
                    } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || Character.isSurrogate(c)
                            || c == 0xFFFE || c == 0xFFFF) {
                        s.append('?');
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }
}
