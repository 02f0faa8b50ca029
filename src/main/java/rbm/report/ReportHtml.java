package rbm.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import rbm.experiment.ExperimentConfig;
import rbm.experiment.ResultsFile;
import rbm.experiment.LayerDecision;
import rbm.experiment.Verdicts;
import rbm.io.JsonFiles;
import rbm.run.ConfigFile;
import rbm.run.MetricsLog;

/**
 * The report page, {@code index.html}: one self-contained HTML file drawn from {@code results.json} (as a
 * {@link ResultsFile}) and the pictures in the output directory. Charts are inline SVG, pictures are PNG data URIs, the
 * style sheet is embedded; nothing is loaded from elsewhere, and nothing needs JavaScript. The one small script only
 * checks, after loading, that every picture and chart rendered, and writes the outcome into
 * {@code <pre id="render-check">} and the console, for {@code src/test/browser/check-report.sh}.
 */
final class ReportHtml {
    private final ResultsFile root;
    private final Path dir;
    private final ReportTable table;
    private final StringBuilder out = new StringBuilder(1 << 20);

    ReportHtml(ResultsFile root, Path dir) {
        this.root = root;
        this.dir = dir;
        this.table = new ReportTable(root);
    }

    ReportTable table() {
        return table;
    }

    String render() {
        out.append(Html.head("Resolution and relevance in a deep belief network: reproduction report", STYLE,
                RENDER_CHECK));
        header();
        contents();
        verdict();
        layerTable();
        mechanism();
        tradeOff();
        heldout();
        mu();
        frequencies();
        generative();
        generation();
        training();
        runFacts();
        files();
        out.append("</main>\n<pre id=\"render-check\" hidden></pre>\n</body>\n</html>\n");
        return out.toString();
    }

    // ---- sections ------------------------------------------------------------------------------------------------

    private void header() {
        ResultsFile.Config c = root.config();
        out.append("<header>\n<p class=\"kicker\">Reproduction report</p>\n")
                .append("<h1>Resolution and relevance trade-offs in a deep belief network on ")
                .append(Html.escape(dataName())).append("</h1>\n")
                .append("<p class=\"lede\">Song, Marsili &amp; Jo, “Resolution and Relevance Trade-offs in Deep "
                        + "Learning”, J. Stat. Mech. (2018), arXiv:1710.11324, reproduced from scratch in Java. "
                        + "This page was written by <code>rbm reproduce</code> from <code>results.json</code> in "
                        + "the same directory.</p>\n");
        out.append("<p class=\"runline\">").append(Html.escape(String.format(Locale.ROOT,
                "M = %s training images · stack %s · %d epoch%s per layer · %d seed%s · %s on %d cores",
                ReportTable.grouped(c.images()), widths(), c.epochs(),
                c.epochs() == 1 ? "" : "s", c.seeds(),
                c.seeds() == 1 ? "" : "s", duration(root.seconds()),
                root.machine().cores()))).append("</p>\n");
        ExperimentConfig full = ExperimentConfig.full();
        if (c.images() < full.images() || c.epochs() < full.epochs()
                || c.seeds() < full.seeds()) {
            out.append("<p class=\"notice\"><strong>A reduced run.</strong> ").append(Html.escape(String.format(
                    Locale.ROOT, "The full experiment trains on %s images for %d epochs per layer with %d seeds; "
                            + "this run used %s images, %d epochs and %d seeds (as with --quick). Its numbers show "
                            + "that the pipeline works; they are not the reproduction's result.",
                    ReportTable.grouped(full.images()), full.epochs(), full.seeds(),
                    ReportTable.grouped(c.images()), c.epochs(),
                    c.seeds()))).append("</p>\n");
        }
        out.append("</header>\n");
    }

    private void contents() {
        out.append("<nav><ol>")
                .append("<li><a href=\"#verdict\">Verdict</a></li>")
                .append("<li><a href=\"#layers\">The layers at a glance</a></li>")
                .append("<li><a href=\"#mechanism\">What is measured</a></li>")
                .append("<li><a href=\"#tradeoff\">Relevance against resolution</a></li>")
                .append("<li><a href=\"#heldout\">Held-out images</a></li>")
                .append("<li><a href=\"#mu\">μ and noise</a></li>")
                .append("<li><a href=\"#frequencies\">Power laws</a></li>")
                .append("<li><a href=\"#generative\">Each layer as a generative model</a></li>")
                .append("<li><a href=\"#generation\">Generated images</a></li>")
                .append("<li><a href=\"#training\">Training</a></li>")
                .append("<li><a href=\"#run\">Run facts</a></li>")
                .append("</ol></nav>\n");
    }

