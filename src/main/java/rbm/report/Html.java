package rbm.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Small HTML helpers for the report page: escaping, and PNG files inlined as data URIs. */
final class Html {
    private Html() {
    }

    /** Escapes text for element content and quoted attribute values; null gives "". */
    static String escape(String text) {
        return text == null ? "" : rbm.report.Xml.escape(text);
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
}
