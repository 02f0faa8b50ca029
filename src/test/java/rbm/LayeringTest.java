package rbm;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages in pipeline order. A package may use only the packages before it in {@link #ORDER}; the README's
 * Layout table lists them in the same order. Every main class lives in one of these packages.
 */
class LayeringTest {
    /** The pipeline, first to last. */
    static final List<String> ORDER = List.of(
            "io", "data", "kernels", "random", "model", "train", "run", "count", "readout", "relevance", "generate",
            "evaluate", "experiment", "report", "api", "cli", "launch");

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("rbm");
    }

    /** The package of a class under rbm: "count" for rbm.count.StateCounter, "" for a class outside rbm.*.*. */
    private static String layerOf(JavaClass c) {
        String p = c.getPackageName();
        if (!p.startsWith("rbm.")) {
            return "";
        }
        String rest = p.substring(4);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    @Test
    void everyClassIsInADeclaredPackage() {
        Set<String> strays = new TreeSet<>();
        for (JavaClass c : classes) {
            if (c.getPackageName().startsWith("rbm") && !ORDER.contains(layerOf(c))) {
                strays.add(c.getName());
            }
        }
        assertTrue(strays.isEmpty(), "classes outside the declared packages: " + strays);
    }

    @Test
    void packagesImportOnlyThoseBeforeThem() {
        List<String> upward = new ArrayList<>();
        for (JavaClass c : classes) {
            int from = ORDER.indexOf(layerOf(c));
            if (from < 0) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                int to = ORDER.indexOf(layerOf(d.getTargetClass()));
                if (to > from) {
                    upward.add(d.getDescription());
                }
            }
        }
        assertEquals(List.of(), upward.stream().distinct().sorted().limit(20).toList(),
                "imports against the pipeline order " + ORDER);
    }

    /** The command line is a thin layer over the Java API: of the project's classes it uses only rbm.api's. */
    @Test
    void commandLineUsesOnlyTheApi() {
        Set<String> used = new TreeSet<>();
        for (JavaClass c : classes) {
            if (!layerOf(c).equals("cli")) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass();
                String layer = layerOf(target);
                if (!layer.isEmpty() && !layer.equals("cli") && !layer.equals("api")
                        && !target.getName().equals("rbm.io.BadInputException")) {
                    used.add(c.getSimpleName() + " -> " + target.getName());
                }
            }
        }
        assertTrue(used.isEmpty(), "the command line uses classes outside rbm.api: " + used);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("rbm.(*)..").should().beFreeOfCycles().check(classes);
    }
}
