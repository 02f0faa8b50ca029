package rbm.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Markup helpers for the pages and the charts: the one escaper, the start of a self-contained page with its style
 * sheets inline, and PNG files inlined as data URIs. The style sheets and the script live as resources beside this
 * class ({@code src/main/resources/rbm/report}); each is read once, by the constant that holds it.
 */
final class Html {
    /** The style sheet both pages start with; each adds its own after it. */
    private static final String PAGE_CSS = resource("page.css");

    private Html() {
    }

    /**
     * Escapes text for element content and quoted attribute values, in HTML and in SVG; null gives "". Characters
     * XML 1.0 forbids (control characters other than tab, newline and carriage return, lone surrogates, U+FFFE and
     * U+FFFF) become '?', so any string gives a well-formed document.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
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

    /**
     * A page from its doctype to the opening {@code <main>}: the title, the shared style sheet followed by
     * {@code css}, and {@code script} (if not null) first of all scripts, all inline so that the page opens offline
     * on its own.
     */
    static String head(String title, String css, String script) {
        StringBuilder s = new StringBuilder("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n").append(PAGE_CSS).append(css).append("</style>\n");
        if (script != null) {
            s.append("<script>\n").append(script).append("</script>\n");
        }
        return s.append("</head>\n<body>\n<main>\n").toString();
    }

    /**
     * An {@code <img>} showing the PNG file inline, as a base64 data URI; if the file cannot be read, a visible note
     * saying so instead (the page must never point outside itself).
     */
    static String png(Path file, String alt, String cssClass) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return "<p class=\"missing\">(picture missing: " + escape(file.getFileName().toString()) + ")</p>";
        }
        return "<img class=\"" + escape(cssClass) + "\" alt=\"" + escape(alt) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(bytes) + "\">";
    }

    /** The text of a resource beside this class; a missing one is a broken build, not bad input. */
    static String resource(String name) {
        try (InputStream in = Html.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("rbm/report/" + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("rbm/report/" + name + ": " + e.getMessage(), e);
        }
    }
}
