using PiiOrleans.Runtime;

namespace PiiOrleans.Tests.Runtime.Grains;

public interface IReentrantGrain : IGrainWithStringKey
{
    Task WaitForRelease();

    Task Release();

    Task<bool> Step(int yields);

    Task<int> CallSelf();

    Task<int> Ping();
}