    private void verdict() {
        List<Verdicts.Claim> claims = root.verdicts().claims();
        int yes = 0;
        for (Verdicts.Claim c : claims) {
            yes += c.reproduced() ? 1 : 0;
        }
        out.append("<section id=\"verdict\">\n<h2>Verdict</h2>\n");
        if (claims.isEmpty()) {
            out.append("<p>results.json holds no verdicts.</p>\n</section>\n");
            return;
        }
        out.append("<p class=\"summary\">").append(yes == claims.size()
                ? "All " + claims.size() + " of the paper's claims reproduce in this run."
                : yes == 0 ? "None of the paper's " + claims.size() + " claims reproduces in this run."
                : yes + " of the paper's " + claims.size() + " claims reproduce in this run; "
                        + (claims.size() - yes) + (claims.size() - yes == 1 ? " does" : " do") + " not.")
                .append("</p>\n<div class=\"claims\">\n");
        for (int i = 0; i < claims.size(); i++) {
            Verdicts.Claim c = claims.get(i);
            boolean ok = c.reproduced();
            String verdict = c.verdictText();
            out.append("<div class=\"claim ").append(ok ? "yes" : "no").append("\">\n<p class=\"badge\">")
                    .append(ok ? "✓ " : verdict.equals(Verdicts.UNDECIDED) ? "? " : "✗ ").append(Html.escape(verdict))
                    .append("</p>\n<h3>Claim ").append(i + 1)
                    .append(". ").append(Html.escape(c.statement())).append("</h3>\n<p>")
                    .append(Html.escape(c.evidence())).append("</p>\n");
            if (!c.decisions().isEmpty()) {
                decisions(c.decisions());
            }
            if (i < RULES.size()) {
                out.append("<p class=\"rule\">").append(RULES.get(i)).append("</p>\n");
            }
            out.append("</div>\n");
        }
        out.append("</div>\n<p class=\"caption\">The verdicts are decided by fixed rules written down before the "
                + "run (see <code>rbm.experiment.Verdicts</code> and <code>rbm.experiment.LayerDecision</code>); "
                + "the numbers behind them are in the table and the figures below.</p>\n</section>\n");
    }

    /** The third claim's decision per measure: a row each, with the explanation of each below the table. */
    private void decisions(List<Verdicts.MeasureDecision> decisions) {
        out.append("<table class=\"decisions\">\n<thead><tr><th>measure</th><th>verdict</th><th>best layer "
                + "(mean, 95% interval)</th><th>μ ≈ 1 layer (mean, 95% interval)</th><th>seeds</th><th>seeds a "
                + "decision needs</th></tr></thead>\n<tbody>\n");
        for (Verdicts.MeasureDecision md : decisions) {
            LayerDecision d = md.decision();
            out.append("<tr><td>").append(Html.escape(md.measure())).append("</td><td>")
                    .append(Html.escape(d.verdict().name().toLowerCase(Locale.ROOT))).append("</td><td>")
                    .append(Html.escape(ReportTable.layerMean(d, d.bestLayer()))).append("</td><td>")
                    .append(Html.escape(ReportTable.layerMean(d, d.zipfLayer()))).append("</td><td>")
                    .append(d.seeds()).append("</td><td>").append(Html.escape(ReportTable.seedsNeeded(d)))
                    .append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n<ul class=\"explanations\">\n");
        for (Verdicts.MeasureDecision md : decisions) {
            out.append("<li><strong>").append(Html.escape(md.measure())).append(".</strong> ")
                    .append(Html.escape(md.decision().explanation())).append("</li>\n");
        }
        out.append("</ul>\n");
    }

    private static final List<String> RULES = List.of(
            "Rule: H[s] never rises with depth by more than 0.05 bits, and the median over layers of "
                    + "H[K] / H<sub>bound</sub>(H[s]) is at least 0.8 (layers whose bound is below 0.5 bits are "
                    + "left out).",
            "Rule: in most layers with at least 30 states in the fitted tail, the Kolmogorov–Smirnov distance D "
                    + "between the counts and the fitted discrete power law is at most 0.1.",
            "Rule, for each measure, with seeds paired (one stack per seed, every layer of it measured): z is the "
                    + "layer whose μ (slope of the bound) is closest to 1. <em>Reproduced</em> when the layer with "
                    + "the best mean is z or next to it, and a paired bootstrap over seeds (10,000 resamples, "
                    + "one-sided 95% bounds, Bonferroni over the layers two or more steps from z) puts it ahead of "
                    + "every layer two or more steps away; <em>refuted</em> when a layer two or more steps away is "
                    + "ahead of z and both its neighbours with the same confidence; <em>undecided</em> otherwise, "
                    + "with the number of seeds a power estimate (80%) says would decide. The claim is reproduced "
                    + "when at least one measure reproduces it and none refutes it, refuted when at least one "
                    + "refutes it and none reproduces it, undecided otherwise. States drawn from a layer’s "
                    + "empirical distribution reconstruct rather than generate; their scores are shown but do not "
                    + "decide.");

