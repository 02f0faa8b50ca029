package rbm.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rbm.io.BadInputException;

class MetricsLogTest {
    @TempDir
    Path tmp;

    private static MetricsLog.Row row(int layer, int epoch, double heldout) {
        return new MetricsLog.Row(layer, epoch, 0.5, 40.0 + epoch, -0.25, 10.0, heldout, heldout - 10.0,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** A row with an AIS estimate: log Z 50 ± 0.25, and the log-likelihoods −F − log Z. */
    private static MetricsLog.Row estimated(int layer, int epoch) {
        return new MetricsLog.Row(layer, epoch, 0.5, 40.0 + epoch, -0.25, 10.0, 12.0, 2.0, Double.NaN, Double.NaN,
                50.0, 0.25, -60.0, -62.0);
    }

    /**
     * One JSON line per epoch with every column as a key, and the same numbers in the CSV file; the AIS keys only on
     * the epochs with an estimate.
     */
    @Test
    void writesEveryRowToBothFiles() throws Exception {
        MetricsLog log = new MetricsLog(tmp);
        log.add(row(1, 1, 12.5));
        log.add(row(1, 2, Double.NaN));
        log.add(estimated(1, 3));
        List<String> lines = Files.readAllLines(tmp.resolve("metrics.jsonl"));
        assertEquals(3, lines.size());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals(1, first.get("layer").intValue());
        assertEquals(1, first.get("epoch").intValue());
        assertEquals(0.5, first.get("seconds").doubleValue());
        assertEquals(41.0, first.get("reconstruction_error").doubleValue());
        assertEquals(-0.25, first.get("pseudo_log_likelihood").doubleValue());
        assertEquals(10.0, first.get("free_energy_train").doubleValue());
        assertEquals(12.5, first.get("free_energy_heldout").doubleValue());
        assertEquals(2.5, first.get("free_energy_gap").doubleValue());
        assertTrue(first.get("exact_log_likelihood_train").isNull(), "not measured: null");
        assertTrue(first.get("exact_log_likelihood_heldout").isNull());
        assertEquals(10, first.size(), "no AIS keys without an estimate");
        assertTrue(new ObjectMapper().readTree(lines.get(1)).get("free_energy_heldout").isNull());
        JsonNode third = new ObjectMapper().readTree(lines.get(2));
        assertEquals(50.0, third.get("ais_log_z").doubleValue());
        assertEquals(0.25, third.get("ais_log_z_stderr").doubleValue());
        assertEquals(-60.0, third.get("ais_log_likelihood_train").doubleValue());
        assertEquals(-62.0, third.get("ais_log_likelihood_heldout").doubleValue());
        List<String> csv = Files.readAllLines(tmp.resolve("metrics.csv"));
        assertEquals("layer,epoch,seconds,reconstruction_error,pseudo_log_likelihood,free_energy_train,"
                + "free_energy_heldout,free_energy_gap,exact_log_likelihood_train,exact_log_likelihood_heldout,"
                + "ais_log_z,ais_log_z_stderr,ais_log_likelihood_train,ais_log_likelihood_heldout", csv.get(0));
        assertEquals("1,1,0.500000,41.0000,-0.250000,10.0000,12.5000,2.50000,,,,,,", csv.get(1));
        assertEquals("1,2,0.500000,42.0000,-0.250000,10.0000,,,,,,,,", csv.get(2));
        assertEquals("1,3,0.500000,43.0000,-0.250000,10.0000,12.0000,2.00000,,,50.0000,0.250000,-60.0000,-62.0000",
                csv.get(3));
    }

    /** A resumed run keeps the rows of the epochs its checkpoints hold, and reads them back as they were. */
    @Test
    void readsBackTheRowsUpToACheckpoint() {
        MetricsLog log = new MetricsLog(tmp);
        List<MetricsLog.Row> rows = List.of(row(1, 1, 11), estimated(1, 2), row(2, 1, 13), row(2, 2, 14));
        rows.forEach(log::add);
        assertEquals(rows, new MetricsLog(tmp).rowsOnDisk());
        MetricsLog resumed = new MetricsLog(tmp);
        resumed.loadUpTo(2, 1);
        assertEquals(rows.subList(0, 3), resumed.rows());
        resumed.loadUpTo(1, 1);
        assertEquals(rows.subList(0, 1), resumed.rows());
        resumed.add(row(1, 2, 20));
        assertEquals(List.of(rows.get(0), row(1, 2, 20)), new MetricsLog(tmp).rowsOnDisk());
    }

    @Test
    void noFileMeansNoRows() {
        assertEquals(List.of(), new MetricsLog(tmp).rowsOnDisk());
    }

    @Test
    void aBrokenLineNamesTheFileAndLine() throws Exception {
        Path jsonl = tmp.resolve("metrics.jsonl");
        Files.writeString(jsonl, "{\"layer\":1}\n");
        String message = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
                () -> new MetricsLog(tmp).rowsOnDisk()).getMessage();
        assertTrue(message.startsWith(jsonl + " line 1: missing key"), message);
    }
}
