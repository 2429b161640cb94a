namespace PiiOrleans.Runtime;

/// <summary>Where the silo's HTTP gateway listens, once it has started (registered by the silo host; optional).</summary>
public interface IGatewayAddress
{
    /// <summary>The gateway's base address, or <see langword="null"/> when no gateway is listening.</summary>
    Uri? Address { get; }
}
