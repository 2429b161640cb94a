using PiiOrleans.Pii.Anonymization;
using PiiOrleans.Pii.Configuration;

namespace PiiOrleans.Tests.Pii.Anonymization;

public sealed class PseudonymizeOperatorTests
{
    private static BoundOperator Bind(OperatorRegistry registry, string entity, string mode) =>
        registry.Bind(new OperatorSettings("pseudonymize").With("mode", mode), entity);

    [Fact]
    public void Placeholders_are_numbered_per_entity_and_consistent()
    {
        var registry = new OperatorRegistry();
        var person = Bind(registry, "PERSON", "placeholder");
        var email = Bind(registry, "EMAIL_ADDRESS", "placeholder");

        Assert.Equal("<PERSON_1>", person.Operate("Alice Smith"));
        Assert.Equal("<PERSON_2>", person.Operate("Bob Jones"));
        Assert.Equal("<PERSON_1>", person.Operate("Alice Smith"));
        Assert.Equal("<EMAIL_ADDRESS_1>", email.Operate("alice@example.com"));
        Assert.Equal(3, registry.PseudonymStore.Count);
    }

    [Fact]
    public void Fake_values_keep_the_shape_and_are_deterministic_per_seed()
    {
        string[] Run(string seed)
        {
            var registry = new OperatorRegistry(new InMemoryPseudonymStore(), seed);
            return
            [
                Bind(registry, "PERSON", "fake").Operate("Alice Smith"),
                Bind(registry, "EMAIL_ADDRESS", "fake").Operate("alice@corp.com"),
                Bind(registry, "PHONE_NUMBER", "fake").Operate("(555) 123-4567"),
                Bind(registry, "CREDIT_CARD", "fake").Operate("4532-1234-5678-9012"),
                Bind(registry, "IP_ADDRESS", "fake").Operate("192.168.1.100"),
                Bind(registry, "US_SSN", "fake").Operate("719-42-8063"),
            ];
        }

        var first = Run("job-seed-1");
        Assert.Equal(first, Run("job-seed-1"));
        Assert.NotEqual(first, Run("job-seed-2"));

        Assert.Matches(@"^[A-Z][a-z]+ [A-Z][a-z]+$", first[0]);
        Assert.Matches(@"^[a-z]+\.[a-z]+\d+@example\.(com|org|net)$", first[1]);
        Assert.Matches(@"^\(\d{3}\) \d{3}-\d{4}$", first[2]);
        Assert.Matches(@"^\d{4}-\d{4}-\d{4}-\d{4}$", first[3]);
        Assert.True(LuhnValid(first[3]));
        Assert.Matches(@"^10\.\d+\.\d+\.\d+$", first[4]);
        Assert.Matches(@"^\d{3}-\d{2}-\d{4}$", first[5]);
        Assert.NotEqual("(555) 123-4567", first[2]);
    }

    [Fact]
    public void Surrogates_never_collide_even_from_a_tiny_value_space()
    {
        // One-digit values have only 9 possible same-shape surrogates: collisions must be resolved, never shared.
        var registry = new OperatorRegistry(new InMemoryPseudonymStore(), "seed");
        var op = Bind(registry, "US_BANK_NUMBER", "fake");
        var surrogates = Enumerable.Range(1, 9).Select(i => op.Operate(i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(surrogates.Count, surrogates.Distinct().Count());
        Assert.Equal(surrogates, Enumerable.Range(1, 9).Select(i => op.Operate(i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void Store_is_consistent_and_collision_free_under_concurrency()
    {
        var registry = new OperatorRegistry(new InMemoryPseudonymStore(), "seed");
        var op = Bind(registry, "PERSON", "fake");
        var values = Enumerable.Range(0, 2000).Select(i => $"Person {i % 500}").ToArray();
        var results = new string[values.Length];
        Parallel.For(0, values.Length, i => results[i] = op.Operate(values[i]));

        Assert.Equal(500, registry.PseudonymStore.Count);
        var byOriginal = values.Zip(results).GroupBy(p => p.First).ToList();
        Assert.All(byOriginal, g => Assert.Single(g.Select(p => p.Second).Distinct()));
        Assert.Equal(500, results.Distinct().Count());
    }

    [Fact]
    public void Depseudonymize_reverses_through_the_store()
    {
        var registry = new OperatorRegistry(new InMemoryPseudonymStore(), "seed");
        var surrogate = Bind(registry, "EMAIL_ADDRESS", "fake").Operate("alice@corp.com");
        var reverse = registry.Bind(new OperatorSettings("depseudonymize"), "EMAIL_ADDRESS", OperatorType.Deanonymize);
        Assert.Equal("alice@corp.com", reverse.Operate(surrogate));
        Assert.Equal("unknown", reverse.Operate("unknown"));
        Assert.Equal([new PseudonymEntry("EMAIL_ADDRESS", "alice@corp.com", surrogate)], registry.PseudonymStore.Snapshot());
    }

    private static bool LuhnValid(string number)
    {
        var digits = number.Where(char.IsAsciiDigit).Select(c => c - '0').Reverse().ToArray();
        var sum = digits.Select((d, i) => i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d).Sum();
        return sum % 10 == 0;
    }
}
