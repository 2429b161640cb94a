using PiiOrleans.Runtime;

namespace PiiOrleans.Tests.Runtime.Grains;

public interface IChainGrain : IGrainWithStringKey
{
    Task<int> Ping();

    /// <summary>Calls <paramref name="otherKey"/>, which calls back this grain: A → B → A.</summary>
    Task<int> CallThrough(string otherKey);

    Task<int> CallBack(string callerKey);

    Task<int> CallSelf();

    Task<int> CallSelfThroughTaskRun();

    /// <summary>Starts a call back through <paramref name="otherKey"/> without awaiting it (the turn ends first).</summary>
    Task StartBackgroundCallThrough(string otherKey);
}