    private void layerTable() {
        out.append("<section id=\"layers\">\n<h2>The layers at a glance</h2>\n<p>One row per layer of the trained "
                + "stack, from the widest (next to the pixels) to the narrowest. ");
        if (table.zipfLayer() >= 1) {
            out.append("The row of the layer whose μ is closest to 1 is <span class=\"mark zipf\">marked</span>");
            if (table.bestLayer() >= 1) {
                out.append(", and that of the best generator <span class=\"mark best\">marked</span>");
            }
            out.append(".");
        }
        out.append(" The same table is in <code>reproduction-table.md</code>.</p>\n").append(table.html())
                .append("</section>\n");
    }

    private void mechanism() {
        out.append("""
                <section id="mechanism">
                <h2>What is measured</h2>
                <p>Each of the <var>M</var> training images goes up the stack. At a layer of <var>n</var> binary
                units it becomes a <em>state</em> <var>s</var>: a string of <var>n</var> bits. The
                <em>stochastic read-out</em> draws each unit as 1 with its probability given the layer below (the
                way the network generates); the <em>deterministic read-out</em> switches a unit on when that
                probability is above ½. Over the <var>M</var> images, count how often each state occurs,
                <var>k<sub>s</sub></var>, and how many distinct states occur exactly <var>k</var> times,
                <var>m<sub>k</sub></var>, so that Σ<sub><var>k</var></sub> <var>k m<sub>k</sub></var> =
                <var>M</var>. Two entropies of these counts describe the layer (logs base 2, so they are in
                bits):</p>
                <div class="formulas">
                <p class="name">resolution</p><div><p class="formula">H[s] = −Σ<sub>s</sub>
                (k<sub>s</sub>/M) log<sub>2</sub>(k<sub>s</sub>/M)</p>
                <p class="explain">How finely the layer tells images apart: 0 when all images share one state,
                log<sub>2</sub> M when every image has its own.</p></div>
                <p class="name">relevance</p><div><p class="formula">H[K] = −Σ<sub>k</sub>
                (k m<sub>k</sub>/M) log<sub>2</sub>(k m<sub>k</sub>/M)</p>
                <p class="explain">The entropy of the frequency K = k<sub>s</sub> of a random image’s state: how much
                the layer’s states say through <em>how often</em> they occur. 0 when all states are equally
                frequent, whatever their number.</p></div>
                <p class="name">noise</p><div><p class="formula">H[s|K] = H[s] − H[K] = Σ<sub>k</sub>
                (k m<sub>k</sub>/M) log<sub>2</sub> m<sub>k</sub></p>
                <p class="explain">The resolution spent on telling apart states that are equally frequent: it
                carries no information that the frequencies could reveal.</p></div>
                <p class="name">the bound</p><div><p class="formula">max H[K] at fixed H[s] ⇒
                m<sub>k</sub> ∝ k<sup>−(1+μ)</sup>, and dH[K]/dH[s] = −μ</p>
                <p class="explain">The largest relevance any sample of M states can have at a given resolution.
                Maximising H[K] + μ H[s] gives power-law frequencies; μ is minus the slope of the curve. Sorted by
                frequency, the r-th most frequent state of such a sample occurs k ∝ r<sup>−1/μ</sup> times.</p></div>
                <p class="name">Zipf’s law</p><div><p class="formula">μ = 1 ⇔ m<sub>k</sub> ∝ k<sup>−2</sup>
                ⇔ k ∝ 1/r</p>
                <p class="explain">The point where one more bit of resolution costs exactly one bit of relevance.
                Layers with μ &gt; 1 are on the noisy, under-sampled side (wide layers: almost every image has its
                own state); layers with μ &lt; 1 compress with loss.</p></div>
                </div>
                <p>The paper’s claims: trained layers sit close to the bound and move along it with depth, from
                high resolution and little relevance towards less resolution and more relevance; their frequencies
                follow power laws; and the layer that generates the most training-like digits is the one at μ ≈ 1.
                The controls ask whether this needs learning (an <em>untrained stack</em> with the initial weights)
                and whether it needs the structure of digits (a stack trained on images whose pixels were
                <em>shuffled</em> independently across images: the same pixel statistics, no shapes).</p>
                </section>
                """);
    }

