namespace PiiOrleans.Tracks.Mapping;

/// <summary>Track Veil's PLANTIMALS word list (269 entries), in its exact order: the input of the run pool shuffle.</summary>
public static class Plantimals
{
    /// <summary>The words, exactly as Track Veil lists them (odd truncations such as <c>weevl</c> included on purpose).</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "ant", "ape", "auk", "bat", "bee", "bug", "cat", "cod", "cow", "cub", "dog", "doe", "eel", "elk", "emu",
        "ewe", "fox", "fly", "gnu", "hen", "hog", "owl", "ox", "pig", "pup", "ram", "rat", "ray", "yak", "ash",
        "elm", "fir", "ivy", "oak", "pea", "pod", "rye", "sap", "soy", "tea", "yam", "yew", "bass", "bear", "beet",
        "bird", "boar", "calf", "clam", "colt", "corn", "crow", "crab", "deer", "dill", "duck", "fern", "fig",
        "frog", "goat", "gull", "hare", "hawk", "herb", "ibis", "kite", "lamb", "lark", "leek", "lime", "lion",
        "loon", "lynx", "mink", "mite", "mole", "moth", "newt", "nut", "okra", "oats", "pear", "perch", "pike",
        "pine", "plum", "puma", "reed", "rice", "rose", "sage", "seal", "slug", "sole", "swan", "tern", "tick",
        "toad", "tuna", "vole", "wasp", "weed", "wren", "adder", "algae", "alpaca", "anise", "aphid", "apple",
        "aspen", "badger", "bamboo", "banana", "beaver", "berry", "bison", "borage", "buffet", "butter", "cactus",
        "camel", "canary", "carrot", "catnip", "celery", "cheese", "cherry", "chives", "clammy", "clover", "coconut",
        "copper", "corals", "cotton", "coyote", "cricket", "crocod", "cumin", "daikon", "donkey", "dragon", "eagle",
        "earwig", "edamame", "egrets", "elmwood", "falcon", "ferret", "figwort", "finch", "fungus", "galago",
        "garlic", "gerbil", "ginger", "ginkgo", "goose", "gopher", "grapes", "grassh", "ground", "guava", "hamster",
        "hazeln", "hermit", "hibisc", "hollyh", "hornet", "horses", "hyenas", "iguana", "jackal", "jaguar",
        "juniper", "katydid", "kelper", "kettle", "knotwe", "larch", "lemons", "lentil", "lichen", "lobster",
        "locust", "maggot", "mallow", "mammal", "mantis", "marlin", "meadow", "melons", "minnow", "mollus", "monkey",
        "mosquito", "mulberry", "mushrm", "mustel", "narwhl", "nectar", "newton", "nutmeg", "octopi", "olives",
        "onions", "orchid", "otters", "papaya", "parrot", "parsley", "peanut", "pepper", "petrel", "phalar",
        "pigeon", "pineap", "pistil", "plover", "pollen", "poppy", "porcup", "potato", "prawns", "prunes", "pumpkn",
        "rabbit", "radish", "raccoo", "raptor", "reptil", "robin", "salmon", "sapling", "scallp", "scarab",
        "seaweed", "sesame", "shallt", "shrimp", "skinks", "snails", "sparrow", "spinac", "sponge", "spruce",
        "squash", "squid", "starfi", "stoats", "stork", "sunfis", "swine", "tapirs", "thrush", "thymer", "tomato",
        "tulips", "turnip", "turtle", "urchin", "walnut", "weasel", "weevl", "whales", "willow", "wolves", "woodpe",
        "yarrow", "zebras"
    ];
}
