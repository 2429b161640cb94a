using PiiOrleans.Runtime;

namespace PiiOrleans.Tests.Runtime.Grains;

public interface IFlakyGrain : IGrainWithStringKey
{
    Task<string> Ping();
}