    private void tradeOff() {
        double log2M = root.bound().log2Samples();
        out.append("<section id=\"tradeoff\">\n<h2>Relevance against resolution</h2>\n");
        figure(ReportCharts.tradeOff(root, ReportCharts.View.BITS, 980, 600), "bound-chart", "Figure 1. H[K] "
                + "against H[s], one point "
                + "per layer (labels: layer numbers, or w = the width of a single RBM), error bars ± sd over seeds. "
                + String.format(Locale.ROOT, "M = %s, so H[s] ≤ log2 M = %.2f bits.",
                ReportTable.grouped(root.bound().samples()), log2M),
                "<p>The black curve is the bound: the most relevance any sample of M states can have at that "
                        + "resolution. Left of its peak it is the diagonal H[K] = H[s] (few, all differently "
                        + "frequent states). The dashed line of slope −1 touches the bound at its Zipf point, μ = 1. "
                        + "A wide layer sits at the bottom right, at (log<sub>2</sub> M, 0): every image has a state "
                        + "of its own, and all of its resolution is noise. Going deeper, a trained stack moves left "
                        + "and up along the bound, trading resolution for relevance; right of the Zipf point "
                        + "μ &gt; 1, left of it μ &lt; 1. The lines join the layers of a stack in order of depth.</p>"
                        + "<p>The deterministic read-out removes the sampling noise of the units, so its states are "
                        + "fewer and its points lie further left than the stochastic ones. The controls show "
                        + "what comes without learning (untrained) or without the digits’ structure (shuffled "
                        + "pixels); the single RBMs show what the width alone does.</p>");
        out.append("<div class=\"two\">\n");
        figure(ReportCharts.tradeOff(root, ReportCharts.View.NOISY_END, 540, 440), "zoom-chart", "Figure 2. A "
                + "close-up of Figure 1 from one bit left of the Zipf point to log<sub>2</sub> M, where the wide "
                + "layers crowd (colours as in Figure 1).", null);
        figure(ReportCharts.tradeOff(root, ReportCharts.View.NORMALISED, 540, 440), "normalised-chart", "Figure 3. "
                + "Figure 1 in normalised units, both entropies divided by log<sub>2</sub> M (as the authors’ code "
                + "reports them), so that samples of different sizes compare.", null);
        out.append("</div>\n");
        out.append("</section>\n");
    }

    private void mu() {
        out.append("<section id=\"mu\">\n<h2>μ and noise, layer by layer</h2>\n");
        out.append("<p>Two estimates of each layer’s μ. <strong>From the bound:</strong> the slope of the bound at "
                + "the layer’s resolution, μ = −dH[K]/dH[s] there (−1 on the bound’s diagonal part; a layer at "
                + "H[s] = log<sub>2</sub> M has μ = ∞ and is not drawn). <strong>From the counts:</strong> a "
                + "maximum-likelihood fit of a discrete power law P(k) ∝ k<sup>−(1+μ)</sup> to the counts "
                + "k ≥ k<sub>min</sub>, with k<sub>min</sub> chosen as Clauset, Shalizi &amp; Newman do, error bar ± "
                + "its standard error. The two agree when the layer’s frequencies are the power law the bound "
                + "expects.</p>\n");
        figure(ReportCharts.mu(root, 900, 440), "mu-chart", "Figure 4. μ of each layer, stochastic read-out of "
                + "the trained stack (blue: mean ± sd over seeds; labels: the layer’s width). The black line is "
                + "μ = 1, Zipf’s law; the dotted line marks the layer whose μ is closest to it.", null);
        figure(ReportCharts.entropyBars(root, 900, 400), "noise-chart", "Figure 5. Resolution, relevance and noise "
                + "H[s] − H[K] of each layer (mean ± sd over seeds). Wide layers are all noise: every image has "
                + "its own state, so the frequencies say nothing. Deeper, the noise falls and the relevance "
                + "rises, until the layer is too narrow to keep either.", null);
        out.append("</section>\n");
    }

