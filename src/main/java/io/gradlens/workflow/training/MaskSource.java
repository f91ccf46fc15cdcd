package io.gradlens.workflow.training;


/** Where the relevance masks of the explanation penalty come from ({@code --mask}). */
public enum MaskSource {
    /** The masks the dataset carries (with its edits applied: the marks made in the workbench). */
    DATASET("dataset"),
    /** The VADER lexicon: sentiment words may matter, every other token must not (text only). */
    LEXICON("lexicon"),
    /** The decoy masks of a decoy dataset ({@code decoy-text}, {@code decoy-mnist}). */
    DECOY("decoy");

    private final String cliName;

    MaskSource(String cliName) {
        this.cliName = cliName;
    }

    /** The name {@code --mask} takes. */
    public String cliName() {
        return cliName;
    }

    /** The source named {@code name} (case-insensitive). */
    public static MaskSource fromCliName(String name) {
        return CliNames.find(values(), MaskSource::cliName, name).orElseThrow(() ->
                new IllegalArgumentException("unknown --mask '" + name + "'; use dataset, lexicon or decoy"));
    }
}
