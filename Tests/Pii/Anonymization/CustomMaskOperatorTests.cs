using PiiOrleans.Pii.Anonymization;

namespace PiiOrleans.Tests.Pii.Anonymization;

/// <summary>Every worked example of the spec's §5.3 tables, except the ones the spec marks as leaks: no name part or
/// e-mail part is kept whole.</summary>
public sealed class CustomMaskOperatorTests
{
    [Theory]
    [InlineData("John Smith", "Jo** Sm***")]
    [InlineData("Alice Smith", "Al*** Sm***")]
    [InlineData("Heidi Müller", "He*** Mü****")]
    [InlineData("Frank Wu", "Fr*** W*")]
    [InlineData("Mary-Jane O'Neil", "Ma******* O'****")]
    [InlineData("  John   Smith ", "Jo** Sm***")]
    [InlineData("Dr. Carol Lee", "Dr* Ca*** Le*")]
    [InlineData("São Paulo", "Sã* Pa***")]
    [InlineData("Al", "A*")]
    [InlineData("J", "*")]
    [InlineData("", "")]
    [InlineData("𝒜𝒷𝒸 Zoë", "𝒜𝒷* Zo*")]
    public void Mask_person(string input, string expected)
    {
        Assert.Equal(expected, new MaskPersonOperator().Operate(input, new OperatorParameters("PERSON")));
    }

    [Theory]
    [InlineData("user@example.com", "us**@e******.com")]
    [InlineData("alice.smith@example.com", "al*********@e******.com")]
    [InlineData("first.last@sub.domain.org", "fi********@s**.org")]
    [InlineData("john@mail.example.co.uk", "jo**@m***.uk")]
    [InlineData("john@localhost", "jo**@localhost")]
    [InlineData("ab@x.io", "a*@*.io")]
    [InlineData("x@ex.com", "*@e*.com")]
    [InlineData("no-at-sign", "no-at-sign")]
    public void Mask_email(string input, string expected)
    {
        Assert.Equal(expected, new MaskEmailOperator().Operate(input, new OperatorParameters("EMAIL_ADDRESS")));
    }

    [Theory]
    [InlineData("123 Main St", "1** M*** St")]
    [InlineData("123 Main St, New York", "1** M*** St, N** Y***")]
    [InlineData("123 Main St, New York, NY 10001", "1** M*** St, N** Y***, NY 1****")]
    [InlineData("123 Main St, New York, NY ", "1** M*** St, N** Y***, NY")]
    [InlineData("221B Baker Street, London", "2*** B**** S*****, L*****")]
    [InlineData("10 Downing St", "1* D****** St")]
    [InlineData("5 Avenue Rd", "5 A***** Rd")]
    [InlineData("London", "L*****")]
    [InlineData("São Paulo", "S** P****")]
    [InlineData("en_GB", "e****")]
    [InlineData("a,,b", "a, b")]
    [InlineData("12", "1*")]
    [InlineData("1", "1")]
    [InlineData("Way", "Way")]
    [InlineData("UK", "UK")]
    [InlineData("9 ELM BLVD", "9 E** BLVD")]
    public void Mask_location(string input, string expected)
    {
        Assert.Equal(expected, new MaskLocationOperator().Operate(input, new OperatorParameters("LOCATION")));
    }
}