    private void frequencies() {
        out.append("<section id=\"frequencies\">\n<h2>Power laws in the state frequencies</h2>\n");
        out.append("<p>Sort a layer’s states by how often they occur: the r-th most frequent occurs k(r) times. On "
                + "the bound k ∝ r<sup>−1/μ</sup>, so Zipf’s law (μ = 1) is a straight line of slope −1 on log–log "
                + "axes (black dashed, through the top state of the layer whose μ is closest to 1). A flat line at "
                + "k = 1 means that every image had a state of its own (wide layers lie on top of one another "
                + "there). A line flatter than slope −1 has μ &gt; 1; a steeper one μ &lt; 1. Colours run from the "
                + "widest layer (dark) to the narrowest (light); first seed.</p>\n");
        figure(ReportCharts.rankFrequency(root, 980, 520), "rank-frequency-chart", "Figure 6. Rank–frequency "
                + "plot of every layer, against Zipf’s law.", null);
        out.append("<p>The same counts seen the other way: m<sub>k</sub> is the number of states seen exactly k "
                + "times. The bound predicts m<sub>k</sub> ∝ k<sup>−(1+μ)</sup>, a straight line of slope −(1+μ) "
                + "on log–log axes; the black dashed line is k<sup>−2</sup>, the Zipf case, drawn through the start "
                + "of the fitted tail (k = k<sub>min</sub>) of the layer whose μ is closest to 1. A steeper line "
                + "has μ &gt; 1: many rare states, few frequent ones. In a sample of a few thousand states most "
                + "m<sub>k</sub> of the tail are 0 or 1, so the lines average m<sub>k</sub> over bins k = 1, 2–3, "
                + "4–7, 8–15, …, which keeps a power law straight with the same slope. A layer whose states are "
                + "all distinct is a single point at k = 1. The fitted μ of each layer is in the table and in "
                + "Figure 4.</p>\n");
        figure(ReportCharts.frequencyOfFrequencies(root, 980, 520), "frequency-chart", "Figure 7. m<sub>k</sub> "
                + "against k for every layer, averaged over logarithmic bins of k, against k<sup>−2</sup>.", null);
        out.append("</section>\n");
    }

    private void generation() {
        Verdicts v = root.verdicts();
        int zipf = v.zipfLayer();
        int best = v.bestGibbsLayer();
        int bestEmpirical = v.bestLayer();
        out.append("<section id=\"generation\">\n<h2>Generated digits, layer by layer</h2>\n");
        out.append("<p>Two ways to make images from layer ℓ, both passed down the stack to the pixels through "
                + "RBMs ℓ, ℓ−1, …, 1. <strong>Chains</strong> in RBM ℓ, the layer's own generative model: parallel "
                + "tempering from random states")
                .append(root.config().gibbsSteps() > 0 ? ", " + root.config().gibbsSteps() + " sweeps of burn-in" : "")
                .append(". <strong>Empirical states</strong> are the layer-ℓ states of randomly drawn training "
                        + "images, that is, draws from the layer’s empirical state distribution: what the layer "
                        + "has learnt to keep of the data. Each method makes ")
                .append(root.config().generatedPerLayer())
                .append(" digits per layer and seed, scored as</p>\n<p class=\"formula\">score = confidence × "
                        + "(label entropy / log<sub>2</sub> 10) × fraction distinct</p>\n<p>where the confidence "
                        + "is the mean max<sub>y</sub> p(y | digit) of a softmax classifier trained on the same "
                        + "images (test accuracy ")
                .append(percent(root.classifierTestAccuracy()))
                .append("), the label entropy counts how many of the ten digits appear, and the fraction distinct "
                        + "the patterns that are not copies of one another. The score is high only for "
                        + "recognisable, varied digits.</p>\n");
        figure(ReportCharts.generationScores(root, 900, 400), "generation-chart", "Figure 8. Generation score of "
                + "each layer, mean ± sd over seeds." + (best >= 1 ? " Best by the chains: layer " + best
                + (bestEmpirical >= 1 ? "; by empirical states: layer " + bestEmpirical : "") + "." : "")
                + (zipf >= 1 ? " μ closest to 1: layer " + zipf + "." : ""), null);
        List<ResultsFile.GenerationLayer> layers = root.generation();
        List<ResultsFile.GroupLayer> stack = root.group(ReportCharts.STOCHASTIC);
        out.append("<p>The digits of the first seed (the first 100 of each method):</p>\n<div class=\"gen-grid\">\n");
        for (int i = 0; i < layers.size(); i++) {
            ResultsFile.GenerationLayer g = layers.get(i);
            int l = g.layer();
            ResultsFile.GroupLayer s = l >= 1 && l - 1 < stack.size() ? stack.get(l - 1)
                    : ResultsFile.GroupLayer.ABSENT;
            out.append("<div class=\"gen-card").append(l == zipf ? " zipf" : "").append(l == best ? " best" : "")
                    .append("\">\n<h3>Layer ").append(l).append(" <span class=\"units\">")
                    .append(g.width()).append(" units</span>");
            if (l == zipf) {
                out.append(" <span class=\"tag zipf\">μ closest to 1</span>");
            }
            if (l == best) {
                out.append(" <span class=\"tag best\">best generator</span>");
            }
            if (l == bestEmpirical && bestEmpirical != best) {
                out.append(" <span class=\"tag gibbs\">best by empirical states</span>");
            }
            out.append("</h3>\n<p class=\"facts\">μ (bound) ")
                    .append(Html.escape(ReportTable.muBound(s, root.bound().log2Samples())))
                    .append(" · H[s] ").append(Html.escape(ReportTable.stat(s.resolutionBits(), 2)))
                    .append(" · H[K] ").append(Html.escape(ReportTable.stat(s.relevanceBits(), 2)))
                    .append("</p>\n<div class=\"pair\">\n");
            for (String method : new String[] {"gibbs", "empirical"}) {
                String name = method.equals("gibbs") ? "chains" : "empirical states";
                out.append("<figure>").append(Html.png(dir.resolve("images/" + method + "-layer-" + l + ".png"),
                                "digits generated from layer " + l + " by " + name, "digits"))
                        .append("<figcaption>").append(name).append(": score ")
                        .append(Html.escape(ReportTable.stat(g.method(method).score(), 3)))
                        .append("</figcaption></figure>\n");
            }
            out.append("</div>\n</div>\n");
        }
        out.append("</div>\n</section>\n");
    }

