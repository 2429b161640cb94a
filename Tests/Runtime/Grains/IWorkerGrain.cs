using PiiOrleans.Runtime;

namespace PiiOrleans.Tests.Runtime.Grains;

public interface IWorkerGrain : IGrainWithStringKey
{
    /// <summary>Waits until another call is inside a worker at the same time; returns this activation's id.</summary>
    Task<Guid> MeetAnother();

    Task<Guid> Identify(TimeSpan hold);
}
