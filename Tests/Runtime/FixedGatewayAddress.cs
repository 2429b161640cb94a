using PiiOrleans.Runtime;

namespace PiiOrleans.Tests.Runtime;

/// <summary>An <see cref="IGatewayAddress"/> with a fixed value, standing in for the silo's HTTP gateway.</summary>
internal sealed class FixedGatewayAddress(Uri address) : IGatewayAddress
{
    public Uri? Address { get; } = address;
}