    private String dataName() {
        String d = root.config().data();
        return d == null ? "MNIST" : d;
    }

    private void heldout() {
        String chart = ReportCharts.heldoutTradeOff(root, 900, 560);
        if (chart.isEmpty()) {
            return;
        }
        out.append("<section id=\"heldout\">\n<h2>Held-out images</h2>\n<p>The same trained stacks read out on the ")
                .append(ReportTable.grouped(root.heldoutBound().samples()))
                .append(" test images, which no stack saw in training, against the bound for M = ")
                .append(ReportTable.grouped(root.heldoutBound().samples()))
                .append(": a smaller sample, so a lower ceiling of resolution (log<sub>2</sub> M = ")
                .append(String.format(Locale.ROOT, "%.2f", root.heldoutBound().log2Samples()))
                .append(" bits). Mean ± sd over seeds.</p>\n");
        figure(chart, "tradeoff-chart", "Figure H. Relevance against resolution of the held-out read-out.", null);
        out.append("</section>\n");
    }

    private void generative() {
        List<ResultsFile.Measure> measures = root.measures();
        if (measures.isEmpty()) {
            return;
        }
        int zipf = root.verdicts().zipfLayer();
        out.append("<section id=\"generative\">\n<h2>Each layer as a generative model</h2>\n<p>The third claim "
                + "compares the layers as generators. Each seed trains one stack and every layer of that stack is "
                + "measured, so the layers are compared seed by seed (paired). Four measures:</p>\n<ul>\n");
        for (ResultsFile.Measure m : measures) {
            out.append("<li><strong>").append(Html.escape(m.name())).append("</strong> (").append(Html.escape(m.unit()))
                    .append("): ").append(Html.escape(m.description())).append(".</li>\n");
        }
        out.append("</ul>\n");
        ResultsFile.Config c = root.config();
        if (c.evaluation() != null) {
            var e = c.evaluation();
            out.append("<p>").append(Html.escape(String.format(Locale.ROOT, "The likelihood is the variational lower "
                    + "bound of the stack cut at the layer (Salakhutdinov & Murray 2008), on the first %s training "
                    + "and the first %s held-out images with %d upward samples each; log Z of each RBM is exact "
                    + "where its smaller layer can be enumerated, else by AIS with %s inverse temperatures and %d "
                    + "chains. The images are generated by %s in the layer's RBM (%d chains, %d sweeps of burn-in, "
                    + "then a sample every %d sweeps), passed down the stack to the pixels.",
                    ReportTable.grouped(e.likelihoodImages()), ReportTable.grouped(e.likelihoodImages()),
                    e.boundSamples(), ReportTable.grouped(e.aisBetas()), e.aisChains(),
                    e.temperatures() > 1 ? "parallel tempering with " + e.temperatures() + " temperatures"
                            : "Gibbs chains", Math.max(1, c.generatedPerLayer() / e.samplesPerChain()),
                    c.gibbsSteps(), e.every()))).append("</p>\n");
        }
        int figureNumber = 1;
        for (ResultsFile.Measure m : measures) {
            LayerDecision d = decision(m.name());
            double[] low = null;
            double[] high = null;
            if (d != null && d.layers().size() == m.byLayer().size()) {
                low = new double[d.layers().size()];
                high = new double[low.length];
                for (int i = 0; i < low.length; i++) {
                    low[i] = d.layers().get(i).low();
                    high[i] = d.layers().get(i).high();
                }
            }
            figure(GenerativeCharts.measure(m, low, high, zipf, d == null ? -1 : d.bestLayer(), 900, 360),
                    "measure-chart", "Figure G" + figureNumber++ + ". " + m.name() + " of each layer: mean over "
                            + m.perSeed().length + " seeds with a 95% " + (low != null ? "bootstrap " : "")
                            + "interval; the dotted line marks the layer whose μ is closest to 1."
                            + (d == null ? "" : " Verdict by this measure: "
                            + d.verdict().name().toLowerCase(Locale.ROOT) + "."), null);
        }
        String reliability = GenerativeCharts.reliability(root, 900, 420);
        if (!reliability.isEmpty()) {
            figure(reliability, "measure-chart", "Figure G" + figureNumber++ + ". The reliability curve of each "
                    + "layer: the fraction of its generated images within each Jaccard distance of some training "
                    + "image, mean over seeds. The dotted line is the median distance of a held-out image.", null);
        }
        String swaps = GenerativeCharts.swapRates(root, 900, 360);
        if (!swaps.isEmpty()) {
            figure(swaps, "measure-chart", "Figure G" + figureNumber++ + ". Mixing: the swap acceptance rate of each "
                    + "pair of neighbouring temperatures of parallel tempering, per layer (first seed). Rates well "
                    + "above zero all along the ladder let states travel between the hot and the cold chains.", null);
        }
        String energy = GenerativeCharts.energyTraces(root, 900, 360);
        if (!energy.isEmpty()) {
            figure(energy, "measure-chart", "Figure G" + figureNumber + ". Mixing: the mean energy of the chains at "
                    + "β = 1 over the sweeps, per layer (first seed), relative to its final value; a flat end means "
                    + "the chains have settled.", null);
        }
        out.append("</section>\n");
    }

