using PiiOrleans.Runtime;

namespace PiiOrleans.Tests.Runtime.Grains;

public interface ISlowDeactivationGrain : IGrainWithStringKey
{
    Task Ping();

    Task DeactivateAfterThisCall();
}
