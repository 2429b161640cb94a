using PiiOrleans.Runtime;

namespace PiiOrleans.Tests.Runtime.Grains;

public interface IOrderGrain : IGrainWithStringKey
{
    Task Record(int value);

    Task<int[]> Recorded();
}
