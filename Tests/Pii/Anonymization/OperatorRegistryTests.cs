using PiiOrleans.Pii.Anonymization;
using PiiOrleans.Pii.Configuration;

namespace PiiOrleans.Tests.Pii.Anonymization;

public sealed class OperatorRegistryTests
{
    [Fact]
    public void Custom_resolves_its_lambda()
    {
        var bound = new OperatorRegistry().Bind(new OperatorSettings("custom").With("lambda", "mask_email"), "EMAIL_ADDRESS");
        Assert.Equal("mask_email", bound.Name);
        Assert.Equal("us**@e******.com", bound.Operate("user@example.com"));
    }

    [Fact]
    public void Unknown_names_are_rejected_naming_the_field()
    {
        var registry = new OperatorRegistry();
        Assert.Equal("anonymization_strategy", Assert.Throws<OperatorParameterException>(() =>
            registry.Bind(new OperatorSettings("shuffle"), "PERSON")).Parameter);
        Assert.Equal("lambda", Assert.Throws<OperatorParameterException>(() =>
            registry.Bind(new OperatorSettings("custom").With("lambda", "lambda x: x"), "PERSON")).Parameter);

        // A deanonymizer is not an anonymizer and vice versa.
        Assert.Throws<OperatorParameterException>(() => registry.Bind(new OperatorSettings("decrypt").With("key", "0123456789abcdef"), "PERSON"));
        Assert.Throws<OperatorParameterException>(() => registry.Bind(new OperatorSettings("mask_person"), "PERSON", OperatorType.Deanonymize));
    }

    [Fact]
    public void Lists_anonymizers_and_deanonymizers()
    {
        var registry = new OperatorRegistry();
        Assert.Equal<string>(
            ["custom", "encrypt", "hash", "keep", "mask", "mask_email", "mask_location", "mask_person", "pseudonymize", "redact", "replace"],
            registry.AnonymizerNames);
        Assert.Equal<string>(["deanonymize_keep", "decrypt", "depseudonymize"], registry.DeanonymizerNames);
    }
}
