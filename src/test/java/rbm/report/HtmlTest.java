package rbm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The one escaper, judged by an XML parser; and the resources the pages embed. */
class HtmlTest {

    /** Parses {@code <e a="escaped">escaped</e>} and returns the element. */
    private static Element parse(String text) throws Exception {
        String escaped = Html.escape(text);
        String xml = "<e a=\"" + escaped + "\">" + escaped + "</e>";
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    }

    @Test
    void markupCharactersComeBackAsTheyWere() throws Exception {
        String text = "a < b && c > \"d\" 'e' μ ≈ 1 \uD83D\uDE00";
        Element e = parse(text);
        assertEquals(text, e.getTextContent());
        assertEquals(text, e.getAttribute("a"));
    }

    @Test
    void charactersXmlForbidsBecomeQuestionMarks() throws Exception {
        Element e = parse("x\u0001y\uD800z\uFFFF");
        assertEquals("x?y?z?", e.getTextContent());
    }

    @Test
    void nullIsEmpty() {
        assertEquals("", Html.escape(null));
    }

    @Test
    void aMissingResourceIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Html.resource("absent.css"));
        assertTrue(e.getMessage().contains("rbm/report/absent.css"), e.getMessage());
    }
}
