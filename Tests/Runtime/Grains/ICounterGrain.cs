using PiiOrleans.Runtime;

namespace PiiOrleans.Tests.Runtime.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task Increment();

    Task<int> IncrementSlowly();

    ValueTask<int> Get();

    ValueTask Reset();

    Task<string> Echo(string text, int times);

    Task<int> ActivationNumber();

    Task Fail(string message);

    Task FailSynchronously();

    Task Sleep(TimeSpan duration);

    Task DeactivateAfterThisCall();
}