    /** The third claim's decision on the measure {@code name}, or null. */
    private LayerDecision decision(String name) {
        for (Verdicts.Claim c : root.verdicts().claims()) {
            for (Verdicts.MeasureDecision md : c.decisions()) {
                if (md.measure().equals(name)) {
                    return md.decision();
                }
            }
        }
        return null;
    }

    private void training() {
        out.append("<section id=\"training\">\n<h2>Training</h2>\n");
        out.append("<p>Each RBM is trained greedily on the states of the one below it, by contrastive divergence"
                + Html.escape(recipe()) + ". After each epoch the trainer measures, on the first " + monitorRows()
                + " training rows as seen by the layer: the reconstruction error Σ<sub>i</sub> (v<sub>i</sub> − "
                + "v̂<sub>i</sub>)² per row, with the mean-field reconstruction v̂ = σ(σ(vW + c)W<sup>T</sup> + b); "
                + "the free-energy gap F(held-out) − F(train), which grows when a layer over-fits; and the "
                + "pseudo-log-likelihood per visible unit, log p(v<sub>i</sub> | v<sub>−i</sub>) in nats. Lines "
                + "run from the widest layer (dark) to the narrowest (light) and are labelled with their layer; "
                + "first seed.</p>\n<div class=\"two\">\n<figure class=\"filters\">")
                .append(Html.png(dir.resolve(firstRun().resolve("filters.png")), "layer-1 weight filters",
                        "filters"))
                .append("<figcaption>Figure 9. Weight filters of layer 1: the incoming weights W<sub>·j</sub> of "
                        + "the first 100 hidden units, each drawn as a 28 × 28 picture on its own grey scale. "
                        + "Trained units look like strokes and blobs of digits; untrained ones like noise."
                        + "</figcaption></figure>\n");
        figure(ReportCharts.trainingCurve(root, MetricsLog.Row::reconstructionError, "Reconstruction error",
                "squared error per row", true, 540, 400), "training-chart", "Figure 10. Reconstruction error "
                + "against epoch (log scale).", null);
        figure(ReportCharts.trainingCurve(root, MetricsLog.Row::freeEnergyGap, "Free-energy gap", "F(held-out) − F(train)",
                false, 540, 400), "gap-chart", "Figure 11. Free-energy gap against epoch.", null);
        figure(ReportCharts.trainingCurve(root, MetricsLog.Row::pseudoLogLikelihood, "Pseudo-log-likelihood",
                "nats per visible unit", false, 540, 400), "pll-chart", "Figure 12. Pseudo-log-likelihood "
                + "against epoch (higher is better).", null);
        out.append("</div>\n</section>\n");
    }

    /** The training recipe, from the first run's config.json when it is there. */
    private String recipe() {
        Path config = dir.resolve(firstRun()).resolve("config.json");
        if (!Files.isRegularFile(config)) {
            return "";
        }
        try {
            ConfigFile c = JsonFiles.readLenient(config, ConfigFile.class);
            return String.format(Locale.ROOT, " (%sCD-%d, learning rate %s, momentum %s then %s after "
                            + "epoch %d, weight decay %s, batch %d%s, initial weights N(0, %s²))",
                    c.persistent() ? "persistent " : "", c.cdSteps(),
                    plain(c.learningRate()), plain(c.initialMomentum()), plain(c.finalMomentum()),
                    c.momentumSwitchEpoch(), plain(c.weightDecay()), c.batchSize(),
                    c.batches() == null ? "" : " in file order as scikit-learn's BernoulliRBM", plain(c.initStd()));
        } catch (RuntimeException e) {
            return "";
        }
    }

