namespace PiiOrleans.Silo.Hosting;

/// <summary>The silo's configuration cannot be used; the message names the key and the accepted values.</summary>
public sealed class SiloConfigurationException(string message) : Exception(message);