    private String monitorRows() {
        Path config = dir.resolve(firstRun()).resolve("config.json");
        try {
            return ReportTable.grouped(JsonFiles.readLenient(config, ConfigFile.class).monitorRows());
        } catch (RuntimeException e) {
            return "1,000";
        }
    }

    /** A number as written by hand: 0.0002 rather than 2.0E-4. */
    private static String plain(double d) {
        return Double.isFinite(d) ? java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : "?";
    }

    private Path firstRun() {
        return Path.of("runs", "seed-" + root.config().firstSeed());
    }

    private void runFacts() {
        ResultsFile.Config c = root.config();
        out.append("<section id=\"run\">\n<h2>Run facts</h2>\n<table class=\"facts\">\n");
        fact("data", dataName() + ", the first " + ReportTable.grouped(c.images()) + " training images, "
                + "binarised at 0.5 (M = " + ReportTable.grouped(root.bound().samples()) + ")");
        fact("stack", widths());
        fact("training", c.epochs() + " epochs per layer" + recipe());
        fact("seeds", c.seeds() + ", from seed " + c.firstSeed()
                + " (error bars are sd over seeds)");
        fact("controls", root.groups().containsKey(ReportCharts.UNTRAINED)
                ? "untrained stack; stack trained on pixel-shuffled images (first seed)" : "not run");
        fact("width sweep", "single RBMs 784-w, w = " + join(c.sweepWidths()));
        fact("generation", c.generatedPerLayer() + " images per layer, method and seed; "
                + c.gibbsSteps() + " sweeps of burn-in" + (c.evaluation() != null && c.evaluation().temperatures() > 1
                ? ", parallel tempering with " + c.evaluation().temperatures() + " temperatures" : ""));
        fact("classifier", "softmax regression, test accuracy " + percent(root.classifierTestAccuracy())
                + " on the " + ReportTable.grouped(root.heldoutBound().samples() > 0 ? root.heldoutBound().samples()
                : 10000) + " " + dataName() + " test images");
        fact("time", duration(root.seconds()));
        fact("machine", root.machine().cpu() + ", " + root.machine().cores()
                + " cores, " + c.threads() + " worker threads, Java "
                + root.machine().java());
        fact("kernels", root.kernels());
        out.append("</table>\n</section>\n");
    }

    private void files() {
        out.append("""
                <footer>
                <h2>Files</h2>
                <p><code>results.json</code> holds every number on this page (means, standard deviations, the
                bound, the frequencies of the first seed, the training curves and the verdicts);
                <code>reproduction-table.md</code> the layer table; <code>images/</code> the generated digits;
                <code>runs/</code> the trained stacks, which a second run with the same settings reuses. To redraw
                this page from <code>results.json</code> without training:
                <code>rbm reproduce --render-only --out DIR</code>.</p>
                </footer>
                """);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private void fact(String name, String value) {
        out.append("<tr><th>").append(Html.escape(name)).append("</th><td>").append(Html.escape(value))
                .append("</td></tr>\n");
    }

    /** A figure: the chart (omitted with a note if empty), its caption, and optional explanatory HTML after it. */
    private void figure(String svg, String cssClass, String caption, String explanation) {
        out.append("<figure class=\"chart ").append(cssClass).append("\">\n");
        out.append(svg.isEmpty() ? "<p class=\"missing\">(no data for this chart)</p>\n" : svg);
        out.append("<figcaption>").append(caption).append("</figcaption>\n</figure>\n");
        if (explanation != null) {
            out.append(explanation).append('\n');
        }
    }

    private String widths() {
        int[] w = root.config().layers();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            s.append(i == 0 ? "" : "-").append(w[i]);
        }
        return s.toString();
    }

    private static String join(int[] list) {
        StringBuilder s = new StringBuilder();
        for (int v : list) {
            s.append(s.isEmpty() ? "" : ", ").append(v);
        }
        return s.toString();
    }

    static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f%%", 100 * fraction) : "—";
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "—";
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    /** The report's own style sheet, after the shared page.css. */
    private static final String STYLE = Html.resource("report.css");

    /**
     * The render self-check, first in the page so that it sees every script error, failed load and console.error
     * call.
     */
    private static final String RENDER_CHECK = Html.resource("render-check.js");
}
